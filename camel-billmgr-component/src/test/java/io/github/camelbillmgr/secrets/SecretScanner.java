package io.github.camelbillmgr.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in a text: known secret values (passwords, also URL-encoded), session ids from live sets of issued
 * ids, and any credential written out with a clear value ({@code password=...}, {@code authinfo=...},
 * {@code auth=...}, {@code https://user:password@host}), known or not. Thread-safe; meant to be called for every log
 * line, so a check is a handful of {@code indexOf}s and a pass or two over the text (a regular expression only for
 * the rare text with a URL and an '@').
 */
public final class SecretScanner {

    /**
     * Shorter values are not looked for by value: a test password such as {@code p} is in every text. Such values are
     * still found when written as a parameter ({@code password=p}).
     */
    static final int MIN_LENGTH = 5;
    /** Session ids are long random tokens; shorter letter-and-digit runs are not looked up. */
    static final int MIN_TOKEN_LENGTH = 16;

    /** Parameter names whose values are credentials ({@code name=value}, in any case). */
    private static final Set<String> CREDENTIAL_NAMES = Set.of("password", "passwd", "userpassword", "newpassword",
            "old_password", "authinfo", "auth");
    /** Where a parameter value ends, unless it is {@code RAW(...)}. */
    private static final String VALUE_ENDS = "&,;|\"'<>)]}";
    /** A password in the user info of a URL: {@code https://user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile(
            "(?i)\\b[a-z][a-z0-9+.-]*://[^/\\s:@?#&]+:([^/\\s@?#&]*)@");
    /** What may stand where a credential would: the masks Camel and the component write, and placeholders. */
    private static final Pattern MASKED = Pattern.compile(
            "(?:RAW[({])?(?:[^:]*:)?(?:x{3,}|\\*{3,}|\\{\\{.*|\\$\\{.*|<.*)?[)}]?");

    /** Secret value to what it is (for the report, which never shows the value). */
    private final Map<String, String> known = new ConcurrentHashMap<>();
    private final List<Map.Entry<Set<String>, String>> tokenSets = new CopyOnWriteArrayList<>();

    /** Looks for this value, and its URL-encoded form, from now on. Null and short values are ignored. */
    public void addSecret(String value, String label) {
        if (value == null || value.length() < MIN_LENGTH) {
            return;
        }
        known.putIfAbsent(value, label);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (!encoded.equals(value)) {
            known.putIfAbsent(encoded, label + " (URL-encoded)");
        }
    }

    /**
     * Looks for the members of this set (a live view, e.g. the session ids a simulator issued) as whole
     * letter-and-digit runs of at least {@value #MIN_TOKEN_LENGTH} characters. The same set object is added once.
     */
    public void addTokens(Set<String> live, String label) {
        for (Map.Entry<Set<String>, String> e : tokenSets) {
            if (e.getKey() == live) {
                return;
            }
        }
        tokenSets.add(Map.entry(live, label));
    }

    /** Stops looking for the token sets (their simulators are gone). Known values stay. */
    public void forgetTokens() {
        tokenSets.clear();
    }

    /**
     * What leaked in the text, or null when nothing did. The answer names the kind of secret and shows the text with
     * the secret masked, so that the report itself leaks nothing.
     */
    public String scan(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, String> e : known.entrySet()) {
            if (text.contains(e.getKey())) {
                return e.getValue() + " in: " + mask(text, e.getKey());
            }
        }
        String token = issuedToken(text);
        if (token != null) {
            return token;
        }
        String parameter = clearParameter(text);
        // most lines have no URL with user info: skip the regular expression for them
        if (parameter != null || text.indexOf('@') < 0 || !text.contains("://")) {
            return parameter;
        }
        Matcher m = USER_INFO.matcher(text);
        while (m.find()) {
            if (!isMasked(m.group(1))) {
                return "a password in a URL in: " + shownWithout(text, m.start(1), m.end(1));
            }
        }
        return null;
    }

    /**
     * The first {@code name=value} whose name is a credential's and whose value is clear, described; else null. A
     * hand-written scan rather than a regular expression: it runs for every log line, and most have no '=' at all.
     */
    private static String clearParameter(String text) {
        for (int eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
            int nameEnd = eq;
            while (nameEnd > 0 && text.charAt(nameEnd - 1) == ' ') {
                nameEnd--;
            }
            int nameStart = nameEnd;
            while (nameStart > 0 && isNameChar(text.charAt(nameStart - 1))) {
                nameStart--;
            }
            // "oauth=" or "x-auth=" name something else
            boolean wholeName = nameStart == 0 || !(Character.isDigit(text.charAt(nameStart - 1))
                    || text.charAt(nameStart - 1) == '-');
            String name = text.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            if (!wholeName || !CREDENTIAL_NAMES.contains(name)) {
                continue;
            }
            int start = eq + 1;
            while (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
            int end = valueEnd(text, start);
            if (end > start && !isMasked(text.substring(start, end))) {
                return "a clear '" + name + "' value in: " + shownWithout(text, start, end);
            }
        }
        return null;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static int valueEnd(String text, int start) {
        if (text.startsWith("RAW(", start) || text.startsWith("RAW{", start)) {
            int close = text.indexOf(text.charAt(start + 3) == '(' ? ')' : '}', start);
            return close < 0 ? text.length() : close + 1;
        }
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                && VALUE_ENDS.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    private static boolean isMasked(String value) {
        return value.isEmpty() || MASKED.matcher(value).matches();
    }

    private static String shownWithout(String text, int start, int end) {
        return abbreviate(text.substring(0, start) + "<" + (end - start) + " characters>" + text.substring(end));
    }

    private String issuedToken(String text) {
        if (tokenSets.isEmpty()) {
            return null;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i - start >= MIN_TOKEN_LENGTH) {
                String run = text.substring(start, i);
                for (Map.Entry<Set<String>, String> e : tokenSets) {
                    if (e.getKey().contains(run)) {
                        return e.getValue() + " in: " + mask(text, run);
                    }
                }
            }
        }
        return null;
    }

    private static String mask(String text, String secret) {
        return abbreviate(text.replace(secret, "<" + secret.length() + " characters>"));
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "...";
    }
}

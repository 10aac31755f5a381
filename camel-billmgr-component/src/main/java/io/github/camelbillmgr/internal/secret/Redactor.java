package io.github.camelbillmgr.internal.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secret values (passwords, session ids, {@code authinfo}) in any text that leaves the component: exception
 * messages, error bodies, response headers, log lines. BILLmanager, a proxy, a WAF or an error page may echo a value
 * it got, so every text built from a reply goes through here with the secrets of the request it answers.
 * <p>
 * An echo is rarely the raw value: the request body was form-encoded (by the JDK's {@code URLEncoder}, which leaves
 * {@code *} and writes {@code ~} as {@code %7E}; HttpCore's {@code WWWFormCodec} does the opposite), and the page that shows it may
 * escape it again for HTML, XML or JSON. So each secret is matched character by character in every form a character
 * can take: itself, {@code +} for a space, percent-encoded UTF-8 in either hex case, an HTML/XML entity (named,
 * decimal or hex) and a JSON escape. Mixed forms in one echo are matched too.
 */
public final class Redactor {

    public static final String MASK = "xxxxxx";

    /** One pattern for all secrets, longest first so that a secret containing another is masked whole. */
    private final Pattern pattern;

    public Redactor(Collection<String> secrets) {
        Set<String> s = new LinkedHashSet<>();
        for (String v : secrets) {
            // Very short values would mask unrelated text; BILLmanager does not accept such passwords anyway.
            if (v != null && v.length() >= 3) {
                s.add(v);
            }
        }
        List<String> sorted = new ArrayList<>(s);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternatives = new StringBuilder();
        for (String secret : sorted) {
            if (!alternatives.isEmpty()) {
                alternatives.append('|');
            }
            alternatives.append(anyForm(secret));
        }
        this.pattern = alternatives.isEmpty() ? null : Pattern.compile(alternatives.toString());
    }

    /** A regular expression matching the secret with each character in any of its encoded forms. */
    private static String anyForm(String secret) {
        StringBuilder re = new StringBuilder("(?:");
        secret.codePoints().forEach(cp -> re.append(anyForm(cp)));
        return re.append(')').toString();
    }

    private static String anyForm(int cp) {
        List<String> forms = new ArrayList<>();
        forms.add(Pattern.quote(new String(Character.toChars(cp))));
        if (cp == ' ') {
            forms.add("\\+");
        }
        // percent-encoded UTF-8, hex digits in either case
        StringBuilder percent = new StringBuilder();
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
            percent.append('%').append(hexEitherCase(b & 0xff, 2));
        }
        forms.add(percent.toString());
        // HTML/XML: decimal and hex character references (leading zeros allowed), and the named ones
        forms.add("&#0*" + cp + ";");
        forms.add("&#[xX]0*" + hexEitherCase(cp, 1) + ";");
        switch (cp) {
            case '&' -> forms.add("&amp;");
            case '<' -> forms.add("&lt;");
            case '>' -> forms.add("&gt;");
            case '"' -> forms.add("&quot;");
            case '\'' -> forms.add("&apos;");
            default -> {
            }
        }
        // JSON: \\uXXXX (a surrogate pair above the BMP) and the short escapes
        StringBuilder json = new StringBuilder();
        for (char c : Character.toChars(cp)) {
            json.append("\\\\u").append(hexEitherCase(c, 4));
        }
        forms.add(json.toString());
        switch (cp) {
            case '"' -> forms.add("\\\\\"");
            case '\\' -> forms.add("\\\\\\\\");
            case '/' -> forms.add("\\\\/");
            case '\t' -> forms.add("\\\\t");
            case '\n' -> forms.add("\\\\n");
            case '\r' -> forms.add("\\\\r");
            default -> {
            }
        }
        return "(?:" + String.join("|", forms) + ")";
    }

    /** A hex number as a pattern that accepts its letters in either case, e.g. {@code [2][aA]}. */
    private static String hexEitherCase(int value, int digits) {
        String hex = String.format(Locale.ROOT, "%0" + digits + "x", value);
        StringBuilder re = new StringBuilder();
        for (char h : hex.toCharArray()) {
            if (Character.isLetter(h)) {
                re.append('[').append(h).append(Character.toUpperCase(h)).append(']');
            } else {
                re.append(h);
            }
        }
        return re.toString();
    }

    public String redact(String text) {
        if (text == null || pattern == null) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(MASK) : text;
    }

    public byte[] redact(byte[] body) {
        if (body == null || pattern == null) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String red = redact(text);
        return red == text ? body : red.getBytes(StandardCharsets.UTF_8);
    }
}

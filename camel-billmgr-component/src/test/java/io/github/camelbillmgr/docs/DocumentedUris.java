package io.github.camelbillmgr.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every {@code billmgr:} endpoint URI written in the project's documentation and examples: Markdown, Java, YAML,
 * XML and properties files under the README, docs/ and examples/ (build output aside). A URI is taken as far as a
 * URI can go in its surroundings (a quote, a backtick, white space, an unbalanced bracket), {@code &amp;} is decoded,
 * and a Java string that continues with {@code " + expression} ends in a {@code {{placeholder}}} for the part that
 * is only known at run time.
 */
final class DocumentedUris {

    private static final Pattern URI
            = Pattern.compile("(?<![A-Za-z0-9_-])billmgr:[A-Za-z0-9_.{}*-]+/[^\\s\"'`<>\\[\\]]*");
    private static final Pattern CONCATENATED = Pattern.compile("\"\\s*\\+");
    private static final List<String> EXTENSIONS = List.of(".md", ".java", ".yaml", ".yml", ".xml", ".properties");

    private DocumentedUris() {
    }

    /** URI to the first file (relative to the project root) it was found in, sorted by URI. */
    static Map<String, String> find(Path root) {
        Map<String, String> uris = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        files.addAll(walk(root.resolve("docs")));
        files.addAll(walk(root.resolve("examples")));
        for (Path file : files) {
            String text = read(file);
            Matcher m = URI.matcher(text);
            while (m.find()) {
                String uri = trim(m.group());
                if (m.end() < text.length() && text.charAt(m.end()) == '<') {
                    continue; // a template such as billmgr:func/<name>, not a URI
                }
                if (CONCATENATED.matcher(text).region(m.start() + uri.length(), text.length()).lookingAt()) {
                    uri += "{{concatenated}}";
                }
                uri = uri.replace("&amp;", "&"); // XML, also in the docs' XML snippets
                uris.putIfAbsent(uri, root.relativize(file).toString());
            }
        }
        return uris;
    }

    /** Drops what follows the URI in prose or code: closing brackets it did not open, and final punctuation. */
    static String trim(String uri) {
        String s = uri;
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            char last = s.charAt(s.length() - 1);
            if (".,;:".indexOf(last) >= 0 && !s.endsWith("...") // billmgr:func/... names any function
                    || last == '}' && count(s, '{') < count(s, '}')
                    || last == ')' && count(s, '(') < count(s, ')')) {
                s = s.substring(0, s.length() - 1);
                changed = true;
            }
        }
        return s;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    private static List<Path> walk(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> EXTENSIONS.stream().anyMatch(e -> p.getFileName().toString().endsWith(e)))
                    .filter(p -> !isBuildOutput(dir.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBuildOutput(Path relative) {
        for (Path segment : relative) {
            if (segment.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.camelbillmgr.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifest headers docs/karaf.md shows (between its {@code <!-- manifest: START -->} and
 * {@code <!-- manifest: END -->} lines) are the ones the build writes into the bundle: they are rendered from
 * target/classes/META-INF/MANIFEST.MF (the bundle plugin's manifest goal runs in process-classes), one package per
 * line. A change of imports or exports fails here until the page shows it; {@code -Dbillmgr.updateDocs=true}
 * rewrites the block:
 *
 * <pre>
 * mvn -B -q -pl camel-billmgr-component test -Dtest=KarafManifestDocTest -Dbillmgr.updateDocs=true
 * </pre>
 */
class KarafManifestDocTest {

    private static final Path DOC = Path.of("../docs/karaf.md");
    private static final Path MANIFEST = Path.of("target/classes/META-INF/MANIFEST.MF");
    private static final String START = "<!-- manifest: START -->\n";
    private static final String END = "<!-- manifest: END -->";
    private static final String[] HEADERS = { "Bundle-SymbolicName", "Bundle-Version", "Export-Package",
            "Import-Package", "Require-Capability" };

    @Test
    void karafPageShowsTheBuiltManifest() throws IOException {
        assertTrue(Files.isRegularFile(MANIFEST), MANIFEST + " is written by the bundle plugin in process-classes");
        String page = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        assertTrue(start >= 0 && end > start, DOC + " has the marker lines " + START.trim() + " and " + END);
        String actual = page.substring(start + START.length(), end);
        String expected = render(manifest());
        if (expected.equals(actual)) {
            return;
        }
        if (Boolean.parseBoolean(System.getProperty(ComponentDocDriftTest.UPDATE_PROPERTY, "false"))) {
            Files.writeString(DOC, page.substring(0, start + START.length()) + expected + page.substring(end),
                    StandardCharsets.UTF_8);
            System.out.println("[billmgr docs] rewrote the manifest block of " + DOC);
            return;
        }
        assertEquals(expected, actual, DOC + " shows another manifest than the build writes; regenerate it with "
                + "-Dtest=KarafManifestDocTest -Dbillmgr.updateDocs=true");
    }

    @Test
    void renderingKeepsEveryPackage() throws IOException {
        // the rendering drops nothing: each import and export of the manifest appears in it
        Attributes a = manifest();
        String block = render(a);
        for (String header : new String[] { "Import-Package", "Export-Package" }) {
            for (String clause : clauses(a.getValue(header))) {
                String pkg = clause.split(";", 2)[0];
                assertTrue(block.contains(pkg), header + " " + pkg + " in\n" + block);
            }
        }
    }

    /** The doc's code block: headers in a fixed order, one clause per line, the java.* imports on shared lines. */
    static String render(Attributes a) {
        StringBuilder b = new StringBuilder("```\n");
        for (String header : HEADERS) {
            String value = a.getValue(header);
            if (value == null) {
                continue;
            }
            if (!header.endsWith("-Package")) {
                b.append(header).append(": ").append(value).append('\n');
                continue;
            }
            b.append(header).append(":\n");
            List<String> clauses = clauses(value);
            List<String> java = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (String c : clauses) {
                if (c.startsWith("java.")) {
                    java.add(c);
                } else {
                    lines.add("  " + c);
                }
            }
            if (!java.isEmpty()) {
                lines.addAll(wrap(String.join(", ", java), "  "));
            }
            for (int i = 0; i < lines.size(); i++) {
                b.append(lines.get(i))
                        .append(i < lines.size() - 1 && !lines.get(i + 1).startsWith("   ") ? ",\n" : "\n");
            }
        }
        return b.append("```\n").toString();
    }

    /** Splits a header at the commas outside quotes. */
    static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString().trim());
        }
        return out;
    }

    /** A long line (the java.* imports, a uses list) as lines of at most 110 columns, continuations indented. */
    private static List<String> wrap(String text, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > 110) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder(indent + "  ");
            }
            line.append(line.toString().isBlank() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static Attributes manifest() throws IOException {
        try (InputStream in = Files.newInputStream(MANIFEST)) {
            return new Manifest(in).getMainAttributes();
        }
    }
}

package io.github.camelbillmgr.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog describes every option and header, and no example in the catalog, the component page or the user
 * docs carries a literal password.
 */
class CatalogDocsQualityTest {

    @Test
    void everyOptionAndHeaderHasADescription() {
        JsonNode catalog = AdocTables.load().catalog();
        List<String> missing = new ArrayList<>();
        for (String group : List.of("componentProperties", "properties", "headers")) {
            JsonNode entries = catalog.path(group);
            assertTrue(entries.isObject() && !entries.isEmpty(), "billmgr.json has no '" + group + "'");
            entries.properties().forEach(e -> {
                if (e.getValue().path("description").asText("").isBlank()) {
                    missing.add(group + "." + e.getKey());
                }
            });
        }
        assertTrue(missing.isEmpty(), "These entries of billmgr.json have no description: " + missing
                + ". Describe them in the sources (the description attribute of @UriParam, "
                + "@UriPath or @Metadata, or the javadoc) and run 'mvn -B -q process-classes'.");
    }

    // ------------------------------------------------------------------ literal passwords

    /** {@code password=x}, {@code password: x}, {@code password = x}, {@code "password": "x"}. */
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?i)\\b(?:password|passwd|userpassword|authinfo)\"?\\s*[=:]\\s*([^\\s,;&]+)");
    /** {@code setPassword("x")}, {@code .password("x")}. */
    private static final Pattern CALLED = Pattern.compile("(?i)password\\s*\\(\\s*\"([^\"]*)\"");
    /** An XML attribute or Blueprint property: {@code password="x"}, {@code name="password" value="x"}. */
    private static final Pattern PROPERTY = Pattern.compile(
            "(?i)name\\s*=\\s*\"(?:password|passwd)\"\\s+value\\s*=\\s*\"([^\"]*)\"");

    /**
     * What may stand where a password would: property placeholders ({@code {{...}}}, {@code ${...}}, also in
     * {@code RAW(...)}), bean references ({@code #...}), {@code <password>}, masks, or a value taken from code (a
     * getter call, a {@code Class.CONSTANT}); a JSON or YAML object ({@code "password": {}}) is not a value either.
     */
    static boolean isPlaceholder(String raw) {
        String v = raw.trim();
        while (!v.isEmpty() && (v.charAt(0) == '"' || v.charAt(0) == '\'' || v.charAt(0) == '`')) {
            v = v.substring(1);
        }
        if (v.isEmpty()) {
            return true;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        // authinfo=<user>:<password>, authinfo=user:{{...}}: judge the part after the colon
        int colon = v.indexOf(':');
        if (colon > 0 && !v.startsWith("{{") && !v.startsWith("${") && !lower.startsWith("raw(")) {
            String after = v.substring(colon + 1);
            if (!after.isEmpty()) {
                return isPlaceholder(after);
            }
        }
        return v.startsWith("{") || v.startsWith("$") || lower.startsWith("raw({{") || lower.startsWith("raw(${")
                || v.startsWith("<") || v.startsWith("#") || v.startsWith("xxxxxx") || v.startsWith("...")
                || v.startsWith("***")
                // a value taken from code (a getter or a Class.CONSTANT), not written out
                || v.matches("[A-Za-z_][A-Za-z0-9_.]*\\(.*") || v.matches("[A-Z][A-Za-z0-9]*\\.[A-Z][A-Z0-9_]*\\b.*");
    }

    static List<String> literalPasswords(String name, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (Pattern p : List.of(ASSIGNED, CALLED, PROPERTY)) {
                Matcher m = p.matcher(line);
                while (m.find()) {
                    if (!isPlaceholder(m.group(1))) {
                        found.add(name + ":" + (i + 1) + ": " + line.trim());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void noLiteralPasswordInCatalogPageOrDocs() throws IOException {
        Path module = AdocTables.moduleDir();
        List<Path> files = new ArrayList<>();
        files.add(module.resolve(AdocTables.CATALOG_FILE));
        files.add(module.resolve(AdocTables.ADOC_FILE));
        Path docs = module.resolveSibling("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> s = Files.list(docs)) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            if (Files.isRegularFile(f)) {
                found.addAll(literalPasswords(module.getParent().relativize(f).toString(),
                        Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        assertTrue(found.isEmpty(), "Literal passwords in examples; use a property placeholder such as "
                + "{{billmgr.password}} instead:\n  " + String.join("\n  ", found));
    }

    @Test
    void passwordCheckTellsLiteralsFromPlaceholders() {
        assertEquals(List.of(), literalPasswords("t", "password={{billmgr.password}}\n"
                + "camel.component.billmgr.password = {{billmgr.password}}\n"
                + "  password: \"{{billmgr.password}}\"\n"
                + "to(\"billmgr:vds/list?password=RAW({{billmgr.password}})\")\n"
                + "authinfo=<user>:<password>\n"
                + "conf.setPassword(sim.getClientPassword());\n"
                + ".password(BillmgrSimulator.CLIENT_PASSWORD)\n"
                + "<property name=\"password\" value=\"${billmgr.password}\"/>\n"
                + "The BILLmanager password. Sent in the POST body only.\n"));
        assertEquals(3, literalPasswords("t", "password=s3cret\n"
                + "conf.setPassword(\"s3cret\");\n"
                + "authinfo=admin:s3cret\n").size());
        assertEquals(1, literalPasswords("t", "<property name=\"password\" value=\"s3cret\"/>\n").size());
    }
}

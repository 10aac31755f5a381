package io.github.camelbillmgr.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fails when the generated tables of {@code src/main/docs/billmgr-component.adoc} no longer match {@code billmgr.json}.
 * Run with {@code -Dbillmgr.updateDocs=true} to rewrite them in place instead:
 *
 * <pre>
 * mvn -B -q -pl camel-billmgr-component test -Dtest=ComponentDocDriftTest -Dbillmgr.updateDocs=true
 * </pre>
 */
class ComponentDocDriftTest {

    static final String UPDATE_PROPERTY = "billmgr.updateDocs";

    private static boolean update() {
        return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, "false"));
    }

    @Test
    void generatedSectionsMatchTheCatalog() throws IOException {
        Path adoc = AdocTables.adocFile();
        assertTrue(Files.isRegularFile(adoc), "The component page " + adoc + " is missing");
        String page = AdocTables.normalise(Files.readString(adoc, StandardCharsets.UTF_8));

        List<String> markers = AdocTables.markerProblems(page);
        if (!markers.isEmpty()) {
            fail("The marker lines of " + AdocTables.ADOC_FILE + " are broken, so its generated sections cannot be "
                    + "checked or rewritten. Restore them by hand (each section is '// <section>: START', the generated "
                    + "text, '// <section>: END'):\n  " + String.join("\n  ", markers));
        }

        AdocTables tables = AdocTables.load();
        List<String> drift = new ArrayList<>();
        String updated = page;
        for (String section : AdocTables.SECTIONS) {
            String expected = tables.render(section);
            String actual = AdocTables.section(page, section);
            if (!expected.equals(actual)) {
                drift.add(describe(section, expected, actual));
                updated = AdocTables.replace(updated, section, expected);
            }
        }
        if (drift.isEmpty()) {
            return;
        }
        if (update()) {
            Files.writeString(adoc, updated, StandardCharsets.UTF_8);
            System.out.println("[billmgr docs] rewrote " + drift.size() + " generated section(s) of " + adoc);
            return;
        }
        fail(AdocTables.ADOC_FILE + " is out of date with billmgr.json in " + drift.size() + " section(s):\n  "
                + String.join("\n  ", drift)
                + "\nThe tables between the marker lines are generated: do not edit them by hand. Change the description"
                + " in the sources (BillmgrConfiguration, BillmgrConstants, ...), run 'mvn -B -q process-classes' in "
                + "camel-billmgr-component, then regenerate the page with:\n  " + AdocTables.REGENERATE_COMMAND);
    }

    private static String describe(String section, String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int n = Math.max(e.length, a.length);
        for (int i = 0; i < n; i++) {
            String el = i < e.length ? e[i] : "<end of section>";
            String al = i < a.length ? a[i] : "<end of section>";
            if (!el.equals(al)) {
                return "section '" + section + "' (between '" + AdocTables.startMarker(section) + "' and '"
                        + AdocTables.endMarker(section) + "'), line " + (i + 1) + " of the section:\n    expected: "
                        + el + "\n    but was:  " + al;
            }
        }
        return "section '" + section + "' differs";
    }

    @Test
    void pageAttributesMatchTheCatalog() throws IOException {
        String page = Files.readString(AdocTables.adocFile(), StandardCharsets.UTF_8);
        JsonNode component = AdocTables.load().catalog().path("component");
        String firstVersion = component.path("firstVersion").asText();
        String since
                = firstVersion.endsWith(".0") ? firstVersion.substring(0, firstVersion.length() - 2) : firstVersion;
        List<String> problems = new ArrayList<>();
        check(problems, page, "shortname", component.path("scheme").asText());
        check(problems, page, "artifactid", component.path("artifactId").asText());
        check(problems, page, "description", component.path("description").asText());
        check(problems, page, "supportlevel", component.path("supportLevel").asText());
        check(problems, page, "since", since);
        check(problems, page, "component-header", component.path("producerOnly").asBoolean()
                ? "Only producer is supported"
                : component.path("consumerOnly").asBoolean() ? "Only consumer is supported"
                : "Both producer and consumer are supported");
        assertTrue(problems.isEmpty(), "The header attributes of " + AdocTables.ADOC_FILE
                + " do not match billmgr.json; edit them by hand:\n  "
                + String.join("\n  ", problems));
    }

    private static void check(List<String> problems, String page, String attribute, String expected) {
        Matcher m = Pattern.compile("^:" + Pattern.quote(attribute) + ":[ \\t]*(.*)$", Pattern.MULTILINE).matcher(page);
        if (!m.find()) {
            problems.add(":" + attribute + ": is missing (expected '" + expected + "')");
        } else if (!m.group(1).trim().equals(expected)) {
            problems.add(":" + attribute + ": is '" + m.group(1).trim() + "', expected '" + expected + "'");
        }
    }

    @Test
    void rendererFindsAndReplacesSections() {
        String page = "= Page\n// component options: START\nold\n// component options: END\nrest\n";
        assertEquals("old\n", AdocTables.section(page, AdocTables.COMPONENT_OPTIONS));
        String replaced = AdocTables.replace(page, AdocTables.COMPONENT_OPTIONS, "new 1\nnew 2\n");
        assertEquals("= Page\n// component options: START\nnew 1\nnew 2\n// component options: END\nrest\n", replaced);
        String emptied = AdocTables.replace(page, AdocTables.COMPONENT_OPTIONS, "");
        assertEquals("", AdocTables.section(emptied, AdocTables.COMPONENT_OPTIONS));
        assertEquals("x\n", AdocTables.section(AdocTables.replace(emptied, AdocTables.COMPONENT_OPTIONS, "x\n"),
                AdocTables.COMPONENT_OPTIONS));
        assertEquals(null, AdocTables.section("// component options: END\n// component options: START\n",
                AdocTables.COMPONENT_OPTIONS));
    }

    @Test
    void typesAndCellsAreRenderedForAsciidoc() {
        assertEquals("Map<String, Object>", AdocTables.simpleType("java.util.Map<java.lang.String, java.lang.Object>"));
        assertEquals("BillmgrFormat", AdocTables.simpleType("io.github.camelbillmgr.BillmgrFormat"));
        assertEquals("Long or Collection<Long>", AdocTables.simpleType("Long or Collection<Long>"));
        assertEquals("a \\| b", AdocTables.cell("a | b\n"));
    }
}

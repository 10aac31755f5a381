package io.github.camelbillmgr;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OSGi manifest the bundle plugin writes: the symbolic name, only the public API exported, and Camel imported
 * with the version range of the camel-karaf line we support.
 */
class BundleManifestTest {

    private static Manifest manifest;

    @BeforeAll
    static void read() throws Exception {
        Path mf = Path.of("target/classes/META-INF/MANIFEST.MF");
        assertTrue(Files.exists(mf),
                "the bundle plugin's manifest goal runs in process-classes: " + mf.toAbsolutePath());
        try (InputStream in = Files.newInputStream(mf)) {
            manifest = new Manifest(in);
        }
    }

    private static String header(String name) {
        String v = manifest.getMainAttributes().getValue(name);
        assertNotNull(v, name + " is missing from the manifest");
        return v;
    }

    /** Splits an OSGi header at the commas that are not inside quotes. */
    private static List<String> clauses(String header) {
        return Arrays.asList(header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"));
    }

    @Test
    void symbolicName() {
        assertEquals("io.github.camelbillmgr.camel-billmgr", header("Bundle-SymbolicName"));
    }

    @Test
    void exportsOnlyThePublicApi() {
        List<String> exported = clauses(header("Export-Package")).stream().map(c -> c.split(";")[0].trim()).sorted()
                .toList();
        assertEquals(List.of("io.github.camelbillmgr", "io.github.camelbillmgr.model"), exported);
    }

    @Test
    void importsCamelWithTheSupportedRange() {
        List<String> imports = clauses(header("Import-Package"));
        List<String> camel = imports.stream().filter(c -> c.startsWith("org.apache.camel")).toList();
        assertFalse(camel.isEmpty());
        for (String c : camel) {
            assertTrue(c.contains("version=\"[4.18,4.19)\""), "Camel import without the 4.18 range: " + c);
        }
        assertTrue(imports.stream().anyMatch(c -> c.startsWith("org.apache.camel.component.http;")),
                "the bundle uses camel-http's client");
        assertFalse(imports.stream().anyMatch(c -> c.startsWith("io.github.camelbillmgr.internal")),
                "internal packages are private, never imported");
    }

    @Test
    void importsJackson2WithItsRange() {
        List<String> jackson = clauses(header("Import-Package")).stream()
                .filter(c -> c.startsWith("com.fasterxml.jackson")).toList();
        assertFalse(jackson.isEmpty());
        for (String c : jackson) {
            assertTrue(c.contains("version=\"[2.19,3)\""), "Jackson import without the Jackson 2 range: " + c);
        }
    }

    /** Micrometer is optional: without it in Karaf the bundle still resolves (and records no metrics). */
    @Test
    void importsMicrometerOptionally() {
        List<String> micrometer = clauses(header("Import-Package")).stream()
                .filter(c -> c.startsWith("io.micrometer")).toList();
        assertFalse(micrometer.isEmpty(), "the metrics use Micrometer when it is there");
        for (String c : micrometer) {
            assertTrue(c.contains("resolution:=optional"), "Micrometer import that is not optional: " + c);
        }
    }

    /**
     * camel-core-osgi's activator registers a bundle's components and configurers (META-INF/services) only when the
     * bundle imports the Camel API packages from the bundle it is wired to itself.
     */
    @Test
    void importsTheCamelApiPackagesDiscoveryLooksFor() {
        List<String> packages = clauses(header("Import-Package")).stream().map(c -> c.split(";")[0].trim()).toList();
        assertTrue(packages.contains("org.apache.camel"), "org.apache.camel (Component) is imported: " + packages);
        assertTrue(packages.contains("org.apache.camel.spi"),
                "org.apache.camel.spi (GeneratedPropertyConfigurer) is imported: " + packages);
    }

    @Test
    void generatedServiceFilesAreOnTheClasspath() {
        for (String f : List.of("META-INF/services/org/apache/camel/component/billmgr",
                "META-INF/services/org/apache/camel/configurer/billmgr-component",
                "META-INF/services/org/apache/camel/configurer/billmgr-endpoint",
                "META-INF/services/org/apache/camel/urifactory/billmgr-endpoint",
                "META-INF/services/org/apache/camel/dev-console/billmgr",
                "META-INF/io/github/camelbillmgr/billmgr.json")) {
            assertTrue(Files.exists(Path.of("target/classes", f)), f + " is generated into the bundle");
        }
    }
}

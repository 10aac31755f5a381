package io.github.camelbillmgr.distribution;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The binary distribution as a user gets it: exactly the entries src/assembly/bin.xml promises, jars that are what
 * their names say, a README that names only what is there, and a standalone simulator that starts out of the
 * unpacked archive and answers a BILLmanager call.
 */
class DistributionArchiveTest {

    /** How long the standalone simulator may take to start: a hang guard on a busy machine, not a timing check. */
    private static final long START_TIMEOUT_SECONDS = 120;

    private static Path zip;
    private static String version;
    private static String base;
    private static Set<String> files;

    @BeforeAll
    static void open() throws IOException {
        zip = Path.of(System.getProperty("distribution.zip", "target/missing-distribution.zip"));
        assertTrue(Files.isRegularFile(zip), "mvn package writes the archive to " + zip.toAbsolutePath());
        version = required("project.version");
        base = required("distribution.name") + "/";
        files = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                assertTrue(entry.getName().startsWith(base), "every entry is under " + base + ": " + entry.getName());
                if (!entry.isDirectory()) {
                    files.add(entry.getName().substring(base.length()));
                }
            }
        }
    }

    @Test
    void holdsExactlyTheJarsTheFeaturesFileTheDocsAndTheReadme() throws IOException {
        Set<String> expected = new TreeSet<>(List.of(
                "README.md",
                "lib/camel-billmgr-" + version + ".jar",
                "lib/camel-billmgr-simulator-" + version + ".jar",
                "lib/camel-billmgr-simulator-" + version + "-standalone.jar",
                "karaf/camel-billmgr-features-" + version + "-features.xml",
                "docs/billmgr-component.adoc"));
        Path docs = Path.of(required("docs.dir"));
        try (Stream<Path> md = Files.list(docs)) {
            md.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .forEach(n -> expected.add("docs/" + n));
        }
        assertTrue(expected.contains("docs/getting-started.md"), "the docs folder is the project's: " + docs);
        assertEquals(expected, files, "the entries of " + zip.getFileName());
    }

    @Test
    void componentJarIsTheOsgiBundleWithItsServiceFile() throws IOException {
        List<String> names = new ArrayList<>();
        Manifest manifest;
        try (JarInputStream jar = new JarInputStream(entry("lib/camel-billmgr-" + version + ".jar"))) {
            manifest = jar.getManifest();
            for (var e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                names.add(e.getName());
            }
        }
        assertNotNull(manifest, "the component jar has a manifest");
        assertEquals("io.github.camelbillmgr.camel-billmgr",
                manifest.getMainAttributes().getValue("Bundle-SymbolicName"));
        assertTrue(names.contains("META-INF/services/org/apache/camel/component/billmgr"),
                "Camel finds the component by this file; entries: " + names.size());
        assertTrue(names.contains("io/github/camelbillmgr/BillmgrComponent.class"), "the component's classes");
    }

    @Test
    void simulatorJarIsTheLibraryAndTheStandaloneJarIsRunnable() throws IOException {
        try (JarInputStream jar = new JarInputStream(entry("lib/camel-billmgr-simulator-" + version + ".jar"))) {
            assertTrue(contains(jar, "io/github/camelbillmgr/simulator/BillmgrSimulator.class"));
        }
        try (JarInputStream jar
                = new JarInputStream(entry("lib/camel-billmgr-simulator-" + version + "-standalone.jar"))) {
            Manifest manifest = jar.getManifest();
            assertNotNull(manifest, "the standalone jar has a manifest");
            assertEquals("io.github.camelbillmgr.simulator.BillmgrSimulatorMain",
                    manifest.getMainAttributes().getValue("Main-Class"));
            assertTrue(contains(jar, "com/fasterxml/jackson/databind/ObjectMapper.class"),
                    "the standalone jar carries its dependencies");
        }
    }

    @Test
    void featuresFileInstallsThisVersionsBundle() throws IOException {
        String features = text("karaf/camel-billmgr-features-" + version + "-features.xml");
        assertTrue(features.contains("<bundle>mvn:io.github.camelbillmgr/camel-billmgr/" + version + "</bundle>"),
                features);
        assertFalse(features.contains("${"), "the features file is filtered");
    }

    @Test
    void readmeIsFilteredAndNamesOnlyWhatTheArchiveHolds() throws IOException {
        String readme = text("README.md");
        assertFalse(readme.contains("${"), "no build property left unfilled in the README");
        assertTrue(readme.startsWith("# camel-billmgr " + version + "\n"), readme.lines().findFirst().orElse(""));
        Matcher paths = Pattern.compile("\\b(?:lib|karaf|docs)/[A-Za-z0-9._-]+\\.(?:jar|xml|md|adoc)").matcher(readme);
        int named = 0;
        while (paths.find()) {
            named++;
            assertTrue(files.contains(paths.group()), "the README names " + paths.group() + ", not in the archive");
        }
        assertTrue(named >= 5, "the README names the jars, the features file and the docs; found " + named);
    }

    @Test
    void standaloneSimulatorStartsFromTheUnpackedArchiveAndAnswers(@TempDir Path dir) throws Exception {
        unzip(dir);
        Path jar = dir.resolve(base).resolve("lib/camel-billmgr-simulator-" + version + "-standalone.jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        try {
            CompletableFuture<String> baseUrl = CompletableFuture.supplyAsync(() -> listeningUrl(server));
            String url = baseUrl.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String body = "func=whoami&out=json&authinfo=" + URLEncoder.encode(
                    BillmgrSimulator.CLIENT_USER + ":" + BillmgrSimulator.CLIENT_PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reply.statusCode(), reply.body());
            assertTrue(reply.body().contains("\"doc\""), "a BILLmanager document: " + reply.body());
            assertTrue(reply.body().contains(BillmgrSimulator.CLIENT_USER), "whoami names the user: " + reply.body());
            assertFalse(reply.body().contains("\"error\""), reply.body());
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    /** Reads the server's output up to its banner line; the rest (users, faults) is left unread. */
    private static String listeningUrl(Process server) {
        Pattern listening = Pattern.compile("listening on (\\S+)");
        StringBuilder seen = new StringBuilder();
        try {
            BufferedReader out
                    = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = listening.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
                seen.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading the simulator's output", e);
        }
        throw new AssertionError("the simulator ended without a 'listening on' line; it printed:\n" + seen);
    }

    private static void unzip(Path dir) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    fail("entry outside the archive's folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = z.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }

    /** An entry's bytes as a stream (read whole: the archive is small). */
    private static InputStream entry(String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.getEntry(base + name);
            assertNotNull(e, "no entry " + base + name);
            try (InputStream in = z.getInputStream(e)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }

    private static String text(String name) throws IOException {
        try (InputStream in = entry(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean contains(JarInputStream jar, String name) throws IOException {
        for (var e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
            if (e.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        assertNotNull(value, "system property " + property + " (set by the distribution pom)");
        return value;
    }
}

package io.github.camelbillmgr.itest.karaf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Boots Karaf 4.4.8, installs the camel-billmgr feature of this build (feature:repo-add + feature:install, done by
 * the probe bundle) and runs billmgr: routes against the BILLmanager simulator on 127.0.0.1.
 *
 * <p>
 * Camel comes from a test-only stand-in of camel-karaf's features repository (see
 * src/test/karaf/apache-camel-features.xml). {@code -Dkaraf.smoke.bundle=/path/to/a.jar} installs that jar in place of
 * this build's camel-billmgr bundle (to see how an unresolvable bundle is reported). Skip with
 * {@code -DskipKarafTests}.
 */
class KarafSmokeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void featureInstallsAndBillmgrRoutesRunInKaraf() throws Exception {
        String camelVersion = property("karaf.smoke.camel.version");
        String version = property("karaf.smoke.project.version");
        Path dir = Path.of(property("karaf.smoke.dir"));
        Path repo = Path.of(property("karaf.smoke.repo"));
        Path templates = Path.of(property("karaf.smoke.templates"));
        Files.createDirectories(dir);

        // the offline repository: what copy-dependencies put there, plus the stand-in and the probe
        copy(templates.resolve("apache-camel-features.xml"), repo.resolve("org/apache/camel/karaf/apache-camel/"
                + camelVersion + "/apache-camel-" + camelVersion + "-features.xml"));
        copy(Path.of(property("karaf.smoke.probe")), repo.resolve("io/github/camelbillmgr/camel-billmgr-karaf-smoke/"
                + version + "/camel-billmgr-karaf-smoke-" + version + ".jar"));
        String override = System.getProperty("karaf.smoke.bundle", "");
        if (!override.isBlank()) {
            System.err.println("karaf-smoke: installing " + override + " as camel-billmgr " + version);
            copy(Path.of(override), repo.resolve("io/github/camelbillmgr/camel-billmgr/" + version
                    + "/camel-billmgr-" + version + ".jar"));
        }

        Path result = dir.resolve("result.properties");
        Files.deleteIfExists(result);
        long t0 = System.nanoTime();
        try (BillmgrSimulator sim = new BillmgrSimulator().start()) {
            Properties settings = new Properties();
            settings.setProperty("featuresRepository", "mvn:io.github.camelbillmgr/camel-billmgr-features/" + version + "/xml/features");
            settings.setProperty("baseUrl", sim.getBaseUrl());
            settings.setProperty("username", BillmgrSimulator.CLIENT_USER);
            settings.setProperty("password", BillmgrSimulator.CLIENT_PASSWORD);
            settings.setProperty("result", result.toString());

            try (KarafProcess karaf = KarafProcess.start(Path.of(property("karaf.smoke.home")), dir,
                    property("karaf.smoke.karaf.version"), repo, templates.resolve("smoke-features.xml"),
                    "camel-billmgr-smoke-probe", settings)) {
                Properties r = karaf.awaitResult(result, TIMEOUT);
                System.err.printf("karaf-smoke: Karaf %d answered in %d ms: %s%n", karaf.pid(),
                        Duration.ofNanos(System.nanoTime() - t0).toMillis(), new TreeMap<>(r));

                switch (r.getProperty("status", "")) {
                    case "ok" -> { }
                    case "unresolved" -> fail(unresolved(r.getProperty("message")) + "\n" + karaf.diagnostics());
                    default -> fail("the probe in Karaf failed: " + r.getProperty("message") + "\n" + karaf.diagnostics());
                }

                assertEquals("ACTIVE", r.getProperty("bundle.state"));
                assertEquals("mvn:io.github.camelbillmgr/camel-billmgr/" + version, r.getProperty("bundle.location"));
                // the component class came from the bundle, found by camel-core-osgi through META-INF/services
                assertEquals("io.github.camelbillmgr.BillmgrComponent", r.getProperty("component.class"));
                assertEquals(SmokeProbe.BILLMGR_BSN, r.getProperty("component.bundle"));
                assertEquals(SmokeProbe.BILLMGR_BSN, r.getProperty("discovery.registeredBy"));
                // wired to the runtime's Camel 4.18, HttpClient 5 (camel-http) and Jackson 2
                assertTrue(r.getProperty("import.org.apache.camel", "").endsWith(" " + camelVersion), r.toString());
                assertTrue(r.getProperty("import.org.apache.hc.client5.http.classic", "").startsWith("stand-in.httpclient5 "), r.toString());
                assertTrue(r.getProperty("import.com.fasterxml.jackson.databind", "").startsWith("com.fasterxml.jackson.core.jackson-databind 2."), r.toString());

                // Karaf opened no port beyond loopback (Linux: read from /proc)
                ListeningSockets.of(karaf.pid()).ifPresent(sockets -> {
                    System.err.println("karaf-smoke: Karaf listens on " + sockets);
                    assertTrue(sockets.stream().allMatch(ListeningSockets::isLoopback), "Karaf listens on " + sockets);
                });

                // the routes talked to the simulator over loopback HTTP
                assertTrue(r.getProperty("whoami.body", "").contains(BillmgrSimulator.CLIENT_USER), r.getProperty("whoami.body"));
                String serviceId = r.getProperty("order.serviceId");
                assertTrue(sim.state().service(Long.parseLong(serviceId)).isPresent(), "service " + serviceId + " was ordered");
                assertEquals("io.github.camelbillmgr.model.BillmgrOrderResult", r.getProperty("order.bodyType"));
                assertEquals("1", r.getProperty("list.totalCount"));
            }
        }
    }

    /**
     * The resolver's message ends with the innermost cause, e.g. {@code Unable to resolve
     * io.github.camelbillmgr.camel-billmgr/1.0.0.SNAPSHOT: missing requirement [...] osgi.wiring.package;
     * filter:="(osgi.wiring.package=com.example)"}: name it first, then the whole message.
     */
    static String unresolved(String message) {
        Matcher m = Pattern.compile("Unable to resolve ([^:\\s]+): missing requirement \\[[^\\]]*\\] ([^\\[\\]]+)")
                .matcher(message);
        String innermost = null;
        while (m.find()) {
            innermost = m.group(1) + " is missing " + m.group(2).trim();
        }
        return "camel-billmgr does not install in Karaf: " + (innermost == null ? "" : innermost + "\n")
                + "resolver: " + message;
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new IllegalStateException(name + " is not set: run through maven-failsafe-plugin (mvn verify)");
        }
        return v;
    }
}

package io.github.camelbillmgr.itest.karaf;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.SimState;
import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Boots Karaf 4.4.8, installs the camel-billmgr feature of this build (feature:repo-add + feature:install, done by
 * the probe bundle) and runs billmgr: routes against the BILLmanager simulator on 127.0.0.1: an order, a list, a
 * license suspended and resumed by the administrator, and an order refused for an empty balance that must reach
 * {@code onException(BillmgrInsufficientFundsException)}. The results are compared with the simulator's state.
 *
 * <p>
 * Camel comes from a test-only stand-in of camel-karaf's features repository (see
 * src/test/karaf/apache-camel-features.xml), or with {@code -Pkaraf-it} from camel-karaf's real one, downloaded.
 * {@code -Dkaraf.smoke.bundle=/path/to/a.jar} installs that jar in place of this build's camel-billmgr bundle (to see
 * how an unresolvable bundle is reported). Skip with {@code -DskipKarafTests}.
 */
class KarafSmokeIT {

    /** A second client, with an empty balance: its orders are refused with not_enough_money. */
    private static final String UNFUNDED_USER = "unfunded@example.com";
    private static final String UNFUNDED_PASSWORD = "Unf-unded 1";

    @Test
    void featureInstallsAndBillmgrRoutesRunInKaraf() throws Exception {
        String version = property("karaf.smoke.project.version");
        Path dir = Path.of(property("karaf.smoke.dir"));
        Path repo = Path.of(property("karaf.smoke.repo"));
        Files.createDirectories(dir);

        List<String> remote = prepareRepository(repo, version, Path.of(property("karaf.smoke.templates")));

        Path result = dir.resolve("result.properties");
        Files.deleteIfExists(result);
        Checkpoint.clear(dir);
        long t0 = System.nanoTime();
        try (BillmgrSimulator sim = new BillmgrSimulator().start()) {
            sim.state().createClient(UNFUNDED_USER, UNFUNDED_PASSWORD, BigDecimal.ZERO);
            Properties settings = probeSettings(sim, version, result);

            // what the simulator holds while the probe waits at a checkpoint
            Map<String, Integer> statusAtCheckpoint = new ConcurrentHashMap<>();
            BiConsumer<String, Properties> checkpoints = (name, data) -> statusAtCheckpoint.put(name,
                    sim.state().service(Long.parseLong(data.getProperty("serviceId"))).map(SimService::status)
                            .orElse(-1));

            try (KarafProcess karaf = KarafProcess.start(Path.of(property("karaf.smoke.home")), dir,
                    property("karaf.smoke.karaf.version"), repo,
                    Path.of(property("karaf.smoke.templates"), "smoke-features.xml"),
                    "camel-billmgr-smoke-probe", settings, remote)) {
                Properties r
                        = karaf.awaitResult(result, Duration.ofSeconds(Long.parseLong(property("karaf.smoke.timeout"))),
                                checkpoints);
                System.err.printf("karaf-smoke: Karaf %d answered in %d ms: %s%n", karaf.pid(),
                        Duration.ofNanos(System.nanoTime() - t0).toMillis(), new TreeMap<>(r));
                String bundles = bundleReport(r);
                System.err.println("karaf-smoke: " + bundles);

                switch (r.getProperty("status", "")) {
                    case "ok" -> {}
                    case "unresolved" ->
                            fail(unresolved(r.getProperty("message")) + "\n" + bundles + "\n" + karaf.diagnostics());
                    default -> fail("the probe in Karaf failed: " + r.getProperty("message") + "\n" + bundles + "\n"
                            + karaf.diagnostics());
                }
                try {
                    assertInstalled(r, version);
                    assertNoPublicListener(karaf);
                    assertScenario(r, sim, statusAtCheckpoint);
                    assertEquals("0", r.getProperty("bundles.notActive"), "every bundle is ACTIVE");
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\n" + bundles, e);
                }
            }
        }
    }

    /**
     * The test's repository: what copy-dependencies put there, plus the stand-in of camel-karaf's features (unless
     * -Pkaraf-it) and the probe.
     *
     * @return the remote repositories Karaf may use: none, unless -Pkaraf-it
     */
    private static List<String> prepareRepository(Path repo, String version, Path templates) throws IOException {
        String camelKaraf = property("karaf.smoke.camel-karaf.version");
        Path camelFeatures = repo.resolve("org/apache/camel/karaf/apache-camel/" + camelKaraf + "/apache-camel-"
                + camelKaraf + "-features.xml");
        List<String> remote = List.of();
        if ("camel-karaf".equals(property("karaf.smoke.camel"))) {
            // -Pkaraf-it: camel-karaf's own repository, downloaded; no stand-in of an earlier run in the way
            Files.deleteIfExists(camelFeatures);
            remote = Arrays.stream(property("karaf.smoke.repositories").split(",")).map(String::trim)
                    .filter(r -> !r.isEmpty()).toList();
            System.err.println("karaf-smoke: camel-karaf " + camelKaraf + " from " + remote);
        } else {
            copy(templates.resolve("apache-camel-features.xml"), camelFeatures);
            // The shipped features file refers to camel-karaf by a version range: Karaf's resolver reads the
            // versions a repository has from its maven-metadata.xml, as on Maven Central
            Files.writeString(camelFeatures.getParent().getParent().resolve("maven-metadata.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <metadata>
                      <groupId>org.apache.camel.karaf</groupId>
                      <artifactId>apache-camel</artifactId>
                      <versioning>
                        <latest>%1$s</latest>
                        <release>%1$s</release>
                        <versions>
                          <version>%1$s</version>
                        </versions>
                      </versioning>
                    </metadata>
                    """.formatted(camelKaraf));
        }
        copy(Path.of(property("karaf.smoke.probe")), repo.resolve("io/github/camelbillmgr/camel-billmgr-karaf-smoke/"
                + version + "/camel-billmgr-karaf-smoke-" + version + ".jar"));
        String override = System.getProperty("karaf.smoke.bundle", "");
        if (!override.isBlank()) {
            System.err.println("karaf-smoke: installing " + override + " as camel-billmgr " + version);
            copy(Path.of(override), repo.resolve("io/github/camelbillmgr/camel-billmgr/" + version
                    + "/camel-billmgr-" + version + ".jar"));
        }
        return remote;
    }

    /** What the probe reads from etc/billmgr-smoke.properties: where to install from, whom to log in as. */
    private static Properties probeSettings(BillmgrSimulator sim, String version, Path result) {
        Properties settings = new Properties();
        settings.setProperty("featuresRepository",
                "mvn:io.github.camelbillmgr/camel-billmgr-features/" + version + "/xml/features");
        settings.setProperty("baseUrl", sim.getBaseUrl());
        settings.setProperty("username", BillmgrSimulator.CLIENT_USER);
        settings.setProperty("password", BillmgrSimulator.CLIENT_PASSWORD);
        settings.setProperty("adminUsername", BillmgrSimulator.ADMIN_USER);
        settings.setProperty("adminPassword", BillmgrSimulator.ADMIN_PASSWORD);
        settings.setProperty("unfundedUsername", UNFUNDED_USER);
        settings.setProperty("unfundedPassword", UNFUNDED_PASSWORD);
        settings.setProperty("result", result.toString());

        return settings;
    }

    /** The bundle is active, wired to the runtime's Camel 4.18, HttpClient 5 and Jackson 2, and found by discovery. */
    private static void assertInstalled(Properties r, String version) {
        assertEquals("ACTIVE", r.getProperty("bundle.state"));
        assertEquals("mvn:io.github.camelbillmgr/camel-billmgr/" + version, r.getProperty("bundle.location"));
        // the component class came from the bundle, found through the ComponentResolver service the runtime's OSGi
        // glue (camel-core-osgi, or the stand-in's) registered from its META-INF/services
        assertEquals("io.github.camelbillmgr.BillmgrComponent", r.getProperty("component.class"));
        assertEquals(SmokeProbe.BILLMGR_BSN, r.getProperty("component.bundle"));
        assertEquals(SmokeProbe.BILLMGR_BSN, r.getProperty("discovery.registeredBy"));
        // camel-billmgr-features' reference to camel-karaf's features repository (a version range) loaded
        assertTrue(r.getProperty("repository.references", "").startsWith("mvn:org.apache.camel.karaf/apache-camel/"),
                "camel-karaf's features repository, as camel-billmgr-features refers to it, loaded: "
                        + r.getProperty("repository.references"));
        // any patch of the Camel line the bundle imports (the stand-in's, or camel-karaf's 4.18.x with -Pkaraf-it)
        String camel = property("karaf.smoke.camel.version");
        String line = camel.substring(0, camel.lastIndexOf('.') + 1);
        assertTrue(r.getProperty("import.org.apache.camel", "").contains(" " + line), r.toString());
        assertTrue(r.getProperty("import.org.apache.hc.client5.http.classic", "").contains(" 5."), r.toString());
        assertTrue(r.getProperty("import.com.fasterxml.jackson.databind", "")
                .startsWith("com.fasterxml.jackson.core.jackson-databind 2."), r.toString());
    }

    /** Karaf opened no port beyond loopback (Linux: read from /proc). */
    private static void assertNoPublicListener(KarafProcess karaf) throws IOException {
        ListeningSockets.of(karaf.pid()).ifPresent(sockets -> {
            System.err.println("karaf-smoke: Karaf listens on " + sockets);
            assertTrue(sockets.stream().allMatch(ListeningSockets::isLoopback), "Karaf listens on " + sockets);
        });
    }

    /** What the routes did, compared with what the simulator holds. */
    private static void assertScenario(Properties r, BillmgrSimulator sim, Map<String, Integer> statusAtCheckpoint) {
        SimState state = sim.state();
        assertTrue(r.getProperty("whoami.body", "").contains(BillmgrSimulator.CLIENT_USER),
                r.getProperty("whoami.body"));

        // the VPS order and the list
        long vps = Long.parseLong(r.getProperty("order.serviceId"));
        SimService ordered
                = state.service(vps).orElseThrow(() -> new AssertionError("the simulator has no service " + vps));
        assertEquals("vds", ordered.itemType());
        assertEquals(BillmgrSimulator.CLIENT_USER, ordered.owner());
        assertEquals("io.github.camelbillmgr.model.BillmgrOrderResult", r.getProperty("order.bodyType"));
        long listed = state.servicesOf("vds").stream()
                .filter(s -> s.owner().equals(BillmgrSimulator.CLIENT_USER) && s.status() != SimService.STATUS_DELETED)
                .count();
        assertEquals(String.valueOf(listed), r.getProperty("list.totalCount"),
                "billmgr:vds/list against the simulator's VPS");
        assertEquals(String.valueOf(listed), r.getProperty("listXml.totalCount"),
                "billmgr:vds/list?format=xml (parsed by the Woodstox bundle) against the simulator's VPS");

        // the license: ordered, suspended and resumed by the administrator
        long licenseId = Long.parseLong(r.getProperty("license.serviceId"));
        SimService license = state.service(licenseId)
                .orElseThrow(() -> new AssertionError("the simulator has no service " + licenseId));
        assertEquals("platform", license.itemType());
        assertEquals(55163L, license.pricelistId());
        assertEquals(BillmgrSimulator.CLIENT_USER, license.owner());
        assertEquals(SimService.STATUS_SUSPENDED, statusAtCheckpoint.getOrDefault("license-suspended", -1),
                "status in the simulator after billmgr-admin:platform/suspend");
        assertEquals(SimService.STATUS_ACTIVE, license.status(),
                "status in the simulator after billmgr-admin:platform/resume");
        assertEquals(List.of("suspend " + BillmgrSimulator.ADMIN_USER, "resume " + BillmgrSimulator.ADMIN_USER),
                license.history().stream().filter(e -> e.action().equals("suspend") || e.action().equals("resume"))
                        .map(e -> e.action() + " " + e.user()).toList());
        assertEquals("SUSPENDED", r.getProperty("license.suspended.status"), "billmgr:platform/get after the suspend");
        assertEquals("ACTIVE", r.getProperty("license.resumed.status"), "billmgr:platform/get after the resume");

        // the refused order reached the onException of its exact class, and nothing was ordered or charged
        assertEquals("onException(BillmgrInsufficientFundsException)", r.getProperty("error.caughtBy"));
        assertEquals("io.github.camelbillmgr.BillmgrInsufficientFundsException", r.getProperty("error.class"));
        assertEquals(SmokeProbe.BILLMGR_BSN, r.getProperty("error.classBundle"));
        BigDecimal price = state.catalogue().tariff(6).orElseThrow().cost(1, Map.of());
        assertEquals(price.toPlainString() + " EUR", r.getProperty("error.deficit"),
                "deficit of an order from an empty balance");
        assertEquals(0, BigDecimal.ZERO.compareTo(state.balance(UNFUNDED_USER)), "balance of " + UNFUNDED_USER);
        assertEquals(List.of(), state.services().stream().filter(s -> s.owner().equals(UNFUNDED_USER)).toList());
    }

    /** The bundles that are not ACTIVE, as the probe saw them at the end. */
    static String bundleReport(Properties r) {
        String report = r.getProperty("bundles.report", "");
        return "bundles not ACTIVE: " + r.getProperty("bundles.notActive", "(unknown)")
                + (report.isBlank() ? "" : "\n" + report);
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

    private static void copy(Path from, Path to) throws IOException {
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

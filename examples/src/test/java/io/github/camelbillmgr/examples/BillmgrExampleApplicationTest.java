package io.github.camelbillmgr.examples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelbillmgr.simulator.BillmgrSimulator.ADMIN_PASSWORD;
import static io.github.camelbillmgr.simulator.BillmgrSimulator.ADMIN_USER;
import static io.github.camelbillmgr.simulator.BillmgrSimulator.CLIENT_PASSWORD;
import static io.github.camelbillmgr.simulator.BillmgrSimulator.CLIENT_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the example's whole flow (Camel Main, the routes, the mission) against a simulator this test starts, and
 * checks the summary against the simulator's state.
 */
class BillmgrExampleApplicationTest {

    /** The orders of orders.csv that must go through: remote id, tariff, RAM add-on. */
    private static final Map<String, long[]> ORDERED = Map.of(
            "order-1", new long[] { 6, 1024 },
            "order-2", new long[] { 7, 2048 },
            "order-3", new long[] { 6, 4096 },
            "order-5", new long[] { 7, 1024 });

    private static final Pattern DATES
            = Pattern.compile("expire date (\\d{4}-\\d{2}-\\d{2}) -> (\\d{4}-\\d{2}-\\d{2})");

    private BillmgrSimulator simulator;

    @BeforeEach
    void startSimulator() {
        simulator = new BillmgrSimulator().start();
    }

    @AfterEach
    void stopSimulator() {
        simulator.stop();
    }

    private MissionSummary runExample() throws Exception {
        return BillmgrExampleApplication.run(new ExampleSettings(simulator.getBaseUrl(), CLIENT_USER, CLIENT_PASSWORD,
                ADMIN_USER, ADMIN_PASSWORD));
    }

    @Test
    void everyStepIsReportedInOrder() throws Exception {
        MissionSummary summary = runExample();

        List<String> steps = summary.steps().stream().map(StepOutcome::step).toList();
        assertEquals(15, steps.size(), summary::toString);
        assertEquals(List.of("order order-1", "order order-2", "order order-3", "order order-4", "order order-5",
                "order order-6"), steps.subList(0, 6), summary::toString);
        long vps = summary.order("order-1").orElseThrow().serviceId();
        long license = summary.step("order a VMmanager 6 license").orElseThrow().serviceId();
        assertEquals(List.of("renew vds " + vps, "switch auto-renewal on for vds " + vps,
                "switch auto-renewal off for vds " + vps, "order a VMmanager 6 license",
                "convert license " + license + " to a paid period", "raise the nodes of license " + license,
                "suspend license " + license, "resume license " + license, "delete license " + license),
                steps.subList(6, 15), summary::toString);
        assertEquals(13, summary.okCount(), summary::toString);
        assertEquals(List.of("order-4", "order-6"), summary.failures().stream().map(StepOutcome::remoteId).toList(),
                summary::toString);
    }

    @Test
    void theOrdersThatWentThroughExistWithTheirRemoteIds() throws Exception {
        MissionSummary summary = runExample();

        for (Map.Entry<String, long[]> e : ORDERED.entrySet()) {
            StepOutcome line = summary.order(e.getKey()).orElseThrow();
            assertTrue(line.ok(), line::toString);
            assertEquals("[ok]     ordered vds " + line.serviceId() + " (remoteid " + e.getKey(),
                    line.line().substring(0, line.line().indexOf(':')), line::toString);
            SimService vds = simulator.state().service(line.serviceId()).orElseThrow();
            assertEquals("vds", vds.itemType());
            assertEquals(e.getKey(), vds.remoteId());
            assertEquals(CLIENT_USER, vds.owner());
            assertEquals(e.getValue()[0], vds.pricelistId(), e.getKey());
            assertEquals(String.valueOf(e.getValue()[1]), vds.addons().get(OrderLine.RAM_ADDON), e.getKey());
            assertEquals(SimService.STATUS_ACTIVE, vds.status(), e.getKey());
        }
        List<SimService> vds = simulator.state().servicesOf("vds");
        assertEquals(4, vds.size(), vds::toString);
        assertTrue(vds.stream().noneMatch(s -> "order-4".equals(s.remoteId()) || "order-6".equals(s.remoteId())),
                vds::toString);
    }

    @Test
    void theFailedOrdersAreReportedWithTheirReason() throws Exception {
        MissionSummary summary = runExample();

        StepOutcome unknownTariff = summary.order("order-4").orElseThrow();
        assertFalse(unknownTariff.ok());
        assertEquals("value", unknownTariff.errorType());
        assertEquals(
                "[failed] order order-4: BILLmanager error 'value' (pricelist): The 'Tariff' field has invalid value.",
                unknownTariff.line());

        // 1000.00 - (5.00 + 45.36 + 238.32 + 57.00) = 654.32 left; order-6 costs 108.00 + 12 * 76.80 = 1029.60
        StepOutcome tooExpensive = summary.order("order-6").orElseThrow();
        assertFalse(tooExpensive.ok());
        assertEquals("not_enough_money", tooExpensive.errorType());
        assertEquals(0, new BigDecimal("375.28").compareTo(tooExpensive.deficit()), tooExpensive::toString);
        assertEquals("[failed] order order-6: not enough money: top up needed: deficit 375.28 EUR "
                + "(price 1029.60 EUR, balance 654.32 EUR)", tooExpensive.line());
    }

    @Test
    void theVpsIsRenewedAndItsAutoRenewalEndsOff() throws Exception {
        MissionSummary summary = runExample();

        long id = summary.order("order-1").orElseThrow().serviceId();
        StepOutcome renewal = summary.step("renew vds").orElseThrow();
        assertTrue(renewal.ok(), renewal::toString);
        Matcher m = DATES.matcher(renewal.text());
        assertTrue(m.find(), renewal::toString);
        LocalDate before = LocalDate.parse(m.group(1));
        LocalDate after = LocalDate.parse(m.group(2));
        assertEquals(before.plusMonths(1), after, renewal::toString);
        SimService vds = simulator.state().service(id).orElseThrow();
        assertEquals(after, vds.expireDate());

        StepOutcome on = summary.step("switch auto-renewal on").orElseThrow();
        assertTrue(on.ok(), on::toString);
        assertTrue(on.text().endsWith("reads on, every 1 month"), on::toString);
        StepOutcome off = summary.step("switch auto-renewal off").orElseThrow();
        assertTrue(off.ok(), off::toString);
        assertNull(vds.autoprolong(), vds::toString);

        // what was paid: the four orders, one month of VDS-1 and the license's first paid month (12.00)
        assertEquals(0, new BigDecimal("637.32").compareTo(simulator.state().balance(CLIENT_USER)),
                () -> "balance " + simulator.state().balance(CLIENT_USER));
    }

    @Test
    void theLicenseGoesThroughItsWholeLifeAndEndsDeleted() throws Exception {
        java.time.LocalDate trialEnd = simulator.clock().today().plusDays(14);
        MissionSummary summary = runExample();

        StepOutcome ordered = summary.step("order a VMmanager 6 license").orElseThrow();
        assertTrue(ordered.ok(), ordered::toString);
        List<SimService> licenses = simulator.state().servicesOf("platform");
        assertEquals(1, licenses.size(), licenses::toString);
        SimService license = licenses.get(0);
        assertEquals(ordered.serviceId(), license.id());
        assertEquals(55163, license.pricelistId());
        // ordered as a trial, then converted to a paid month
        assertFalse(license.trial(), license::toString);
        assertEquals(1, license.period(), license::toString);
        assertEquals(trialEnd.plusMonths(1), license.expireDate(), license::toString);
        assertEquals("3", license.addons().get(55165), license::toString);
        assertEquals(SimService.STATUS_DELETED, license.status(), license::toString);

        List<String> lines = summary.steps().subList(9, 15).stream().map(StepOutcome::line).toList();
        assertEquals("[ok]     ordered VMmanager 6 license " + license.id() + " (trial): status ACTIVE, expires "
                + trialEnd, lines.get(0));
        assertEquals("[ok]     converted license " + license.id() + " from the trial to 1 month paid: expire date "
                + trialEnd + " -> " + trialEnd.plusMonths(1) + ", cost 12.00 EUR", lines.get(1));
        assertEquals("[ok]     raised the nodes add-on 55165 of license " + license.id() + " to 3: status ACTIVE",
                lines.get(2));
        assertEquals("[ok]     suspended license " + license.id() + " (as admin): status SUSPENDED", lines.get(3));
        assertEquals("[ok]     resumed license " + license.id() + " (as admin): status ACTIVE", lines.get(4));
        assertEquals("[ok]     deleted license " + license.id() + ": status DELETED", lines.get(5));
    }

    @Test
    void withoutBaseUrlTheExampleStartsItsOwnSimulator() throws Exception {
        MissionSummary summary = BillmgrExampleApplication.run(ExampleSettings.embeddedSimulator());

        assertTrue(summary.target().startsWith("embedded simulator at http://127.0.0.1:"), summary.target());
        assertTrue(summary.target().endsWith(" as " + CLIENT_USER), summary.target());
        assertEquals(13, summary.okCount(), summary::toString);
        assertEquals(List.of("order-4", "order-6"), summary.failures().stream().map(StepOutcome::remoteId).toList());
        assertEquals(List.of("the client's balance went from 1000.00 to 637.32 EUR (simulator state)"),
                summary.notes());
    }

    @Test
    void noPasswordIsEverInTheSummary() throws Exception {
        MissionSummary summary = runExample();

        String all = summary.target() + "\n" + summary + "\n" + summary.notes();
        assertFalse(all.contains(CLIENT_PASSWORD), all);
        assertFalse(all.contains(ADMIN_PASSWORD), all);
    }

    @Test
    void wrongCredentialsMakeEveryStepFailWithoutStoppingTheRun() throws Exception {
        MissionSummary summary = BillmgrExampleApplication.run(new ExampleSettings(simulator.getBaseUrl(), CLIENT_USER,
                "not the password"));

        assertEquals(0, summary.okCount(), summary::toString);
        // the six orders, the renewal skipped for want of a VPS, the license order; nothing after it
        assertEquals(8, summary.steps().size(), summary::toString);
        assertTrue(summary.failures().stream().allMatch(s -> s.errorType() != null), summary::toString);
        assertTrue(summary.order("order-1").orElseThrow().text().contains("Invalid username or password"),
                summary::toString);
        assertFalse(summary.toString().contains("not the password"), summary::toString);
        assertTrue(simulator.state().services().isEmpty());
    }

    @Test
    void settingsComeFromSystemPropertiesThenEnvironmentThenApplicationProperties() {
        Properties app = new Properties();
        app.setProperty("billmgr.baseUrl", "https://app.example.com/billmgr");
        app.setProperty("camel.component.billmgr.username", "app-user");
        app.setProperty("camel.component.billmgr.password", "app-secret");
        Properties sys = new Properties();
        sys.setProperty("billmgr.baseUrl", "https://sys.example.com/billmgr");
        sys.setProperty("camel.component.billmgr.password", " ");

        ExampleSettings s = ExampleSettings.resolve(app, Map.of("BILLMGR_PASSWORD", "env-secret",
                "BILLMGR_USERNAME", ""), sys);

        assertEquals("https://sys.example.com/billmgr", s.baseUrl());
        assertEquals("app-user", s.username());
        assertEquals("env-secret", s.password());
        assertNull(s.adminUsername());
        assertEquals("app-user", s.effectiveAdminUsername());
        assertEquals("env-secret", s.effectiveAdminPassword());
        assertFalse(s.toString().contains("secret"), s.toString());
        assertFalse(s.useEmbeddedSimulator());
    }

    @Test
    void camelsOwnEnvironmentVariablesAndAnAdministratorAreRead() {
        ExampleSettings s = ExampleSettings.resolve(new Properties(), Map.of(
                "CAMEL_COMPONENT_BILLMGR_BASEURL", "https://env.example.com/billmgr",
                "CAMEL_COMPONENT_BILLMGR_USERNAME", "env-user", "BILLMGR_PASSWORD", "env-secret",
                "BILLMGR_ADMIN_USERNAME", "root", "BILLMGR_ADMIN_PASSWORD", "root-secret"), new Properties());

        assertEquals("https://env.example.com/billmgr", s.baseUrl());
        assertEquals("env-user", s.username());
        assertEquals("root", s.effectiveAdminUsername());
        assertEquals("root-secret", s.effectiveAdminPassword());
        assertFalse(s.toString().contains("secret"), s.toString());
        s.checked();
    }

    @Test
    void shippedApplicationPropertiesSelectTheEmbeddedSimulator() {
        ExampleSettings s
                = ExampleSettings.resolve(ExampleSettings.applicationProperties(), Map.of(), new Properties());
        assertTrue(s.useEmbeddedSimulator(), s::toString);
        assertNotNull(ExampleSettings.applicationProperties().getProperty("example.orders"));
    }

    @Test
    void aRealBillmanagerNeedsAUserAndPassword() {
        ExampleSettings noPassword = new ExampleSettings("https://billing.example.com/billmgr", "someone", null);
        IllegalStateException e = assertThrows(IllegalStateException.class, noPassword::checked);
        assertTrue(e.getMessage().contains("BILLMGR_PASSWORD"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> BillmgrExampleApplication.run(noPassword));
    }
}

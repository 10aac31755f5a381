package io.github.camelbillmgr.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.seed.SimSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedAndMainTest {

    @Test
    void jsonSeedReplacesOnlyTheSectionsItHas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, """
                {"accounts": [
                   {"user": "reseller", "password": "s3cret", "accountName": "Reseller Ltd", "balance": "50.00"},
                   {"user": "root", "password": "toor", "admin": true}],
                 "services": [
                   {"itemType": "vds", "owner": "reseller", "pricelist": 7, "expireDate": "2030-01-01",
                    "remoteId": "seeded-1"}]}
                """);
        SimSeed seed = SimSeed.fromJson(file);
        try (BillmgrSimulator sim = new BillmgrSimulator(TestSupport.settings(), seed).start()) {
            assertEquals("Reseller Ltd", sim.state().account("reseller").accountName());
            assertEquals(null, sim.state().account(BillmgrSimulator.CLIENT_USER));
            SimService seeded = sim.state().service(1001).orElseThrow();
            assertEquals("VDS-2", seeded.pricelistName());
            assertEquals("2030-01-01", seeded.expireDate().toString());
            assertTrue(sim.state().catalogue().tariff(55163).isPresent());

            SimClient.Response list = new SimClient(sim).post("func", "vds", "authinfo", "reseller:s3cret");
            assertEquals("seeded-1", list.x("/doc/elem/remoteid"));
            sim.state().addService(SimService.builder("vds", "reseller").pricelistId(6));
            sim.reset();
            assertEquals(1, sim.state().serviceCount());
        }
    }

    /**
     * Issue 12 (3): the built-in users' passwords are published test credentials, and a tester should not have to read
     * the sources for them; passwords from a seed file stay off the console (see the next test).
     */
    @Test
    void mainPrintsTheBuiltInTestCredentials() throws Exception {
        BillmgrSimulatorMain.Options options = BillmgrSimulatorMain.Options.parse(new String[] { "--port", "0" });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BillmgrSimulator sim = BillmgrSimulatorMain.create(options, System.err).start()) {
            BillmgrSimulatorMain.printBanner(sim, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertTrue(sim.clock().isTicking());
        }
        String banner = out.toString(StandardCharsets.UTF_8);
        assertTrue(banner.contains("/billmgr"), banner);
        assertTrue(banner.contains(BillmgrSimulator.CLIENT_USER), banner);
        assertTrue(banner.contains("client@example.com  password: " + BillmgrSimulator.CLIENT_PASSWORD), banner);
        assertTrue(banner.contains("admin  password: " + BillmgrSimulator.ADMIN_PASSWORD), banner);

        ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertEquals(0, BillmgrSimulatorMain.run(new String[] { "--help" },
                new PrintStream(help, true, StandardCharsets.UTF_8), System.err));
        assertTrue(help.toString(StandardCharsets.UTF_8).contains("--seed"));
        assertEquals(2, BillmgrSimulatorMain.run(new String[] { "--port", "x" }, System.out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    @Test
    void mainNeverPrintsPasswordsFromASeedFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, """
                {"accounts": [{"user": "reseller", "password": "Seed-Secret-42", "balance": "50.00"}]}
                """);
        BillmgrSimulatorMain.Options options
                = BillmgrSimulatorMain.Options.parse(new String[] { "--port", "0", "--seed", file.toString() });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BillmgrSimulator sim = BillmgrSimulatorMain.create(options, System.err).start()) {
            BillmgrSimulatorMain.printBanner(sim, new PrintStream(out, true, StandardCharsets.UTF_8));
        }
        String banner = out.toString(StandardCharsets.UTF_8);
        assertTrue(banner.contains("reseller  (password from the seed file)"), banner);
        assertFalse(banner.contains("Seed-Secret-42"), banner);
    }
}

package io.github.camelbillmgr.simulator;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionAndFaultsTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    @Test
    @Order(1)
    void changesStateAndSettings(BillmgrSimulator sim) {
        assertSame(billmgr.simulator(), sim);
        assertTrue(billmgr.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/billmgr"), billmgr.baseUrl());
        TestSupport.activeVds(sim, BillmgrSimulator.CLIENT_USER);
        sim.settings().setDefaultPageSize(7);
        sim.clock().advanceDays(3);
        assertEquals(1, sim.state().serviceCount());
    }

    @Test
    @Order(2)
    void theNextTestStartsFromTheSeed(BillmgrSimulator sim) {
        assertEquals(0, sim.state().serviceCount());
        assertEquals(100, sim.settings().getDefaultPageSize());
        assertEquals(TestSupport.TODAY, sim.clock().today());
        assertEquals(0, sim.requests().size());
    }

    @Test
    @Order(3)
    void injectedErrorsAndHttpStatusesAreConsumedInOrder(BillmgrSimulator sim) {
        SimClient api = new SimClient(sim);
        sim.state().faults().failNext("vds", 2, "processing", null, "Request in process, please wait");
        SimClient.Response first = api.client("func", "vds");
        assertEquals("processing", first.errorType());
        assertEquals("Request in process, please wait", first.x("/doc/error/msg"));
        assertEquals("processing", api.client("func", "vds").errorType());
        assertEquals("0", api.client("func", "vds").x("/doc/p_elems"));

        sim.state().faults().httpStatusNext("*", 1, 460);
        assertEquals(460, api.client("func", "whoami").status());
        assertEquals(200, api.client("func", "whoami").status());

        sim.state().faults().delayNext("whoami", 1, Duration.ofMillis(300));
        long started = System.nanoTime();
        assertEquals(BillmgrSimulator.CLIENT_USER, api.client("func", "whoami").x("/doc/user"));
        assertTrue((System.nanoTime() - started) >= 250_000_000L);
        assertEquals(0, sim.state().faults().pending());
    }

    @Test
    @Order(4)
    void stopFreesThePortAndStartBindsAgain() {
        try (BillmgrSimulator other = new BillmgrSimulator(TestSupport.settings()).start()) {
            int port = other.getPort();
            assertTrue(other.isRunning());
            other.stop();
            try (BillmgrSimulator again = new BillmgrSimulator(TestSupport.settings().setPort(port)).start()) {
                assertEquals(port, again.getPort());
                assertEquals(BillmgrSimulator.CLIENT_USER,
                        new SimClient(again).client("func", "whoami").x("/doc/user"));
            }
        }
    }
}

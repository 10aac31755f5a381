package io.github.camelbillmgr.simulator;

import java.util.List;

import io.github.camelbillmgr.simulator.model.RecordedRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 12 (10): the request log can be a ring of the last N, so a long-running server keeps a flat heap. */
class RequestLogTest {

    @Test
    void aLimitedLogKeepsTheLastRequestsAndCountsAll() {
        try (BillmgrSimulator sim = new BillmgrSimulator(TestSupport.settings().setRequestLogLimit(5)).start()) {
            SimClient api = new SimClient(sim);
            for (int i = 1; i <= 20; i++) {
                api.client("func", "whoami", "n", String.valueOf(i));
            }
            List<RecordedRequest> kept = sim.requests();
            assertEquals(5, kept.size());
            assertEquals("16", kept.get(0).param("n"));
            assertEquals("20", kept.get(4).param("n"));
            assertEquals(20, sim.requestsReceived());

            sim.settings().setRequestLogLimit(2);
            api.client("func", "whoami", "n", "21");
            assertEquals(2, sim.requests().size());
            assertEquals("21", sim.requests().get(1).param("n"));
        }
    }

    @Test
    void byDefaultAnEmbeddedSimulatorKeepsEveryRequest() {
        try (BillmgrSimulator sim = new BillmgrSimulator(TestSupport.settings()).start()) {
            SimClient api = new SimClient(sim);
            for (int i = 0; i < 1500; i++) {
                api.client("func", "whoami");
            }
            assertEquals(1500, sim.requests().size());
        }
    }

    @Test
    void theStandaloneServerKeepsTheLastThousand() {
        assertEquals(1000, BillmgrSimulatorMain.standaloneDefaults().getRequestLogLimit());
    }

    /** Sustained load against the standalone limit: the log stays at its bound; the figures are printed, not judged. */
    @Test
    void underSustainedLoadTheLogStaysAtItsBound() {
        try (BillmgrSimulator sim = new BillmgrSimulator(TestSupport.settings().setRequestLogLimit(100)).start()) {
            SimClient api = new SimClient(sim);
            int requests = 3000;
            long started = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                api.client("func", "whoami", "n", String.valueOf(i));
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(100, sim.requests().size());
            assertEquals(String.valueOf(requests - 1), sim.requests().get(99).param("n"));
            assertEquals(requests, sim.requestsReceived());
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("request log: %d requests in %d ms, %d kept, heap in use %d MB%n", requests, millis,
                    sim.requests().size(), (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        }
    }
}

package io.github.camelbillmgr.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection figures a load test compares with its client's pool limits. */
class ConnectionGaugeTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final BillmgrSimulator sim = billmgr.simulator();
    private final SimClient api = new SimClient(sim);

    @Test
    void countsConnectionsBusyAtTheSameTimeAndTheConnectionsSeen() {
        assertEquals(0, sim.peakConcurrentConnections(), "nothing sent yet");
        // long enough that three requests started together overlap however slow the machine is
        sim.state().faults().latency("whoami", Duration.ofSeconds(1));
        ExecutorService threads = Executors.newFixedThreadPool(3); // the common pool may have one thread
        try {
            List<CompletableFuture<SimClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> api.client("func", "whoami"), threads));
            }
            calls.forEach(call -> assertEquals("", call.join().errorType()));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(3, sim.peakConcurrentConnections(), "three requests at once need three connections");
        assertTrue(sim.connectionsSeen() >= 3, "seen: " + sim.connectionsSeen());

        sim.reset();
        assertEquals(0, sim.peakConcurrentConnections(), "reset forgets the peak");
        assertEquals(0, sim.connectionsSeen(), "and the connections seen");
        for (int i = 0; i < 3; i++) {
            api.client("func", "whoami"); // one after the other: one kept-alive connection at a time
        }
        assertEquals(1, sim.peakConcurrentConnections());
    }
}

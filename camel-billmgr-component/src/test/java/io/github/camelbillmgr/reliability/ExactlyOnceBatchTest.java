package io.github.camelbillmgr.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.fault.Fault;
import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4's test that must hold: 10,000 orders in one batch, a fault on 10% of the requests, redelivery on, and the
 * simulator ends with exactly one service per order line, none missing, none duplicated, the balance charged exactly
 * once per service, and no line failed. The figures are printed (lines, faults by kind, redeliveries, recoveries,
 * balance, time). The same scenario at 100,000 orders is a benchmark: examples/README.md.
 */
class ExactlyOnceBatchTest {

    private static BillmgrSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = new BillmgrSimulator().start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    @Test
    void tenThousandOrdersUnderFaultsAreEachPlacedAndChargedExactlyOnce() throws Exception {
        // a double order must show as two services: a simulator refusing a second remote id would hide it
        assertFalse(simulator.settings().isRemoteIdUnique());
        BatchPlan plan = BatchPlan.of(10_000);

        BatchFigures figures = ExactlyOnceBatch.run(simulator, plan);
        System.out.println(figures.report());

        assertEquals(List.of(), figures.problems(), figures::report);
        assertEquals(plan.lines(), figures.services().size());
        assertEquals(plan.lines(), figures.services().stream().map(SimService::remoteId).distinct().count());
        assertEquals(0, figures.charged().compareTo(figures.costOfServices()), figures::report);
        assertEquals(0, figures.failedLines());
        // the run was what it claims: about 10% of the requests hit, every fault of the mix among them, and the
        // lost replies after a commit found again by their remote id rather than ordered twice
        long requests = figures.requests().values().stream().mapToLong(Long::longValue).sum();
        double share = (double) figures.faultsInjected() / requests;
        assertTrue(share > 0.08 && share < 0.12, "share of requests with a fault: " + share);
        List<String> mix = new ArrayList<>(ExactlyOnceBatch.faultMix().stream().map(Fault::toString).toList());
        mix.add(ExactlyOnceBatch.lateReply(plan).toString());
        Map<String, Long> injected = figures.faults();
        assertEquals(List.of(), mix.stream().filter(f -> injected.getOrDefault(f, 0L) == 0).toList(),
                "faults of the mix never injected");
        assertEquals(plan.sessionExpiries(), injected.getOrDefault(Fault.sessionExpired().toString(), 0L));
        assertTrue(figures.recovered() > 0, "no order was recovered by its remote id");
        assertTrue(figures.redeliveries() >= figures.redeliveredLines() && figures.redeliveredLines() > 0);
        assertTrue(figures.requests().getOrDefault("auth", 0L) > plan.sessionExpiries(),
                () -> "one login at the start and one after each expiry at least: " + figures.requests());
    }
}

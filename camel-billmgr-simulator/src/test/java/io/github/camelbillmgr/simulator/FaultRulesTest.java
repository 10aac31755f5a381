package io.github.camelbillmgr.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.simulator.fault.Fault;
import io.github.camelbillmgr.simulator.fault.FaultKind;
import io.github.camelbillmgr.simulator.fault.SimFaults;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules on their own, without HTTP: which call gets which fault, and the text forms. */
class FaultRulesTest {

    private static final FaultKind[] MIX = { FaultKind.DROP_AFTER_COMMIT, FaultKind.DROP_BEFORE_DISPATCH,
            FaultKind.HTTP_STATUS, FaultKind.BUSY, FaultKind.TRUNCATED_BODY };

    /** Indices of the calls hit among {@code calls} calls of vds, with the kind each got. */
    private static List<String> hits(SimFaults faults, int calls) {
        return hits(faults, "vds", calls);
    }

    private static List<String> hits(SimFaults faults, String func, int calls) {
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Fault fault = faults.decide(func).fault();
            if (fault.kind() != FaultKind.NONE) {
                hits.add(i + ":" + fault.kind());
            }
        }
        return hits;
    }

    @Test
    void theSameSeedHitsTheSameCallsWithTheSameKinds() {
        SimFaults first = new SimFaults().randomly("vds", 0.1, 42L, MIX);
        SimFaults second = new SimFaults().randomly("vds", 0.1, 42L, MIX);
        SimFaults otherSeed = new SimFaults().randomly("vds", 0.1, 43L, MIX);
        List<String> hits = hits(first, 2000);
        assertEquals(hits, hits(second, 2000));
        assertNotEquals(hits, hits(otherSeed, 2000));

        Map<FaultKind, Long> byKind = new EnumMap<>(first.injected());
        byKind.values().removeIf(count -> count == 0);
        System.out.printf("random rule, seed 42, rate 0.10: %d of 2000 calls hit (%.1f %%), by kind %s%n",
                hits.size(), hits.size() / 20.0, byKind);
        // Binomial(2000, 0.1): mean 200, sd 13.4; within 4.5 sd (the seed is fixed: no coin toss).
        assertTrue(hits.size() >= 140 && hits.size() <= 260, "hits: " + hits.size());
        assertEquals(hits.size(), first.injectedTotal());
        for (FaultKind kind : MIX) {
            assertTrue(first.injected(kind) >= 20, kind + ": " + first.injected(kind));
        }
    }

    @Test
    void theRateHoldsAcrossSeeds() {
        long total = 0;
        for (long seed = 1; seed <= 20; seed++) {
            int hit = hits(new SimFaults().randomly("vds", 0.1, seed, MIX), 2000).size();
            assertTrue(hit >= 140 && hit <= 260, "seed " + seed + ": " + hit);
            total += hit;
        }
        double rate = total / 40_000.0;
        System.out.printf("random rule, seeds 1..20, rate 0.10: %d of 40000 calls hit (%.2f %%)%n", total, rate * 100);
        // 40,000 draws: sd of the observed rate is 0.0015.
        assertTrue(rate > 0.094 && rate < 0.106, "rate " + rate);
    }

    @Test
    void rateZeroNeverAndRateOneAlways() {
        assertEquals(List.of(), hits(new SimFaults().randomly("vds", 0.0, 1L, FaultKind.BUSY), 500));
        assertEquals(500, hits(new SimFaults().randomly("vds", 1.0, 1L, FaultKind.BUSY), 500).size());
        assertThrows(IllegalArgumentException.class,
                () -> new SimFaults().randomly("vds", 1.5, 1L, FaultKind.BUSY));
        assertThrows(IllegalArgumentException.class,
                () -> new SimFaults().randomly("vds", 0.5, 1L, new Fault[0]));
    }

    @Test
    void aRandomRuleOnlyDrawsForItsOwnFunction() {
        SimFaults mixed = new SimFaults().randomly("vds", 0.3, 5L, MIX);
        SimFaults alone = new SimFaults().randomly("vds", 0.3, 5L, MIX);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            assertEquals(FaultKind.NONE, mixed.decide("whoami").fault().kind());
            Fault fault = mixed.decide("vds").fault();
            if (fault.kind() != FaultKind.NONE) {
                seen.add(i + ":" + fault.kind());
            }
        }
        assertEquals(hits(alone, 300), seen, "calls of other functions do not shift the sequence");
    }

    @Test
    void aScriptGivesOneFaultPerCallInOrderThenEnds() {
        SimFaults faults = new SimFaults()
                .script("vds", Fault.none(), Fault.busy(), Fault.none(), Fault.dropAfterCommit());
        assertEquals(4, faults.pending());
        List<FaultKind> kinds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            kinds.add(faults.decide("vds").fault().kind());
        }
        assertEquals(List.of(FaultKind.NONE, FaultKind.BUSY, FaultKind.NONE, FaultKind.DROP_AFTER_COMMIT,
                FaultKind.NONE, FaultKind.NONE), kinds);
        assertEquals(0, faults.pending());
        assertEquals("none", faults.toString());
    }

    @Test
    void nextNRulesAndScriptsComeBeforeRandomRules() {
        SimFaults faults = new SimFaults().randomly("*", 1.0, 1L, FaultKind.BUSY)
                .injectNext("vds", 2, Fault.httpStatus(502));
        assertEquals(FaultKind.HTTP_STATUS, faults.decide("vds").fault().kind());
        assertEquals(1, faults.pending());
        assertEquals(FaultKind.HTTP_STATUS, faults.decide("vds").fault().kind());
        assertEquals(FaultKind.BUSY, faults.decide("vds").fault().kind());
        assertEquals(0, faults.pending());
    }

    @Test
    void functionsMatchExactlyByGlobOrAll() {
        SimFaults faults = new SimFaults().injectNext("*.order.param", 10, Fault.busy())
                .injectNext("vds*", 10, Fault.dropAfterCommit()).injectNext(null, 10, Fault.html200());
        assertEquals(FaultKind.BUSY, faults.decide("v2.vds.order.param").fault().kind());
        assertEquals(FaultKind.BUSY, faults.decide("vhost.order.param").fault().kind());
        assertEquals(FaultKind.DROP_AFTER_COMMIT, faults.decide("vds.edit").fault().kind());
        assertEquals(FaultKind.HTML_200, faults.decide("whoami").fault().kind());
        assertEquals(FaultKind.HTML_200, faults.decide(null).fault().kind(), "a call without func");
        assertEquals(FaultKind.HTML_200, faults.decide("v2.vds.order.pricelist").fault().kind());
    }

    @Test
    void latencyPersistsAddsUpWithDelayNextAndAnExactNameWins() {
        SimFaults faults = new SimFaults().latency("*", Duration.ofMillis(100))
                .latency("vds", Duration.ofMillis(300)).delayNext("vds", 1, Duration.ofMillis(50));
        assertEquals(Duration.ofMillis(350), faults.decide("vds").pause());
        assertEquals(Duration.ofMillis(300), faults.decide("vds").pause());
        assertEquals(Duration.ofMillis(100), faults.decide("whoami").pause());
        assertEquals(1, faults.injected(FaultKind.DELAY), "delayNext counts, latency does not");
        faults.latency("vds", Duration.ZERO);
        assertEquals(Duration.ofMillis(100), faults.decide("vds").pause());
        faults.clear();
        assertEquals(Duration.ZERO, faults.decide("vds").pause());
    }

    @Test
    void injectedListsEveryKindButNone() {
        SimFaults faults = new SimFaults().injectNext("vds", 2, Fault.busy())
                .injectNext("vds", 1, Fault.none());
        hits(faults, 4);
        Map<FaultKind, Long> injected = faults.injected();
        assertEquals(FaultKind.values().length - 1, injected.size());
        assertFalse(injected.containsKey(FaultKind.NONE));
        assertEquals(2L, injected.get(FaultKind.BUSY));
        assertEquals(0L, injected.get(FaultKind.DROP_AFTER_COMMIT));
        assertEquals(2, faults.injectedTotal());
    }

    @Test
    void injectedFaultsTellTheSameKindBeforeAndAfterTheCommitApart() {
        SimFaults faults = new SimFaults().injectNext("vds", 2, Fault.httpStatus(502))
                .injectNext("vds", 1, Fault.httpStatus(502).afterCommit()).injectNext("vds", 1, Fault.none())
                .delayNext("vds", 1, Duration.ofMillis(50));
        hits(faults, 5);
        assertEquals(Map.of("delay=50", 1L, "http_status=502", 2L, "http_status=502+commit", 1L),
                faults.injectedFaults());
        assertEquals(3L, faults.injected(FaultKind.HTTP_STATUS));
        faults.clear();
        assertEquals(Map.of(), faults.injectedFaults());
    }

    @Test
    void faultsCheckTheirParameters() {
        assertThrows(IllegalArgumentException.class, () -> Fault.busy().afterCommit());
        assertThrows(IllegalArgumentException.class, () -> Fault.dropBeforeDispatch().afterCommit());
        assertThrows(IllegalArgumentException.class, () -> Fault.httpStatus(99));
        assertThrows(IllegalArgumentException.class, () -> Fault.delay(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> Fault.truncatedBody(-2));
        assertThrows(NullPointerException.class, () -> Fault.error(null));
        assertTrue(Fault.httpStatus(502).afterCommit().executes());
        assertFalse(Fault.httpStatus(502).executes());
        assertTrue(Fault.dropAfterCommit().executes());
        assertFalse(Fault.busy().executes());
    }

    @Test
    void theTextFormRoundTrips() {
        for (FaultKind kind : FaultKind.values()) {
            Fault fault = Fault.of(kind);
            assertEquals(fault, Fault.parse(fault.toString()), kind.toString());
        }
        assertEquals(Fault.httpStatus(502).afterCommit(), Fault.parse("HTTP-STATUS=502+commit"));
        assertEquals(Fault.delay(Duration.ofSeconds(2)), Fault.parse("delay=2s"));
        assertEquals(Fault.delayAfterCommit(Duration.ofMillis(1500)), Fault.parse("delay_after_commit=1500"));
        assertEquals(Fault.truncatedBody(40), Fault.parse("truncated_body=40"));
        assertEquals(Fault.error("value"), Fault.parse("error=value"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Fault.parse("explode"));
        assertTrue(unknown.getMessage().contains("drop_after_commit"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("busy=3"));
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("delay=-5"));
    }

    @Test
    void theStandaloneServerTakesRandomRulesAndLatencies() throws Exception {
        BillmgrSimulatorMain.Options options = BillmgrSimulatorMain.Options.parse(new String[] { "--port", "0",
                "--faults", "*.order.param:0.25:drop_after_commit,http_status=502+commit:42", "--latency", "*:20" });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BillmgrSimulator sim = BillmgrSimulatorMain.create(options, System.err).start()) {
            BillmgrSimulatorMain.printBanner(sim, new PrintStream(out, true, StandardCharsets.UTF_8));
            SimFaults twin = new SimFaults().randomly("*.order.param", 0.25, 42L,
                    Fault.dropAfterCommit(), Fault.httpStatus(502).afterCommit());
            List<String> expected = hits(twin, "vds.order.param", 200);
            assertFalse(expected.isEmpty());
            assertEquals(expected, hits(sim.state().faults(), "vds.order.param", 200),
                    "the option builds the same rule");
        }
        String banner = out.toString(StandardCharsets.UTF_8);
        assertTrue(banner.contains("Faults: random *.order.param at 0.25 seed 42: [drop_after_commit, "
                + "http_status=502+commit]; latency * 20 ms"), banner);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, BillmgrSimulatorMain.run(new String[] { "--faults", "vds:2:busy" }, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("between 0 and 1"), err.toString());
    }
}

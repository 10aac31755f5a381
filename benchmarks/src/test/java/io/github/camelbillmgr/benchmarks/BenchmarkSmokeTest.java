package io.github.camelbillmgr.benchmarks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's guard that the benchmarks still run: one short iteration of each contender (the component, raw
 * HttpClient, the hand-written route, the streaming parse) against the canned server and the simulator in their
 * own JVMs. Each contender's first call is checked for the right reply in the benchmark's set-up, so a contender that
 * only gets errors fails here. Timings are printed, never asserted.
 */
class BenchmarkSmokeTest {

    @Test
    void everyContenderRunsAndTheTableHasEveryCase() throws Exception {
        String table = BenchmarkRunner.run("smoke");
        System.out.println(table);
        for (String line : new String[] { "| whoami json t1 canned | component |", "| whoami xml t1 canned | raw |",
                "| list1k json t1 canned | stream |", "| list1k xml t1 canned | route |",
                "| get json t1 simulator | component |" }) {
            assertTrue(table.contains(line), "the table has no line " + line + ":\n" + table);
        }
        assertFalse(table.contains("failed"), "a case failed:\n" + table);
        assertTrue(table.contains("The simulator against the canned responder"), table);
    }
}

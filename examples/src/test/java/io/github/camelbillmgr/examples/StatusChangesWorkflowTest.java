package io.github.camelbillmgr.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.camelbillmgr.simulator.BillmgrSimulator.CLIENT_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Workflow 4, react to changes, in each DSL: the first poll is the baseline (nothing forwarded); then exactly the
 * VPS whose status changed or that were deleted arrive as JSON lines with the consumer's change and previous
 * status, not the renewed one nor the untouched ones; and after a restart (the consumer's state in a file) only
 * what changed while it was down arrives.
 */
class StatusChangesWorkflowTest extends WorkflowTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} routes")
    @EnumSource(Workflow.Dsl.class)
    void exactlyTheStatusChangesArriveWithWhatChangedAlsoAcrossARestart(Workflow.Dsl dsl) throws Exception {
        List<SimService> vds = simulator.state().addServices("vds", CLIENT_USER, 6, 4);
        long suspended = vds.get(0).id();
        long deleted = vds.get(1).id();
        long renewed = vds.get(2).id();
        Path events = workdir.resolve("events/status-changes.jsonl");
        Map<String, String> p = properties();
        p.put("example.changes.target", "file:" + workdir.resolve("events")
                + "?fileName=status-changes.jsonl&fileExist=Append&appendChars=%0A");
        startCamel(Workflow.STATUS_CHANGES, dsl, p);

        // the first poll sees four new VPS: the baseline, nothing is forwarded
        awaitCompletePolls("vds", 2);
        assertFalse(Files.exists(events), "nothing forwarded for the baseline");

        // the billing side suspends one, one is deleted, one is renewed (not a status change)
        simulator.state().setStatus(suspended, SimService.STATUS_SUSPENDED);
        simulator.state().setStatus(deleted, SimService.STATUS_DELETED);
        simulator.state().setExpireDate(renewed, vds.get(2).expireDate().plusMonths(1));
        await(() -> lines(events).size() >= 2, () -> "two events in " + events);
        awaitCompletePolls("vds", 2);
        List<Map<String, Object>> forwarded = lines(events);
        assertEquals(2, forwarded.size(), forwarded::toString);
        assertEquals(Map.of("itemType", "vds", "serviceId", (int) suspended, "change", "statusChanged",
                "previousStatus", "ACTIVE", "status", "SUSPENDED", "expireDate", vds.get(0).expireDate().toString()),
                forwarded.get(0));
        assertEquals("removed", forwarded.get(1).get("change"), forwarded::toString);
        assertEquals((int) deleted, forwarded.get(1).get("serviceId"));
        assertEquals("ACTIVE", forwarded.get(1).get("previousStatus"));
        assertEquals(null, forwarded.get(1).get("status"));

        // stopped; meanwhile the suspended VPS is resumed; started again with the same state file
        stopCamel();
        simulator.state().setStatus(suspended, SimService.STATUS_ACTIVE);
        startCamel(Workflow.STATUS_CHANGES, dsl, p);
        await(() -> lines(events).size() >= 3, () -> "the resume forwarded after the restart");
        awaitCompletePolls("vds", 2);
        forwarded = lines(events);
        assertEquals(3, forwarded.size(), forwarded::toString);
        assertEquals((int) suspended, forwarded.get(2).get("serviceId"));
        assertEquals("statusChanged", forwarded.get(2).get("change"));
        assertEquals("SUSPENDED", forwarded.get(2).get("previousStatus"));
        assertEquals("ACTIVE", forwarded.get(2).get("status"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> {
                try {
                    return (Map<String, Object>) JSON.readValue(l, Map.class);
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + l, e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

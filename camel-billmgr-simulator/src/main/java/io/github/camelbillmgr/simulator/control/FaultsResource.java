package io.github.camelbillmgr.simulator.control;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.fault.Fault;
import io.github.camelbillmgr.simulator.fault.FaultSpec;
import io.github.camelbillmgr.simulator.fault.SimFaults;

/** {@code GET|POST|DELETE /__sim/faults}: the rules and counts; add a rule; clear them all. */
final class FaultsResource implements ControlResource {

    private final BillmgrSimulator simulator;

    FaultsResource(BillmgrSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public JsonNode handle(ControlRequest request) {
        return switch (request.method()) {
            case "GET" -> faults();
            case "POST" -> add(request.object());
            case "DELETE" -> {
                simulator.state().faults().clear();
                yield faults();
            }
            default -> throw request.notAllowed("GET, POST, DELETE");
        };
    }

    private JsonNode faults() {
        SimFaults faults = simulator.state().faults();
        ObjectNode node = ControlViews.JSON.createObjectNode();
        node.put("rules", faults.toString());
        node.put("pending", faults.pending());
        node.put("injectedTotal", faults.injectedTotal());
        ObjectNode injected = node.putObject("injected");
        faults.injectedFaults().forEach(injected::put);
        return node;
    }

    /**
     * One of: {@code {"rule": "FUNC:RATE:FAULT[,FAULT...][:SEED]"}}, {@code {"latency": "FUNC:DURATION"}},
     * {@code {"func": F, "next": N, "fault": "drop_after_commit"}}, {@code {"func": F, "script": ["none", "busy"]}}.
     */
    private JsonNode add(JsonNode body) {
        SimFaults faults = simulator.state().faults();
        if (body.hasNonNull("rule")) {
            FaultSpec.randomRule(body.get("rule").asText()).accept(faults);
        } else if (body.hasNonNull("latency")) {
            FaultSpec.latency(body.get("latency").asText()).accept(faults);
        } else if (body.hasNonNull("script")) {
            List<Fault> script = new ArrayList<>();
            body.get("script").forEach(spec -> script.add(FaultSpec.fault(spec.asText())));
            faults.script(func(body), script);
        } else if (body.hasNonNull("fault")) {
            int times = body.path("next").asInt(1);
            if (times < 1) {
                throw new IllegalArgumentException("next must be 1 or more, not " + body.get("next"));
            }
            faults.injectNext(func(body), times, FaultSpec.fault(body.get("fault").asText()));
        } else {
            throw new IllegalArgumentException("a fault is {\"rule\": ...}, {\"latency\": ...}, "
                    + "{\"func\": ..., \"next\": N, \"fault\": ...} or {\"func\": ..., \"script\": [...]}");
        }
        return faults();
    }

    private static String func(JsonNode body) {
        return body.hasNonNull("func") ? body.get("func").asText() : "*";
    }
}

package io.github.camelbillmgr.simulator.control;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.RecordedRequest;

/** {@code GET|DELETE /__sim/requests[?limit=N]}: the recorded requests (the last N), credentials masked; clear them. */
final class RequestsResource implements ControlResource {

    private final BillmgrSimulator simulator;

    RequestsResource(BillmgrSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public JsonNode handle(ControlRequest request) {
        return switch (request.method()) {
            case "GET" -> requests(request.query());
            case "DELETE" -> {
                simulator.clearRequests();
                yield requests(request.query());
            }
            default -> throw request.notAllowed("GET, DELETE");
        };
    }

    private JsonNode requests(String query) {
        List<RecordedRequest> all = simulator.requests();
        int limit = all.size();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("limit=")) {
                    try {
                        limit = Math.max(0, Integer.parseInt(pair.substring("limit=".length())));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("limit must be a whole number, not "
                                + pair.substring("limit=".length()));
                    }
                }
            }
        }
        ObjectNode node = ControlViews.JSON.createObjectNode();
        node.put("received", simulator.requestsReceived());
        node.put("kept", all.size());
        ArrayNode list = node.putArray("requests");
        for (RecordedRequest r : all.subList(Math.max(0, all.size() - limit), all.size())) {
            ObjectNode item = list.addObject();
            item.put("receivedAt", r.receivedAt().toString());
            item.put("method", r.method());
            item.put("path", r.path());
            item.put("func", r.func());
            item.put("remoteAddress", r.remoteAddress());
            item.set("params", ControlViews.masked(r.params(), ControlViews.SECRET_PARAMS));
            item.set("headers", ControlViews.masked(r.headers(), ControlViews.SECRET_HEADERS));
        }
        return node;
    }
}

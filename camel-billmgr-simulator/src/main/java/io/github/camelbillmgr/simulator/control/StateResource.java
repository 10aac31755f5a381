package io.github.camelbillmgr.simulator.control;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.engine.Store;
import io.github.camelbillmgr.simulator.seed.SeedJson;
import io.github.camelbillmgr.simulator.seed.SimSeed;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/** {@code GET|PUT /__sim/state}: the whole state, or a seed document that replaces it; and {@code POST /__sim/reset}. */
final class StateResource implements ControlResource {

    private final BillmgrSimulator simulator;
    private final Store store;
    private final SimSettings initialSettings;

    StateResource(BillmgrSimulator simulator, Store store, SimSettings initialSettings) {
        this.simulator = simulator;
        this.store = store;
        this.initialSettings = initialSettings;
    }

    @Override
    public JsonNode handle(ControlRequest request) {
        return switch (request.method()) {
            case "GET" -> state();
            case "PUT", "POST" -> replaceState(request.object());
            default -> throw request.notAllowed("GET, PUT");
        };
    }

    /** Back to the seed; {@code {"settings": true}} also restores the settings the simulator started with. */
    JsonNode reset(JsonNode body) {
        simulator.reset();
        if (body != null && body.path("settings").asBoolean(false)) {
            simulator.settings().copyFrom(initialSettings);
        }
        return state();
    }

    private JsonNode state() {
        ObjectNode node = ControlViews.JSON.createObjectNode();
        ArrayNode accounts = node.putArray("accounts");
        simulator.state().accounts().forEach(account -> accounts.add(ControlViews.account(account)));
        ArrayNode services = node.putArray("services");
        simulator.state().services().forEach(service -> services.add(ControlViews.service(service)));
        ArrayNode carts = node.putArray("carts");
        simulator.state().carts().forEach(cart -> carts.add(ControlViews.JSON.valueToTree(cart)));
        node.set("clock", ControlViews.clock(simulator.clock()));
        return node;
    }

    /** Accounts, catalogue and services from a seed document; {@code reset} returns to the startup seed. */
    private JsonNode replaceState(JsonNode body) {
        if (body.has("settings")) {
            throw new IllegalArgumentException("settings are changed with POST /__sim/settings, not with the state");
        }
        SimSeed seed;
        try {
            seed = SeedJson.read(body, simulator.seed());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a seed document: " + e.getMessage(), e);
        }
        synchronized (store) {
            store.reset(seed);
        }
        return state();
    }
}

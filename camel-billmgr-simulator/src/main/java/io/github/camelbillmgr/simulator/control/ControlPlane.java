package io.github.camelbillmgr.simulator.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.engine.Store;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * The standalone server's control plane: JSON over HTTP under {@code /__sim/} on the simulator's own port, like
 * WireMock's {@code /__admin}, so that a tester drives the simulator from curl or any language. It offers what the
 * Java test hooks offer: reset, state (accounts, balances, services, carts), settings, faults, the clock and the
 * recorded requests (credentials masked). Requests to it are neither recorded nor subject to faults. The setting
 * {@code controlPlane=false} turns it off (its paths then answer 404 like any unknown path).
 * <p>
 * This class reads the request and writes the answer; one {@link ControlResource} per path under {@code /__sim/}
 * does the rest.
 */
public final class ControlPlane implements HttpHandler {

    private final BillmgrSimulator simulator;
    private final Map<String, ControlResource> resources;

    /**
     * @param store           the simulator's store, for what the Java hooks do not offer (replacing the state,
     *                        adding an account or service as a seed has them)
     * @param initialSettings the settings {@code POST /__sim/reset {"settings": true}} restores
     */
    public ControlPlane(BillmgrSimulator simulator, Store store, SimSettings initialSettings) {
        this.simulator = simulator;
        StateResource state = new StateResource(simulator, store, initialSettings);
        this.resources = Map.of(
                "", request -> request.only("GET", this::index),
                "reset", request -> request.only("POST", () -> state.reset(request.body())),
                "state", state,
                "accounts", new AccountsResource(simulator, store),
                "services", new ServicesResource(simulator, store),
                "settings", new SettingsResource(simulator),
                "faults", new FaultsResource(simulator),
                "clock", new ClockResource(simulator),
                "requests", new RequestsResource(simulator));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        List<String> parts = new ArrayList<>();
        for (String part : path.substring("/__sim".length()).split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        JsonNode answer;
        int status = 200;
        try {
            String resource = parts.isEmpty() ? "" : parts.get(0);
            String id = parts.size() > 1 ? parts.get(1) : null;
            ControlRequest request = new ControlRequest(method, id, readBody(exchange.getRequestBody()),
                    exchange.getRequestURI().getRawQuery());
            ControlResource handler = resources.get(resource);
            if (handler == null) {
                throw new ControlRefusal(404, "no such control resource '" + resource + "'; see GET /__sim/");
            }
            answer = handler.handle(request);
        } catch (ControlRefusal e) {
            status = e.status();
            answer = ControlViews.JSON.createObjectNode().put("error", e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            status = 400;
            answer = ControlViews.JSON.createObjectNode().put("error", e.getMessage());
        }
        byte[] body = ControlViews.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private JsonNode index() {
        ObjectNode node = ControlViews.JSON.createObjectNode();
        node.put("baseUrl", simulator.getBaseUrl());
        ObjectNode endpoints = node.putObject("endpoints");
        endpoints.put("POST /__sim/reset", "back to the seed (body {\"settings\": true} also restores the settings)");
        endpoints.put("GET /__sim/state", "accounts, services, carts and the clock");
        endpoints.put("PUT /__sim/state", "replace the state: a seed document (accounts, services, tariffs, ...)");
        endpoints.put("GET|POST /__sim/accounts[/USER]",
                "read accounts; create one; change balance, creditLimit, password");
        endpoints.put("GET|POST /__sim/services[/ID]", "read services; add one (a seed service); change one");
        endpoints.put("GET|POST /__sim/settings", "read every setting; change some ({\"name\": value}, \"profile\")");
        endpoints.put("GET|POST|DELETE /__sim/faults",
                "read, add ({\"rule\"|\"latency\"|\"func\"+\"next\"+\"fault\"|\"script\"}), clear");
        endpoints.put("GET|POST /__sim/clock",
                "read; {\"advance\": \"1h\"}, {\"set\": INSTANT}, {\"ticking\": bool}, {\"reset\": true}");
        endpoints.put("GET|DELETE /__sim/requests[?limit=N]", "recorded requests, credentials masked; clear");
        return node;
    }

    private static JsonNode readBody(InputStream in) throws IOException {
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            return ControlViews.JSON.createObjectNode();
        }
        try {
            return ControlViews.JSON.readTree(new ByteArrayInputStream(bytes));
        } catch (JsonProcessingException e) {
            throw new ControlRefusal(400, "the body is not JSON: " + e.getOriginalMessage());
        }
    }
}

package io.github.camelbillmgr.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelbillmgr.simulator.clock.SimClock;
import io.github.camelbillmgr.simulator.fault.Fault;
import io.github.camelbillmgr.simulator.fault.FaultSpec;
import io.github.camelbillmgr.simulator.fault.SimFaults;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import io.github.camelbillmgr.simulator.model.SimAccount;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.seed.SeedJson;
import io.github.camelbillmgr.simulator.seed.SimSeed;
import io.github.camelbillmgr.simulator.settings.SettingsProperties;
import io.github.camelbillmgr.simulator.settings.SimProfile;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * The standalone server's control plane: JSON over HTTP under {@code /__sim/} on the simulator's own port, like
 * WireMock's {@code /__admin}, so that a tester drives the simulator from curl or any language. It offers what the
 * Java test hooks offer: reset, state (accounts, balances, services, carts), settings, faults, the clock and the
 * recorded requests (credentials masked). Requests to it are neither recorded nor subject to faults. The setting
 * {@code controlPlane=false} turns it off (its paths then answer 404 like any unknown path).
 */
final class ControlPlane implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BillmgrSimulator simulator;
    private final SimSettings initialSettings;

    ControlPlane(BillmgrSimulator simulator, SimSettings initialSettings) {
        this.simulator = simulator;
        this.initialSettings = initialSettings;
    }

    /** A failure the caller caused: answered with its status and {@code {"error": message}}. */
    private static final class Refusal extends RuntimeException {
        private final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
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
            answer = route(method, parts, readBody(exchange.getRequestBody()), exchange.getRequestURI().getRawQuery());
        } catch (Refusal e) {
            status = e.status;
            answer = JSON.createObjectNode().put("error", e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            status = 400;
            answer = JSON.createObjectNode().put("error", e.getMessage());
        }
        byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private JsonNode route(String method, List<String> parts, JsonNode body, String query) {
        String resource = parts.isEmpty() ? "" : parts.get(0);
        String id = parts.size() > 1 ? parts.get(1) : null;
        return switch (resource) {
            case "" -> only(method, "GET", this::index);
            case "reset" -> only(method, "POST", () -> reset(body));
            case "state" -> switch (method) {
                case "GET" -> state();
                case "PUT", "POST" -> replaceState(body);
                default -> throw notAllowed(method, "GET, PUT");
            };
            case "accounts" -> accounts(method, id, body);
            case "services" -> services(method, id, body);
            case "settings" -> switch (method) {
                case "GET" -> SettingsProperties.toJson(simulator.settings());
                case "POST", "PUT", "PATCH" -> changeSettings(body);
                default -> throw notAllowed(method, "GET, POST");
            };
            case "faults" -> switch (method) {
                case "GET" -> faults();
                case "POST" -> addFault(body);
                case "DELETE" -> {
                    simulator.state().faults().clear();
                    yield faults();
                }
                default -> throw notAllowed(method, "GET, POST, DELETE");
            };
            case "clock" -> switch (method) {
                case "GET" -> clock();
                case "POST" -> moveClock(body);
                default -> throw notAllowed(method, "GET, POST");
            };
            case "requests" -> switch (method) {
                case "GET" -> requests(query);
                case "DELETE" -> {
                    simulator.clearRequests();
                    yield requests(query);
                }
                default -> throw notAllowed(method, "GET, DELETE");
            };
            default -> throw new Refusal(404, "no such control resource '" + resource + "'; see GET /__sim/");
        };
    }

    private interface Action {
        JsonNode run();
    }

    private static JsonNode only(String method, String allowed, Action action) {
        if (!method.equals(allowed)) {
            throw notAllowed(method, allowed);
        }
        return action.run();
    }

    private static Refusal notAllowed(String method, String allowed) {
        return new Refusal(405, method + " is not allowed here; allowed: " + allowed);
    }

    // ---- index, reset, state ------------------------------------------------------------------

    private JsonNode index() {
        ObjectNode node = JSON.createObjectNode();
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

    private JsonNode reset(JsonNode body) {
        simulator.reset();
        if (body != null && body.path("settings").asBoolean(false)) {
            simulator.settings().copyFrom(initialSettings);
        }
        return state();
    }

    private JsonNode state() {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode accounts = node.putArray("accounts");
        simulator.state().accounts().forEach(account -> accounts.add(ControlViews.account(account)));
        ArrayNode services = node.putArray("services");
        simulator.state().services().forEach(service -> services.add(ControlViews.service(service)));
        ArrayNode carts = node.putArray("carts");
        simulator.state().carts().forEach(cart -> carts.add(JSON.valueToTree(cart)));
        node.set("clock", clock());
        return node;
    }

    private JsonNode replaceState(JsonNode body) {
        requireObject(body);
        if (body.has("settings")) {
            throw new IllegalArgumentException("settings are changed with POST /__sim/settings, not with the state");
        }
        SimSeed seed;
        try {
            seed = SeedJson.read(body, simulator.seed());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a seed document: " + e.getMessage(), e);
        }
        simulator.replaceState(seed);
        return state();
    }

    // ---- accounts -------------------------------------------------------------------------------

    private JsonNode accounts(String method, String user, JsonNode body) {
        SimState state = simulator.state();
        if (user == null) {
            return switch (method) {
                case "GET" -> {
                    ArrayNode list = JSON.createArrayNode();
                    state.accounts().forEach(account -> list.add(ControlViews.account(account)));
                    yield list;
                }
                case "POST" -> {
                    requireObject(body);
                    SimSeed.Account a = read(body, SimSeed.Account.class);
                    if (a.user() == null || a.password() == null) {
                        throw new IllegalArgumentException("a new account needs user and password");
                    }
                    yield ControlViews.account(simulator.createAccount(a));
                }
                default -> throw notAllowed(method, "GET, POST");
            };
        }
        SimAccount account = state.account(user);
        if (account == null) {
            throw new Refusal(404, "no such user '" + user + "'");
        }
        return switch (method) {
            case "GET" -> ControlViews.account(account);
            case "POST", "PATCH", "PUT" -> {
                requireObject(body);
                for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
                    String name = names.next();
                    if (!Set.of("balance", "creditLimit", "password").contains(name)) {
                        throw new IllegalArgumentException("an account's " + name
                                + " cannot be changed; allowed: balance, creditLimit, password");
                    }
                }
                if (body.has("balance")) {
                    state.setBalance(user, amount(body, "balance"));
                }
                if (body.has("creditLimit")) {
                    state.setCreditLimit(user, amount(body, "creditLimit"));
                }
                if (body.hasNonNull("password")) {
                    state.setPassword(user, body.get("password").asText());
                }
                yield ControlViews.account(state.account(user));
            }
            default -> throw notAllowed(method, "GET, POST");
        };
    }

    private static BigDecimal amount(JsonNode body, String field) {
        try {
            return new BigDecimal(body.get(field).asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be an amount such as 12.50, not '"
                    + body.get(field).asText() + "'");
        }
    }

    // ---- services -------------------------------------------------------------------------------

    private JsonNode services(String method, String rawId, JsonNode body) {
        SimState state = simulator.state();
        if (rawId == null) {
            return switch (method) {
                case "GET" -> {
                    ArrayNode list = JSON.createArrayNode();
                    state.services().forEach(service -> list.add(ControlViews.service(service)));
                    yield list;
                }
                case "POST" -> {
                    requireObject(body);
                    SimSeed.Service seeded = read(body, SimSeed.Service.class);
                    if (seeded.itemType() == null || seeded.owner() == null || state.account(seeded.owner()) == null) {
                        throw new IllegalArgumentException("a new service needs itemType and the user name of an "
                                + "existing owner");
                    }
                    if (state.catalogue().tariff(seeded.pricelist())
                            .filter(t -> t.itemType().equals(seeded.itemType())).isEmpty()) {
                        throw new IllegalArgumentException("pricelist " + seeded.pricelist() + " is not a tariff of "
                                + "item type " + seeded.itemType());
                    }
                    yield ControlViews.service(simulator.addService(seeded));
                }
                default -> throw notAllowed(method, "GET, POST");
            };
        }
        long id;
        try {
            id = Long.parseLong(rawId);
        } catch (NumberFormatException e) {
            throw new Refusal(404, "no such service '" + rawId + "'");
        }
        SimService service = state.service(id).orElseThrow(() -> new Refusal(404, "no such service " + rawId));
        return switch (method) {
            case "GET" -> ControlViews.service(service);
            case "POST", "PATCH", "PUT" -> {
                requireObject(body);
                ServiceChange change = ServiceChange.of(body);
                if (body.hasNonNull("owner") && state.account(body.get("owner").asText()) == null) {
                    throw new IllegalArgumentException("no such owner '" + body.get("owner").asText() + "'");
                }
                yield ControlViews.service(state.updateService(id, change::applyTo));
            }
            default -> throw notAllowed(method, "GET, POST");
        };
    }

    // ---- settings -------------------------------------------------------------------------------

    private JsonNode changeSettings(JsonNode body) {
        requireObject(body);
        ObjectNode values = ((ObjectNode) body).deepCopy();
        JsonNode profile = values.remove("profile");
        // checked on a copy first, so that a bad value changes nothing
        SimSettings scratch = simulator.settings().copy();
        if (profile != null) {
            SimProfile.of(profile.asText()).apply(scratch);
        }
        SettingsProperties.apply(scratch, values);
        simulator.settings().copyFrom(scratch);
        return SettingsProperties.toJson(simulator.settings());
    }

    // ---- faults ---------------------------------------------------------------------------------

    private JsonNode faults() {
        SimFaults faults = simulator.state().faults();
        ObjectNode node = JSON.createObjectNode();
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
    private JsonNode addFault(JsonNode body) {
        requireObject(body);
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

    // ---- clock ----------------------------------------------------------------------------------

    private JsonNode clock() {
        SimClock clock = simulator.clock();
        ObjectNode node = JSON.createObjectNode();
        node.put("now", clock.now().toString());
        node.put("today", clock.today().toString());
        node.put("ticking", clock.isTicking());
        return node;
    }

    private JsonNode moveClock(JsonNode body) {
        requireObject(body);
        SimClock clock = simulator.clock();
        if (body.path("reset").asBoolean(false)) {
            clock.reset();
        }
        if (body.hasNonNull("set")) {
            String text = body.get("set").asText();
            try {
                clock.set(text.length() == 10 ? LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                        : Instant.parse(text));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("set must be an instant such as 2025-01-15T10:00:00Z or a date, not "
                        + text);
            }
        }
        if (body.hasNonNull("advance")) {
            String text = body.get("advance").asText();
            Duration duration = SettingsProperties.parseDuration(text)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "advance must be a duration such as 90s, 61m, 1h, 30d or PT1H, not "
                                    + text));
            clock.advance(duration);
        }
        if (body.has("ticking")) {
            clock.setTicking(body.get("ticking").asBoolean());
        }
        return clock();
    }

    // ---- requests -------------------------------------------------------------------------------

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
        ObjectNode node = JSON.createObjectNode();
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

    // ---- JSON input -----------------------------------------------------------------------------

    private static JsonNode readBody(InputStream in) throws IOException {
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(new ByteArrayInputStream(bytes));
        } catch (JsonProcessingException e) {
            throw new Refusal(400, "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
    }

    private static <T> T read(JsonNode body, Class<T> type) {
        try {
            return SeedJson.mapper().treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }
}

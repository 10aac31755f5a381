package io.github.camelbillmgr.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelbillmgr.simulator.RecordedRequest;
import io.github.camelbillmgr.simulator.SimulatorClock;
import io.github.camelbillmgr.simulator.SimulatorFaults;
import io.github.camelbillmgr.simulator.SimulatorSettings;
import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.doc.JsonConverter;
import io.github.camelbillmgr.simulator.doc.OutputFormat;
import io.github.camelbillmgr.simulator.doc.XmlRenderer;
import io.github.camelbillmgr.simulator.engine.ApiRequest;
import io.github.camelbillmgr.simulator.engine.Dispatcher;
import io.github.camelbillmgr.simulator.engine.Errors;
import io.github.camelbillmgr.simulator.engine.RequestParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP side: records the request, serves {@code /billmgr}, {@code /manager/billmgr} and
 * {@code /} for GET and both POST encodings, applies injected faults and renders the answer in
 * the requested {@code out} format. Every API outcome is HTTP 200.
 */
public final class ApiHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiHttpHandler.class.getName());
    private static final Set<String> PATHS = Set.of("/billmgr", "/manager/billmgr", "/");
    private static final String XML_TYPE = "text/xml; charset=UTF-8";
    private static final String HTML_TYPE = "text/html; charset=UTF-8";

    private final Dispatcher dispatcher;
    private final SimulatorSettings settings;
    private final SimulatorClock clock;
    private final SimulatorFaults faults;
    private final RequestLog log;

    public ApiHttpHandler(Dispatcher dispatcher, SimulatorSettings settings, SimulatorClock clock,
                          SimulatorFaults faults, RequestLog log) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.clock = clock;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "simulator failure", e);
            respond(exchange, 500, "text/plain; charset=UTF-8",
                    ("simulator failure: " + e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body = readBody(exchange.getRequestBody());
        Map<String, List<String>> params = new LinkedHashMap<>();
        FormParser.parse(rawQuery, params);
        if (MultipartParser.isMultipart(contentType)) {
            MultipartParser.parse(contentType, body, params);
        } else if (body.length > 0) {
            FormParser.parse(new String(body, StandardCharsets.UTF_8), params);
        }
        Map<String, List<String>> headers = headers(exchange);
        String remoteIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        log.add(new RecordedRequest(clock.now(), method, path, rawQuery, contentType, params, headers, remoteIp));

        if (!PATHS.contains(path)) {
            respond(exchange, 404, HTML_TYPE, html("404 Not Found"));
            return;
        }
        if (!method.equals("GET") && !method.equals("POST")) {
            exchange.getResponseHeaders().add("Allow", "GET, POST");
            respond(exchange, 405, HTML_TYPE, html("405 Method Not Allowed"));
            return;
        }
        RequestParams resolved = new RequestParams(params, settings.getRepeatedParam());
        String func = resolved.opt("func");
        OutputFormat format = OutputFormat.of(resolved.opt("out"), settings.isXjsonIsJsonAlias());
        Element doc;
        Optional<SimulatorFaults.Fault> delay = faults.take(func, SimulatorFaults.Kind.DELAY);
        if (delay.isPresent()) {
            pause(delay.get());
        }
        Optional<SimulatorFaults.Fault> failure =
                faults.take(func, SimulatorFaults.Kind.HTTP_STATUS, SimulatorFaults.Kind.ERROR);
        if (failure.isPresent() && failure.get().kind() == SimulatorFaults.Kind.HTTP_STATUS) {
            injectStatus(exchange, failure.get().httpStatus());
            return;
        }
        if (failure.isPresent()) {
            SimulatorFaults.Fault fault = failure.get();
            doc = Errors.injected(fault.errorType(), fault.object(), fault.message()).toDoc("en");
        } else {
            doc = dispatcher.dispatch(new ApiRequest(params, headers, remoteIp));
        }
        render(exchange, doc, format);
    }

    private void render(HttpExchange exchange, Element doc, OutputFormat format) throws IOException {
        if (format.isJson()) {
            JsonConverter converter = new JsonConverter(settings.isOkAsEmptyObject(), format == OutputFormat.SJSON);
            respond(exchange, 200, settings.getJsonContentType(), converter.toBytes(doc));
        } else {
            respond(exchange, 200, XML_TYPE, XmlRenderer.render(doc).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void injectStatus(HttpExchange exchange, int status) throws IOException {
        if (status >= 300 && status < 400) {
            exchange.getResponseHeaders().add("Location", "/billmgr");
        }
        respond(exchange, status, HTML_TYPE, html(status + " Injected by the simulator"));
    }

    private static void pause(SimulatorFaults.Fault fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        return headers;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static byte[] html(String title) {
        return ("<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}

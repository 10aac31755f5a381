package io.github.camelbillmgr.simulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelbillmgr.simulator.clock.SimClock;
import io.github.camelbillmgr.simulator.doc.OutputFormat;
import io.github.camelbillmgr.simulator.engine.ApiRequest;
import io.github.camelbillmgr.simulator.engine.Dispatcher;
import io.github.camelbillmgr.simulator.engine.RequestParams;
import io.github.camelbillmgr.simulator.fault.CredentialFaults;
import io.github.camelbillmgr.simulator.fault.SimFaults;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * The HTTP side: records the request, serves {@code /billmgr}, {@code /manager/billmgr} and
 * {@code /} for GET and both POST encodings, asks the fault rules what to do with the call and
 * hands it to the {@link Responder}. Every API outcome is HTTP 200 unless a fault says otherwise.
 */
public final class ApiHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiHttpHandler.class.getName());
    private static final Set<String> PATHS = Set.of("/billmgr", "/manager/billmgr", "/");
    /** The control plane's reserved path, off every BILLmanager path. */
    public static final String CONTROL_PREFIX = "/__sim/";

    private final SimSettings settings;
    private final SimClock clock;
    private final SimFaults faults;
    private final RequestLog log;
    private final ConnectionGauge gauge;
    private final Responder responder;
    private final HttpHandler controlPlane;

    public ApiHttpHandler(Dispatcher dispatcher, CredentialFaults credentials, SimSettings settings,
                          SimClock clock, SimFaults faults, RequestLog log, ConnectionGauge gauge) {
        this(dispatcher, credentials, settings, clock, faults, log, gauge, null);
    }

    /**
     * @param controlPlane serves {@value #CONTROL_PREFIX} while the setting {@code controlPlane} is on; those requests
     *                     are not recorded and take no faults
     */
    public ApiHttpHandler(Dispatcher dispatcher, CredentialFaults credentials, SimSettings settings,
                          SimClock clock, SimFaults faults, RequestLog log, ConnectionGauge gauge,
                          HttpHandler controlPlane) {
        this.controlPlane = controlPlane;
        this.settings = settings;
        this.clock = clock;
        this.faults = faults;
        this.log = log;
        this.gauge = gauge;
        this.responder = new Responder(dispatcher, credentials, settings);
    }

    /**
     * An {@link InjectedDisconnect} passes through on purpose: the exchange is closed first
     * (which, with no complete response sent, closes the connection), and the server closes
     * it again on the exception, logging it at TRACE only. Any other failure is a simulator bug:
     * logged once, answered with a 500 and a short text while the exchange is still open, and the
     * server goes on serving.
     */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        InetSocketAddress client = exchange.getRemoteAddress();
        gauge.enter(client);
        try {
            serve(exchange);
        } catch (RuntimeException e) {
            answerFailure(exchange, e);
        } finally {
            exchange.close();
            gauge.exit(client);
        }
    }

    private static void answerFailure(HttpExchange exchange, RuntimeException e) {
        LOG.log(Level.ERROR, "simulator failure answering " + exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getRawPath(), e);
        if (exchange.getResponseCode() != -1) {
            return; // the status line is out: closing the exchange cuts the answer, all that is left to do
        }
        String text = "simulator failure: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "\n";
        try {
            new Reply(500, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8)).send(exchange);
        } catch (IOException | RuntimeException unsent) {
            LOG.log(Level.DEBUG, "the 500 answer could not be sent: {0}", unsent.toString());
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        if (controlPlane != null && settings.isControlPlane() && (path.startsWith(CONTROL_PREFIX)
                || path.equals(CONTROL_PREFIX.substring(0, CONTROL_PREFIX.length() - 1)))) {
            controlPlane.handle(exchange);
            return;
        }
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
            Reply.htmlTitled(404, "404 Not Found").send(exchange);
            return;
        }
        if (!method.equals("GET") && !method.equals("POST")) {
            exchange.getResponseHeaders().add("Allow", "GET, POST");
            Reply.htmlTitled(405, "405 Method Not Allowed").send(exchange);
            return;
        }
        RequestParams resolved = new RequestParams(params, settings.getRepeatedParam());
        OutputFormat format = OutputFormat.of(resolved.opt("out"), settings.isXjsonIsJsonAlias());
        responder.answer(exchange, new ApiRequest(params, headers, remoteIp), format,
                faults.decide(resolved.opt("func")));
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        return headers;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}

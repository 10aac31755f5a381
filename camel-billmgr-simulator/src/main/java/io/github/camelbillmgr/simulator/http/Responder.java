package io.github.camelbillmgr.simulator.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.doc.JsonConverter;
import io.github.camelbillmgr.simulator.doc.OutputFormat;
import io.github.camelbillmgr.simulator.doc.XmlRenderer;
import io.github.camelbillmgr.simulator.engine.ApiRequest;
import io.github.camelbillmgr.simulator.engine.Dispatcher;
import io.github.camelbillmgr.simulator.engine.Errors;
import io.github.camelbillmgr.simulator.fault.CredentialFaults;
import io.github.camelbillmgr.simulator.fault.Fault;
import io.github.camelbillmgr.simulator.fault.SimFaults;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * Answers one API call: runs it through the engine and renders the document in the requested
 * format, misbehaving as the call's {@link SimFaults.Decision} says. Whether the engine
 * runs at all before the misbehaviour is what {@link Fault#executes()} promises.
 */
final class Responder {

    private static final String XML_TYPE = "text/xml; charset=UTF-8";
    /** What a BILLmanager behind a lost session or a captive proxy answers instead of the API. */
    static final String LOGIN_PAGE = "<!DOCTYPE html><html><head><title>BILLmanager</title></head><body>"
            + "<form method=\"post\" action=\"/billmgr\"><input type=\"hidden\" name=\"func\" value=\"auth\">"
            + "<input name=\"username\"><input type=\"password\" name=\"password\">"
            + "<button type=\"submit\">Log in</button></form></body></html>";

    private final Dispatcher dispatcher;
    private final CredentialFaults credentials;
    private final SimSettings settings;
    /** Converters hold no state between calls; one is shared while the settings stay the same. */
    private volatile JsonConverter lastConverter;

    Responder(Dispatcher dispatcher, CredentialFaults credentials, SimSettings settings) {
        this.dispatcher = dispatcher;
        this.credentials = credentials;
        this.settings = settings;
    }

    void answer(HttpExchange exchange, ApiRequest request, OutputFormat format, SimFaults.Decision decision)
            throws IOException {
        pause(decision.pause());
        Fault fault = decision.fault();
        switch (fault.kind()) {
            case NONE -> execute(request, format).send(exchange);
            case DELAY -> {
                pause(fault.delay());
                execute(request, format).send(exchange);
            }
            case ERROR -> render(Errors.injected(fault.errorType(), fault.object(), fault.message()).toDoc("en"),
                    format).send(exchange);
            case BUSY -> render(Errors.busy(settings).toDoc("en"), format).send(exchange);
            case HTTP_STATUS -> {
                executeIfCommitted(fault, request);
                (fault.body() == null ? Reply.htmlTitled(fault.httpStatus(),
                        fault.httpStatus() + " Injected by the simulator")
                        : Reply.html(fault.httpStatus(), fault.body())).send(exchange);
            }
            case HTML_200 -> {
                executeIfCommitted(fault, request);
                Reply.html(200, fault.body() == null ? LOGIN_PAGE : fault.body()).send(exchange);
            }
            case DELAY_AFTER_COMMIT -> {
                Reply reply = execute(request, format);
                pause(fault.delay());
                reply.send(exchange);
            }
            case TRUNCATED_BODY -> {
                Reply reply = execute(request, format);
                reply.sendPrefix(exchange, keep(fault, reply.body().length));
                throw new InjectedDisconnect("truncated body");
            }
            case MALFORMED_BODY -> {
                Reply reply = execute(request, format);
                reply.cut(keep(fault, contentLength(reply.body()))).send(exchange);
            }
            case DROP_BEFORE_DISPATCH -> throw new InjectedDisconnect("before dispatch");
            case DROP_AFTER_COMMIT -> {
                dispatcher.dispatch(request);
                throw new InjectedDisconnect("after commit");
            }
            case SESSION_EXPIRED -> {
                credentials.expireSession(request);
                execute(request, format).send(exchange);
            }
            case BLOCKLOGON -> {
                credentials.blockUser(request);
                execute(request, format).send(exchange);
            }
            default -> throw new IllegalStateException("unhandled fault kind " + fault.kind());
        }
    }

    private Reply execute(ApiRequest request, OutputFormat format) {
        return render(dispatcher.dispatch(request), format);
    }

    private void executeIfCommitted(Fault fault, ApiRequest request) {
        if (fault.executes()) {
            dispatcher.dispatch(request);
        }
    }

    private Reply render(Element doc, OutputFormat format) {
        if (format.isJson()) {
            return new Reply(200, settings.getJsonContentType(), converter(format).toBytes(doc));
        }
        return new Reply(200, XML_TYPE, XmlRenderer.render(doc).getBytes(StandardCharsets.UTF_8));
    }

    /** The converter the live settings ask for: the last one made, unless a setting changed since. */
    private JsonConverter converter(OutputFormat format) {
        boolean emptyAsObject = settings.isOkAsEmptyObject();
        boolean alwaysArrays = format == OutputFormat.SJSON;
        Set<String> arrays = format == OutputFormat.XJSON ? settings.getXjsonArrays() : Set.of();
        JsonConverter last = lastConverter;
        if (last == null || !last.converts(emptyAsObject, alwaysArrays, arrays)) {
            last = new JsonConverter(emptyAsObject, alwaysArrays, arrays);
            lastConverter = last;
        }
        return last;
    }

    /** Bytes kept of a body of {@code length}: as asked (half by default), but always at least one cut. */
    private static int keep(Fault fault, int length) {
        int wanted = fault.keepBytes() < 0 ? length / 2 : fault.keepBytes();
        return Math.max(0, Math.min(wanted, length - 1));
    }

    /**
     * The length without trailing whitespace: cutting only a final newline would leave a
     * well-formed document, and a malformed body must not parse.
     */
    private static int contentLength(byte[] body) {
        int end = body.length;
        while (end > 0 && Character.isWhitespace(body[end - 1])) {
            end--;
        }
        return end;
    }

    private static void pause(Duration duration) {
        if (duration == null || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            // The simulator is stopping: answer (or fail) at once.
            Thread.currentThread().interrupt();
        }
    }
}

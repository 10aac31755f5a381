package io.github.camelbillmgr.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrAuthMode;
import io.github.camelbillmgr.BillmgrAuthenticationException;
import io.github.camelbillmgr.BillmgrBusyException;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOutcome;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.internal.Redactor;
import io.github.camelbillmgr.internal.input.TextValues;
import io.github.camelbillmgr.internal.observe.BillmgrMetrics;
import io.github.camelbillmgr.internal.reply.DocumentReader;
import io.github.camelbillmgr.internal.reply.ErrorMapper;
import io.github.camelbillmgr.internal.reply.Nodes;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.URISupport;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.StandardCookieSpec;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends BILLmanager requests through camel-http's pooled HttpClient 5 and reads the replies. Credentials go in the
 * urlencoded POST body only. Nothing here retries a request that reached BILLmanager, except once after a refused
 * session, which BILLmanager rejects before it runs the function.
 */
public class BillmgrClient extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(BillmgrClient.class);
    /** How much of a non-document reply is kept for the exception: enough to see an HTML error page's title. */
    private static final int MAX_ERROR_BODY = 8 * 1024;

    private final CamelContext camelContext;
    private final BillmgrConfiguration configuration;
    private final SessionAuthenticator session;
    private final LoginBackoff backoff;
    private final HttpEndpoints httpEndpoints;
    private HttpClient httpClient;
    private RequestTimeouts timeouts;
    private RequestConfig requestConfig;
    private URI uri;
    private String sanitizedUri;
    private DocumentReader reader;
    private ObjectMapper mapper;
    private volatile BillmgrMetrics metrics = BillmgrMetrics.NONE;
    private ScheduledExecutorService deadlines;

    public BillmgrClient(CamelContext camelContext, BillmgrConfiguration configuration, SessionAuthenticator session,
                         LoginBackoff backoff, HttpEndpoints httpEndpoints) {
        this.camelContext = camelContext;
        this.configuration = configuration;
        this.session = session;
        this.backoff = backoff;
        this.httpEndpoints = httpEndpoints;
    }

    @Override
    protected void doStart() throws Exception {
        String baseUrl = configuration.getBaseUrl();
        uri = URI.create(baseUrl);
        sanitizedUri = URISupport.sanitizeUri(baseUrl);
        HttpEndpoint endpoint = httpEndpoints.endpointFor(camelContext, configuration);
        httpClient = endpoint.getHttpClient();
        timeouts = RequestTimeouts.of(configuration);
        // No cookies: BILLmanager's API needs none, and the camel-http client (with its cookie store) is shared
        // by every billmgr component, so a session cookie of one account would go out with another's requests.
        requestConfig
                = RequestConfig.copy(timeouts.applyTo(httpClient instanceof Configurable c ? c.getConfig() : null))
                        .setCookieSpec(StandardCookieSpec.IGNORE)
                        .build();
        if (deadlines == null) {
            throw new IllegalStateException("No scheduler for the callTimeout deadline was set");
        }
        PlainHttpWarning.warnIfPlain(uri, sanitizedUri, configuration.getUsername());
        mapper = configuration.getObjectMapper();
        if (mapper == null) {
            mapper = camelContext.getRegistry().findSingleByType(ObjectMapper.class);
        }
        if (mapper == null) {
            mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        }
        reader = new DocumentReader(mapper, configuration.getMaxReplySize());
    }

    @Override
    protected void doStop() throws Exception {
        // The HttpClient belongs to the camel-http endpoint; Camel closes it with that endpoint.
        httpClient = null;
    }

    /** The scheduler that cancels calls past callTimeout; the component's, shared by its endpoints. */
    public void setDeadlines(ScheduledExecutorService deadlines) {
        this.deadlines = deadlines;
    }

    public ObjectMapper getObjectMapper() {
        return mapper;
    }

    public SessionAuthenticator getSession() {
        return session;
    }

    public LoginBackoff getBackoff() {
        return backoff;
    }

    /** Where busy answers, logins and login pauses are counted; {@link BillmgrMetrics#NONE} by default. */
    public void setMetrics(BillmgrMetrics metrics) {
        this.metrics = metrics == null ? BillmgrMetrics.NONE : metrics;
    }

    /** Calls a func and returns its document. */
    public ObjectNode call(BillmgrRequest request) throws BillmgrException {
        return call(request, null);
    }

    /**
     * Calls a func and returns its document. With a row handler, the list rows are handed to it as they are read
     * and are not in the returned document.
     *
     * @throws BillmgrApiException       when BILLmanager answers with an error document
     * @throws BillmgrTransportException when no BILLmanager document came back
     */
    public ObjectNode call(BillmgrRequest request, DocumentReader.RowHandler rows) throws BillmgrException {
        TextValues.check(request);
        boolean probe;
        try {
            probe = backoff.check();
        } catch (BillmgrAuthenticationException held) {
            metrics.heldByLoginPause();
            throw held;
        }
        try {
            ObjectNode doc = authenticatedCall(request, rows);
            backoff.accepted();
            return doc;
        } catch (BillmgrApiException e) {
            // only refused credentials pause the others; a user who lacks the rights for one func must not stop
            // every call of the same credentials, and any other answer of BILLmanager means it took them
            if (isLoginRefusal(e)) {
                refused((BillmgrAuthenticationException) e);
            } else {
                backoff.accepted();
            }
            if (e instanceof BillmgrBusyException) {
                metrics.busy(e.getFunc());
            }
            throw e;
        } finally {
            if (probe) {
                backoff.probeDone();
            }
        }
    }

    private void refused(BillmgrAuthenticationException e) {
        if (backoff.refused(e)) {
            metrics.loginPause();
        }
    }

    private static boolean isLoginRefusal(BillmgrException e) {
        return e instanceof BillmgrAuthenticationException a && ErrorMapper.isLoginRefusal(a);
    }

    /**
     * Logs in for the session's single flight. A thread that waited there while the login before it was refused does
     * not try the same credentials again: the refusal is recorded before the session is released, and seen here.
     */
    private String loginUnlessJustRefused() throws BillmgrException {
        try {
            backoff.checkPause();
        } catch (BillmgrAuthenticationException held) {
            metrics.heldByLoginPause();
            throw held;
        }
        try {
            return login();
        } catch (BillmgrException e) {
            if (isLoginRefusal(e)) {
                refused((BillmgrAuthenticationException) e);
            }
            throw e;
        }
    }

    private ObjectNode authenticatedCall(BillmgrRequest request, DocumentReader.RowHandler rows)
            throws BillmgrException {
        if (configuration.getAuthMode() != BillmgrAuthMode.session) {
            return checked(request,
                    send(request, "authinfo", configuration.getUsername() + ":" + configuration.getPassword(), rows));
        }
        String sid = session.sessionId(this::loginUnlessJustRefused);
        ObjectNode doc = send(request, "auth", sid, rows);
        JsonNode error = ErrorMapper.error(doc);
        if (error != null && ErrorMapper.isAccess(error)) {
            // An expired session and missing rights look the same; one fresh login tells them apart.
            LOG.debug("BILLmanager refused the session for func={}; logging in again once", request.func());
            session.invalidate(sid);
            String fresh = session.sessionId(this::loginUnlessJustRefused);
            doc = send(request, "auth", fresh, rows);
            JsonNode again = ErrorMapper.error(doc);
            if (again != null && ErrorMapper.isAccess(again)) {
                BillmgrApiException e = ErrorMapper.toException(request.func(), again, redactor(request, fresh));
                throw new BillmgrAuthenticationException(request.func(), e.getType(), e.getObject(), e.getValue(),
                        e.getParams(), "access denied again with a fresh session (the user lacks the rights for this "
                                + "function, or sessions are bound to another IP): " + e.getErrorMessage());
            }
        }
        return checked(request, doc);
    }

    private ObjectNode checked(BillmgrRequest request, ObjectNode doc) throws BillmgrApiException {
        JsonNode error = ErrorMapper.error(doc);
        if (error != null) {
            throw ErrorMapper.toException(request.func(), error, redactor(request, null));
        }
        return doc;
    }

    private String login() throws BillmgrException {
        BillmgrRequest auth = new BillmgrRequest("auth")
                .param("username", configuration.getUsername())
                .param("password", configuration.getPassword());
        ObjectNode doc = send(auth, null, null, null);
        JsonNode error = ErrorMapper.error(doc);
        if (error != null) {
            BillmgrApiException e = ErrorMapper.toException("auth", error, redactor(auth, null));
            // "Request in process" refuses nothing: the login was not run and is worth repeating. As an
            // authentication failure it would not be retried, and would hold every call back (LoginBackoff).
            if (e instanceof BillmgrAuthenticationException || e instanceof BillmgrBusyException) {
                throw e;
            }
            throw new BillmgrAuthenticationException("auth", e.getType(), e.getObject(), e.getValue(), e.getParams(),
                    "login as '" + configuration.getUsername() + "' failed: " + e.getErrorMessage());
        }
        JsonNode authNode = Nodes.doc(doc).get("auth");
        String sid = Nodes.attr(authNode, "id");
        if (sid == null || sid.isBlank()) {
            sid = Nodes.text(authNode);
        }
        if (sid == null || sid.isBlank()) {
            throw new BillmgrAuthenticationException("auth", "auth", null, null, Map.of(),
                    "login as '" + configuration.getUsername() + "' returned no session id");
        }
        LOG.debug("Logged in to {} as {}", sanitizedUri, configuration.getUsername());
        metrics.login(session.getLoginCount() > 0); // counted by the session once this returns
        return sid;
    }

    private Redactor redactor(BillmgrRequest request, String sid) {
        List<String> secrets = new ArrayList<>(request.secretValues());
        secrets.add(configuration.getPassword());
        secrets.add(configuration.getUsername() + ":" + configuration.getPassword());
        if (sid != null) {
            secrets.add(sid);
        }
        String current = session == null ? null : session.peek();
        if (current != null) {
            secrets.add(current);
        }
        return new Redactor(secrets);
    }

    /** Sends one request and reads its reply, whatever it says. */
    private ObjectNode send(BillmgrRequest request, String credentialName, String credential,
                            DocumentReader.RowHandler rows)
            throws BillmgrException {
        List<NameValuePair> form = new ArrayList<>(request.params().size() + 4);
        form.add(new BasicNameValuePair("func", request.func()));
        form.add(new BasicNameValuePair("out", configuration.getFormat().name()));
        if (configuration.getLang() != null && !configuration.getLang().isBlank()) {
            form.add(new BasicNameValuePair("lang", configuration.getLang()));
        }
        for (Map.Entry<String, String> p : request.params()) {
            form.add(new BasicNameValuePair(p.getKey(), p.getValue()));
        }
        if (credentialName != null) {
            form.add(new BasicNameValuePair(credentialName, credential));
        }
        HttpPost post = new HttpPost(uri);
        post.setConfig(requestConfig);
        post.setEntity(oneShot(form));
        request.headers().forEach(post::setHeader);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Calling BILLmanager {}: {}", sanitizedUri, request);
        }
        HttpClientContext context = HttpClientContext.create();
        // a store of this call's own, empty and dropped with it: never the client's shared one
        context.setCookieStore(new BasicCookieStore());
        CallDeadline deadline = new CallDeadline(deadlines, timeouts.callMillis(), post);
        try (deadline) {
            return httpClient.execute(post, context, response -> {
                try {
                    return read(request, response, credential, rows);
                } catch (IOException | RuntimeException | Error e) {
                    // The reply was not read to its end as it should be: what is left on the connection (the rest of
                    // a body, or a second reply after a too short Content-Length) must never be read as the reply
                    // to the next request. Cancelling closes the connection instead of returning it to the pool.
                    post.cancel();
                    throw e;
                }
            });
        } catch (ReplyException e) {
            if (deadline.expired()) {
                throw expired(request, credential, true, e.failure);
            }
            throw e.failure;
        } catch (DocumentReader.RowHandlerException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BillmgrException be) {
                throw be;
            }
            // a row of a list being read: nothing was changed in BILLmanager
            throw new BillmgrException("Failed to handle a row of func '" + request.func() + "': " + cause,
                    request.func(),
                    BillmgrOutcome.NOT_DONE, cause);
        } catch (IOException caught) {
            // the connection's details are recorded once the request starts to go out on it
            boolean sent = context.getEndpointDetails() != null;
            if (deadline.expired()) {
                throw expired(request, credential, sent, caught);
            }
            IOException e = NoReplyDescription.normalized(caught);
            Redactor redactor = redactor(request, credential);
            throw new BillmgrTransportException(
                    redactor.redact("No reply from BILLmanager at " + sanitizedUri + " for func '" + request.func()
                            + "': " + NoReplyDescription.describe(e, sent, uri, timeouts) + " (" + e + ")"),
                    request.func(), sanitizedUri, 0, null, null, null, e);
        }
    }

    /** The failure of a call cancelled at its callTimeout deadline, whatever it was doing then. */
    private BillmgrTransportException expired(BillmgrRequest request, String credential, boolean sent, Throwable seen) {
        String what = sent
                ? "the call was still running after " + timeouts.call() + " and was abandoned, its connection closed; "
                        + "BILLmanager may or may not have run it (a server that sends its reply a few bytes at a time "
                        + "is held only this long)"
                : "no connection was had within " + timeouts.call() + ", so the request was not sent";
        CallDeadline.ExpiredException cause = new CallDeadline.ExpiredException(what, sent);
        cause.addSuppressed(seen);
        return new BillmgrTransportException(
                redactor(request, credential).redact("No reply from BILLmanager at " + sanitizedUri + " for func '"
                        + request.func() + "': " + what),
                request.func(), sanitizedUri, 0, null, null, null, cause);
    }

    /**
     * The form as an entity HttpClient cannot replay. HttpClient's default retry strategy re-sends a request after
     * HTTP 429 and 503 replies whatever its method, unless camel-http's automaticRetriesDisabled is set; it never
     * re-sends a request whose body is not repeatable. An order or a renewal must not run twice behind the route's
     * back, so every request is sent at most once, whatever the camel-http component says.
     */
    private static HttpEntity oneShot(List<NameValuePair> form) {
        // the same bytes as UrlEncodedFormEntity would send
        byte[] body = WWWFormCodec.format(form, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
        return new OneShotEntity(body);
    }

    /**
     * The form's bytes, written straight to the connection (an InputStreamEntity copies them through a new 4 KiB
     * buffer per request), and not repeatable, so HttpClient never sends them twice.
     */
    private static final class OneShotEntity extends AbstractHttpEntity {
        private static final ContentType FORM
                = ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8);

        private final byte[] body;

        OneShotEntity(byte[] body) {
            super(FORM, null);
            this.body = body;
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public InputStream getContent() {
            return new java.io.ByteArrayInputStream(body);
        }

        @Override
        public void writeTo(java.io.OutputStream out) throws IOException {
            out.write(body);
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    private ObjectNode read(BillmgrRequest request, ClassicHttpResponse response, String credential,
                            DocumentReader.RowHandler rows)
            throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        if (status < 200 || status > 299) {
            throw transportFailure(request, response, credential,
                    "BILLmanager at " + sanitizedUri + " answered HTTP " + status + " "
                            + nullToEmpty(response.getReasonPhrase()) + " for func '"
                            + request.func() + "'",
                    entity == null ? null : readBounded(entity));
        }
        if (entity == null) {
            throw transportFailure(request, response, credential,
                    "BILLmanager at " + sanitizedUri + " sent an empty reply for func '" + request.func() + "'", null);
        }
        long declared = entity.getContentLength();
        if (declared > configuration.getMaxReplySize()) {
            throw tooLarge(request, response, credential, "declares " + declared + " bytes", null);
        }
        ReplySizeLimit limited = new ReplySizeLimit(entity.getContent(), configuration.getMaxReplySize(), declared);
        // Buffer the start of the body so that a reply that is not a document can still be shown.
        PeekingInputStream in = new PeekingInputStream(limited, MAX_ERROR_BODY);
        try {
            ObjectNode doc = reader.read(in, configuration.getFormat(), rows);
            limited.drain();
            return doc;
        } catch (ReplySizeLimit.TooLargeException e) {
            throw tooLarge(request, response, credential, "went on past it", in.peeked());
        } catch (DocumentReader.NotADocumentException e) {
            if (limited.exceeded()) {
                // the XML parser wraps the stream's failure in its own
                throw tooLarge(request, response, credential, "went on past it", in.peeked());
            }
            throw transportFailure(request, response, credential,
                    "BILLmanager at " + sanitizedUri + " sent a reply to func '" + request.func()
                            + "' that is not a BILLmanager " + configuration.getFormat()
                            + " document (" + e.getMessage() + ")",
                    in.peeked());
        }
    }

    private ReplyException tooLarge(BillmgrRequest request, ClassicHttpResponse response, String credential,
                                    String how, byte[] body) {
        return transportFailure(request, response, credential,
                "BILLmanager at " + sanitizedUri + " sent a reply to func '" + request.func() + "' larger than "
                        + "maxReplySize (" + configuration.getMaxReplySize()
                        + " bytes, counted after decompression): it " + how
                        + "; the reply was not read and its connection was "
                        + "closed (raise maxReplySize if BILLmanager's replies "
                        + "are that large, or lower pageSize for a list)",
                body);
    }

    private ReplyException transportFailure(BillmgrRequest request, ClassicHttpResponse response, String credential,
                                            String message, byte[] body) {
        Redactor redactor = redactor(request, credential);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.put(h.getName(), redactor.redact(h.getValue()));
        }
        return new ReplyException(new BillmgrTransportException(redactor.redact(message), request.func(), sanitizedUri,
                response.getCode(), response.getReasonPhrase(), redactor.redact(body), headers, null));
    }

    /**
     * The start of an error reply's body, for the exception. Never read to HttpClient's end of the body, which would
     * return the connection to the pool: the caller closes it instead (see {@link ReplySizeLimit}).
     */
    private static byte[] readBounded(HttpEntity entity) throws IOException {
        InputStream in = entity.getContent();
        if (in == null) {
            return null;
        }
        return new ReplySizeLimit(in, Long.MAX_VALUE, entity.getContentLength()).readNBytes(MAX_ERROR_BODY);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Carries a failure out of HttpClient's response handler, which may only throw IOException. */
    private static final class ReplyException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient BillmgrTransportException failure;

        ReplyException(BillmgrTransportException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }

    /** Keeps a copy of the first bytes read, so an unreadable reply can be shown in the exception. */
    private static final class PeekingInputStream extends java.io.FilterInputStream {
        private final ByteArrayOutputStream copy;
        private final int limit;

        PeekingInputStream(InputStream in, int limit) {
            super(in);
            this.limit = limit;
            this.copy = new ByteArrayOutputStream(Math.min(limit, 1024));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && copy.size() < limit) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && copy.size() < limit) {
                copy.write(b, off, Math.min(n, limit - copy.size()));
            }
            return n;
        }

        byte[] peeked() {
            return copy.toByteArray();
        }
    }
}

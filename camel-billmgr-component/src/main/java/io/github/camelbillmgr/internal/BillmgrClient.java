package io.github.camelbillmgr.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.URISupport;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.client5.http.config.RequestConfig;
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
        requestConfig = timeouts.applyTo(httpClient instanceof Configurable c ? c.getConfig() : null);
        mapper = configuration.getObjectMapper();
        if (mapper == null) {
            mapper = camelContext.getRegistry().findSingleByType(ObjectMapper.class);
        }
        if (mapper == null) {
            mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        }
        reader = new DocumentReader(mapper);
    }

    @Override
    protected void doStop() throws Exception {
        // The HttpClient belongs to the camel-http endpoint; Camel closes it with that endpoint.
        httpClient = null;
    }

    public ObjectMapper getObjectMapper() {
        return mapper;
    }

    public SessionAuthenticator getSession() {
        return session;
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
        boolean probe = backoff.check();
        try {
            ObjectNode doc = authenticatedCall(request, rows);
            backoff.accepted();
            return doc;
        } catch (BillmgrApiException e) {
            // only refused credentials pause the others; a user who lacks the rights for one func must not stop
            // every call of the same credentials, and any other answer of BILLmanager means it took them
            if (isLoginRefusal(e)) {
                backoff.refused((BillmgrAuthenticationException) e);
            } else {
                backoff.accepted();
            }
            throw e;
        } finally {
            if (probe) {
                backoff.probeDone();
            }
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
        backoff.checkPause();
        try {
            return login();
        } catch (BillmgrException e) {
            if (isLoginRefusal(e)) {
                backoff.refused((BillmgrAuthenticationException) e);
            }
            throw e;
        }
    }

    private ObjectNode authenticatedCall(BillmgrRequest request, DocumentReader.RowHandler rows)
            throws BillmgrException {
        if (configuration.getAuthMode() != BillmgrAuthMode.session) {
            return checked(request, send(request, "authinfo", configuration.getUsername() + ":" + configuration.getPassword(), rows));
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
                            DocumentReader.RowHandler rows) throws BillmgrException {
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
        try {
            return httpClient.execute(post, context, response -> read(request, response, credential, rows));
        } catch (ReplyException e) {
            throw e.failure;
        } catch (DocumentReader.RowHandlerException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BillmgrException be) {
                throw be;
            }
            // a row of a list being read: nothing was changed in BILLmanager
            throw new BillmgrException("Failed to handle a row of func '" + request.func() + "': " + cause, request.func(),
                    BillmgrOutcome.NOT_DONE, cause);
        } catch (IOException caught) {
            IOException e = NoReplyDescription.normalized(caught);
            Redactor redactor = redactor(request, credential);
            // the connection's details are recorded once the request starts to go out on it
            boolean sent = context.getEndpointDetails() != null;
            throw new BillmgrTransportException(
                    redactor.redact("No reply from BILLmanager at " + sanitizedUri + " for func '" + request.func()
                                    + "': " + NoReplyDescription.describe(e, sent, uri, timeouts) + " (" + e + ")"),
                    request.func(), sanitizedUri, 0, null, null, null, e);
        }
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
        private static final ContentType FORM = ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8);

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
                            DocumentReader.RowHandler rows) throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        if (status < 200 || status > 299) {
            throw transportFailure(request, response, credential,
                    "BILLmanager at " + sanitizedUri + " answered HTTP " + status + " "
                                                                + nullToEmpty(response.getReasonPhrase()) + " for func '"
                                                                + request.func() + "'",
                    entity == null ? null : readBounded(entity.getContent()));
        }
        if (entity == null) {
            throw transportFailure(request, response, credential,
                    "BILLmanager at " + sanitizedUri + " sent an empty reply for func '" + request.func() + "'", null);
        }
        // Buffer the start of the body so that a reply that is not a document can still be shown.
        PeekingInputStream in = new PeekingInputStream(entity.getContent(), MAX_ERROR_BODY);
        try {
            return reader.read(in, configuration.getFormat(), rows);
        } catch (DocumentReader.NotADocumentException e) {
            throw transportFailure(request, response, credential,
                    "BILLmanager at " + sanitizedUri + " sent a reply to func '" + request.func()
                                                                + "' that is not a BILLmanager " + configuration.getFormat()
                                                                + " document (" + e.getMessage() + ")",
                    in.peeked());
        }
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

    private static byte[] readBounded(InputStream in) throws IOException {
        if (in == null) {
            return null;
        }
        try (in) {
            return in.readNBytes(MAX_ERROR_BODY);
        }
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

package io.github.camelbillmgr.internal.http;

import java.net.URI;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.internal.input.TextValues;
import io.github.camelbillmgr.internal.observe.BillmgrMetrics;
import io.github.camelbillmgr.internal.reply.DocumentReader;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.URISupport;

/**
 * Calls BILLmanager functions for one endpoint: what operations and the consumer use. It puts together, when the
 * endpoint starts, the {@link Authentication} of the endpoint's authMode (credentials, session, login pause) over the
 * wire: a {@link RequestSender} through camel-http's pooled HttpClient 5 and a {@link ReplyReader} into the
 * {@link DocumentReader}. Credentials go in the urlencoded POST body only. Nothing here retries a request that reached
 * BILLmanager, except once after a refused session, which BILLmanager rejects before it runs the function.
 */
public class BillmgrClient extends ServiceSupport {

    private final CamelContext camelContext;
    private final BillmgrConfiguration configuration;
    private final SessionAuthenticator session;
    private final LoginBackoff backoff;
    private final HttpEndpoints httpEndpoints;
    private volatile BillmgrMetrics metrics = BillmgrMetrics.NONE;
    private ScheduledExecutorService deadlines;
    private volatile Authentication authentication;

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
        URI uri = URI.create(baseUrl);
        String sanitizedUri = URISupport.sanitizeUri(baseUrl);
        HttpEndpoint endpoint = httpEndpoints.endpointFor(camelContext, configuration);
        RequestTimeouts timeouts = RequestTimeouts.of(configuration);
        if (deadlines == null) {
            throw new IllegalStateException("No scheduler for the callTimeout deadline was set");
        }
        PlainHttpWarning.warnIfPlain(uri, sanitizedUri, configuration.getUsername());
        CallSecrets secrets = new CallSecrets(configuration, session);
        ReplyReader replies = new ReplyReader(new DocumentReader(objectMapper(), configuration.getMaxReplySize()),
                configuration, sanitizedUri, secrets);
        RequestSender sender = new RequestSender(configuration, endpoint.getHttpClient(), uri, sanitizedUri, timeouts,
                new CallDeadlines(deadlines), replies, secrets);
        Authentication started = Authentication.of(configuration, sender, secrets, backoff, session);
        started.setMetrics(metrics);
        authentication = started;
    }

    /** The configuration's ObjectMapper, else the registry's single one, else a lenient default. */
    private ObjectMapper objectMapper() {
        ObjectMapper mapper = configuration.getObjectMapper();
        if (mapper == null) {
            mapper = camelContext.getRegistry().findSingleByType(ObjectMapper.class);
        }
        if (mapper == null) {
            mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        }
        return mapper;
    }

    @Override
    protected void doStop() throws Exception {
        // The HttpClient belongs to the camel-http endpoint; Camel closes it with that endpoint.
        authentication = null;
    }

    /** The scheduler that cancels calls past callTimeout; the component's, shared by its endpoints. */
    public void setDeadlines(ScheduledExecutorService deadlines) {
        this.deadlines = deadlines;
    }

    /** The session shared by the account's endpoints (JMX, the dev console), or null with authMode=authinfo. */
    public SessionAuthenticator getSession() {
        return session;
    }

    public LoginBackoff getBackoff() {
        return backoff;
    }

    /** Where busy answers, logins and login pauses are counted; {@link BillmgrMetrics#NONE} by default. */
    public void setMetrics(BillmgrMetrics metrics) {
        this.metrics = metrics == null ? BillmgrMetrics.NONE : metrics;
        Authentication started = authentication;
        if (started != null) {
            started.setMetrics(this.metrics);
        }
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
        return authentication.call(request, rows);
    }
}

package io.github.camelbillmgr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelbillmgr.internal.http.HttpEndpoints;
import io.github.camelbillmgr.internal.http.LoginBackoff;
import io.github.camelbillmgr.internal.http.SessionAuthenticator;
import io.github.camelbillmgr.internal.input.EndpointCheck;
import io.github.camelbillmgr.internal.observe.BillmgrMetrics;
import io.github.camelbillmgr.internal.observe.MetricsFactory;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.URISupport;

/**
 * The {@code billmgr:} component: BILLmanager's HTTP API behind one endpoint.
 */
@Component("billmgr")
public class BillmgrComponent extends HealthCheckComponent {

    @Metadata(description = "The shared configuration; every option can be overridden on an endpoint URI.")
    private BillmgrConfiguration configuration = new BillmgrConfiguration();

    private final Map<String, SessionAuthenticator> sessions = new ConcurrentHashMap<>();
    private final Map<String, LoginBackoff> backoffs = new ConcurrentHashMap<>();
    private final Map<String, BillmgrMetrics> metrics = new ConcurrentHashMap<>();
    private final HttpEndpoints httpEndpoints = new HttpEndpoints();
    private ScheduledExecutorService callDeadlines;

    public BillmgrComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BillmgrConfiguration conf = configuration.copy();
        String[] path = EndpointCheck.splitPath(remaining);
        conf.setItemType(path[0]);
        conf.setOperation(path[1]);
        // The prefixed multi-value options are taken out by hand, so that addon.N, filter.X and param.X
        // merge over whatever the component-level configuration holds.
        conf.setAddons(merge(conf.getAddons(), PropertiesHelper.extractProperties(parameters, "addon.")));
        conf.setFilters(merge(conf.getFilters(), PropertiesHelper.extractProperties(parameters, "filter.")));
        conf.setParams(merge(conf.getParams(), PropertiesHelper.extractProperties(parameters, "param.")));
        BillmgrEndpoint endpoint = new BillmgrEndpoint(uri, this, conf);
        // before Camel converts them: its conversion changes some wrong numbers instead of refusing them
        EndpointCheck.optionTexts(parameters);
        setProperties(endpoint, parameters);
        EndpointCheck.check(conf, getCamelContext());
        return endpoint;
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> extra) {
        if (extra == null || extra.isEmpty()) {
            return base;
        }
        Map<String, Object> merged
                = base == null ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(base);
        merged.putAll(extra);
        return merged;
    }

    /**
     * The session shared by every endpoint that logs in to the same BILLmanager as the same user, so that one
     * login serves them all.
     */
    SessionAuthenticator sessionFor(BillmgrConfiguration c) {
        String key = c.getBaseUrl() + '\u0000' + c.getUsername() + '\u0000' + c.getPassword();
        return sessions.computeIfAbsent(key, k -> new SessionAuthenticator());
    }

    /** Shared like the session: a refused password pauses every endpoint that uses it. */
    LoginBackoff backoffFor(BillmgrConfiguration c) {
        String key = c.getBaseUrl() + '\u0000' + c.getUsername() + '\u0000' + c.getPassword();
        return backoffs.computeIfAbsent(key,
                k -> new LoginBackoff(loginGuard(), c.getBaseUrl() + "|" + c.getUsername()));
    }

    /** The registry's one {@link BillmgrLoginGuard} (several nodes share the pause through it), started; or null. */
    private BillmgrLoginGuard loginGuard() {
        BillmgrLoginGuard guard = getCamelContext().getRegistry().findSingleByType(BillmgrLoginGuard.class);
        if (guard != null) {
            try {
                getCamelContext().addService(guard, true, true);
            } catch (Exception e) {
                throw org.apache.camel.RuntimeCamelException.wrapRuntimeException(e);
            }
        }
        return guard;
    }

    /**
     * The meters of an account (base URL and user), or {@link BillmgrMetrics#NONE} without a Micrometer registry.
     * Looked up when the account's first endpoint starts.
     */
    BillmgrMetrics metricsFor(BillmgrConfiguration c) {
        return metrics.computeIfAbsent(c.getBaseUrl() + '\u0000' + c.getUsername(),
                k -> MetricsFactory.forAccount(getCamelContext(), URISupport.sanitizeUri(c.getBaseUrl()),
                        c.getUsername()));
    }

    /** The camel-http endpoints of the billmgr endpoints that bring their own TLS settings. */
    HttpEndpoints httpEndpoints() {
        return httpEndpoints;
    }

    /**
     * The one thread that cancels calls past their callTimeout, for every endpoint of this component; made when the
     * first endpoint starts.
     */
    synchronized ScheduledExecutorService callDeadlines() {
        if (callDeadlines == null) {
            callDeadlines = getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "BillmgrCallDeadline");
        }
        return callDeadlines;
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (callDeadlines != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(callDeadlines);
                callDeadlines = null;
            }
        }
        httpEndpoints.stopAll();
        super.doStop();
    }

    public BillmgrConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration; every option can be overridden on an endpoint URI. */
    public void setConfiguration(BillmgrConfiguration configuration) {
        this.configuration = configuration;
    }
}

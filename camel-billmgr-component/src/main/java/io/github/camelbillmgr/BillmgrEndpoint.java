package io.github.camelbillmgr;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.observe.AccountStatus;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;

/**
 * Order, renew, change, list, suspend, resume and delete ISPsystem BILLmanager services, and poll service lists for
 * changes.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "billmgr", title = "BILLmanager", syntax = "billmgr:itemType/operation",
             category = { Category.API }, headersClass = BillmgrConstants.class)
@ManagedResource(description = "Managed BILLmanager endpoint")
public class BillmgrEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /**
     * The consumer's default time between polls, in milliseconds: a minute. Every poll reads the whole list, page by
     * page, from the billing system, so Camel's default of 500 ms would be far too often.
     */
    public static final long DEFAULT_DELAY = 60_000;

    @UriParam
    private BillmgrConfiguration configuration;

    /**
     * Declares the billmgr default of Camel's {@code delay} option for the catalog and the docs (the way camel-mail
     * does). The value itself is ScheduledPollEndpoint's, which stays unset (negative) until a URI sets it; then
     * {@link #createConsumer} applies {@link #DEFAULT_DELAY}, converted to {@code timeUnit}.
     */
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_DELAY,
              description = "Milliseconds (or timeUnit) before the next poll. The billmgr consumer polls once a minute "
                      + "by default (Camel's own default, 500 ms, is far too often for a billing system): "
                      + "every poll reads the whole list.")
    @SuppressWarnings("unused")
    private long delay = DEFAULT_DELAY;

    private BillmgrClient client;
    /** Lives as long as the endpoint, so that stopping and starting a route does not emit everything again. */
    private final BillmgrStateRepository defaultStateRepository = new MemoryBillmgrStateRepository();

    public BillmgrEndpoint(String uri, BillmgrComponent component, BillmgrConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public BillmgrComponent getComponent() {
        return (BillmgrComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new BillmgrProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!"list".equals(configuration.getOperation()) || "func".equals(configuration.getItemType())) {
            throw new IllegalArgumentException("billmgr:" + configuration.getItemType() + "/"
                    + configuration.getOperation() + " cannot be consumed: only "
                    + "billmgr:TYPE/list polls, e.g. from(\"billmgr:vds/list?emit=changes\")");
        }
        BillmgrConsumer consumer = new BillmgrConsumer(this, processor);
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        configureConsumer(consumer);
        if (getDelay() < 0) {
            // no delay in the URI: ours instead of Camel's 500 ms, in the endpoint's time unit as Camel does
            consumer.setDelay(Math.max(1, getTimeUnit().convert(DEFAULT_DELAY, TimeUnit.MILLISECONDS)));
        }
        return consumer;
    }

    @Override
    public long getDefaultDelay() {
        return DEFAULT_DELAY;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = new BillmgrClient(getCamelContext(), configuration,
                configuration.getAuthMode() == BillmgrAuthMode.session ? getComponent().sessionFor(configuration)
                        : null,
                getComponent().backoffFor(configuration), getComponent().httpEndpoints());
        client.setMetrics(getComponent().metricsFor(configuration));
        client.setDeadlines(getComponent().callDeadlines());
        ServiceHelper.startService(client);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(client);
        client = null;
        super.doStop();
    }

    /** The client that talks to BILLmanager; available once the endpoint is started. */
    BillmgrClient getClient() {
        return client;
    }

    BillmgrStateRepository getDefaultStateRepository() {
        return defaultStateRepository;
    }

    /**
     * The key under which the consumer of this endpoint keeps its {@code emit=changes} state in the
     * {@link BillmgrStateRepository}: one state per BILLmanager, user, list and filter set, never per password. The
     * filters are sorted, so their order in the URI does not matter. Give it to {@link BillmgrStateRepository#clear}
     * to drop the state of a filter set no route uses any more.
     */
    public String getStateKey() {
        BillmgrConfiguration c = configuration;
        Map<String, Object> filters = c.getFilters() == null ? null : new TreeMap<>(c.getFilters());
        return URISupport.sanitizeUri(c.getBaseUrl()) + "|" + c.getUsername() + "|" + c.getItemType() + "|"
                + c.getStatus() + "|" + c.getAccount() + "|" + filters + "|" + c.getExpiringWithinDays();
    }

    public BillmgrConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BillmgrConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The session and login backoff of this endpoint's account, as its client sees them (all empty until started). */
    AccountStatus accountStatus() {
        BillmgrClient c = client;
        return c == null ? AccountStatus.of(null, null) : AccountStatus.of(c.getSession(), c.getBackoff());
    }

    @ManagedAttribute(description = "BILLmanager base URL (without user info or query)")
    public String getBaseUrl() {
        return getServiceUrl();
    }

    @ManagedAttribute(description = "BILLmanager user")
    public String getUsername() {
        return configuration.getUsername();
    }

    @ManagedAttribute(description = "How requests authenticate: authinfo or session")
    public String getAuthMode() {
        return String.valueOf(configuration.getAuthMode());
    }

    @ManagedAttribute(description = "Whether a BILLmanager session is held now (authMode=session; never its id)")
    public boolean isSessionActive() {
        return accountStatus().sessionActive();
    }

    @ManagedAttribute(description = "Session logins made for this account (authMode=session)")
    public long getSessionLogins() {
        return accountStatus().logins();
    }

    @ManagedAttribute(description = "Session logins that replaced a session BILLmanager no longer accepted")
    public long getSessionRenewals() {
        return accountStatus().renewals();
    }

    @ManagedAttribute(description = "When the last session login succeeded (ISO-8601), or empty")
    public String getSessionLastLogin() {
        var last = accountStatus().lastLogin();
        return last == null ? "" : last.toString();
    }

    @ManagedAttribute(description = "Whether calls fail at once, unsent, because BILLmanager refused the credentials")
    public boolean isLoginPaused() {
        return accountStatus().backoff().paused();
    }

    @ManagedAttribute(description = "Milliseconds left of the login pause")
    public long getLoginPauseRemainingMillis() {
        return accountStatus().backoff().remainingMillis();
    }

    @ManagedAttribute(description = "Length of the current or last login pause in milliseconds (doubles per refusal, "
            + "up to a minute; 0 once the credentials were accepted)")
    public long getLoginPauseMillis() {
        return accountStatus().backoff().pauseMillis();
    }

    @ManagedAttribute(description = "Login pauses begun after BILLmanager refused the credentials")
    public long getLoginPauses() {
        return accountStatus().backoff().pauses();
    }

    @ManagedAttribute(description = "Calls failed at once, never sent, during login pauses")
    public long getLoginHeldCalls() {
        return accountStatus().backoff().heldCalls();
    }

    @ManagedAttribute(description = "Error type/object of the refusal being waited out, e.g. auth/badpassword, or empty")
    public String getLastLoginRefusal() {
        String r = accountStatus().backoff().lastRefusal();
        return r == null ? "" : r;
    }

    @ManagedOperation(description = "Forget the account's BILLmanager session: the next call logs in again")
    public void forgetSession() {
        BillmgrClient c = client;
        if (c != null && c.getSession() != null) {
            c.getSession().invalidate(c.getSession().peek());
        }
    }

    @ManagedOperation(description = "End the login pause now (after the user was unblocked or the password fixed in "
            + "BILLmanager): the next call tries the credentials again")
    public void endLoginPause() {
        BillmgrClient c = client;
        if (c != null) {
            c.getBackoff().endPause();
        }
    }

    @Override
    public String getServiceUrl() {
        return URISupport.sanitizeUri(configuration.getBaseUrl());
    }

    @Override
    public String getServiceProtocol() {
        String url = configuration.getBaseUrl();
        return url != null && url.regionMatches(true, 0, "https:", 0, 6) ? "https" : "http";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getUsername() == null ? null : Map.of("username", configuration.getUsername());
    }
}

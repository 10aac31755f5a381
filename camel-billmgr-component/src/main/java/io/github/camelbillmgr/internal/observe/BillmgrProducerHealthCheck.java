package io.github.camelbillmgr.internal.observe;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the billmgr producers of one BILLmanager account (base URL and user): can they reach BILLmanager and
 * log in? One check serves every producer of the account, however many endpoints the routes use, and calls the cheap
 * {@code whoami} at most once per {@link #MIN_INTERVAL_MILLIS} through the client of one of them, so a health endpoint
 * polled every second does not load the billing system. Its id names the account, never an object identity, so it
 * is the same after a restart. See {@link io.github.camelbillmgr.internal.observe.ProducerHealthChecks}.
 */
public final class BillmgrProducerHealthCheck extends AbstractHealthCheck {

    static final long MIN_INTERVAL_MILLIS = 30_000;

    private final String serviceUrl;
    /** The clients of the started producers of this account; the first one calls whoami. */
    private final List<BillmgrClient> clients = new CopyOnWriteArrayList<>();
    private volatile long lastCheck;
    private volatile BillmgrException lastFailure;

    /**
     * @param account the account's name, e.g. {@code reseller@example.com@billing.example.com/billmgr}: the check's
     *                id is {@code producer:billmgr-<account>}
     */
    public BillmgrProducerHealthCheck(String account, String serviceUrl) {
        super("camel", "producer:billmgr-" + account);
        this.serviceUrl = serviceUrl;
    }

    /** A producer of this account started. */
    public void addClient(BillmgrClient client) {
        clients.add(client);
    }

    /**
     * A producer of this account stopped.
     *
     * @return true when no producer of the account is left, and the check should go
     */
    public boolean removeClient(BillmgrClient client) {
        clients.remove(client);
        return clients.isEmpty();
    }

    /** How many started producers share this check. */
    public int producers() {
        return clients.size();
    }

    @Override
    public boolean isLiveness() {
        // an unreachable BILLmanager is not a reason to restart this application
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long now = System.currentTimeMillis();
        if (now - lastCheck >= MIN_INTERVAL_MILLIS) {
            BillmgrClient client = clients.isEmpty() ? null : clients.get(0);
            if (client != null) {
                lastCheck = now;
                try {
                    client.call(new BillmgrRequest("whoami"));
                    lastFailure = null;
                } catch (BillmgrException e) {
                    lastFailure = e;
                }
            }
        }
        builder.detail("billmgr.url", serviceUrl);
        BillmgrException failure = lastFailure;
        if (failure == null) {
            builder.up();
            return;
        }
        builder.message(failure.getMessage());
        builder.error(failure);
        if (failure instanceof BillmgrTransportException t) {
            builder.detail(SERVICE_STATUS_CODE, t.getStatusCode());
        }
        builder.down();
    }
}

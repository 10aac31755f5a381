package io.github.camelbillmgr.internal;

import java.util.Map;

import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrTransportException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a billmgr producer: can it reach BILLmanager and log in? Calls the cheap {@code whoami} at most once
 * per {@link #MIN_INTERVAL_MILLIS}, so a health endpoint polled every second does not load the billing system.
 */
public final class BillmgrProducerHealthCheck extends AbstractHealthCheck {

    static final long MIN_INTERVAL_MILLIS = 30_000;

    private final BillmgrClient client;
    private final String serviceUrl;
    private volatile long lastCheck;
    private volatile BillmgrException lastFailure;

    public BillmgrProducerHealthCheck(String id, BillmgrClient client, String serviceUrl) {
        super("camel", "producer:billmgr-" + id);
        this.client = client;
        this.serviceUrl = serviceUrl;
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
            lastCheck = now;
            try {
                client.call(new BillmgrRequest("whoami"));
                lastFailure = null;
            } catch (BillmgrException e) {
                lastFailure = e;
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

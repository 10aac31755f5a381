package io.github.camelbillmgr.internal.observe;

import java.util.HashMap;
import java.util.Map;

import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.observe.BillmgrProducerHealthCheck;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * Shares one {@link BillmgrProducerHealthCheck} among the producers of an account in a CamelContext, whatever
 * component and route they belong to: ten endpoints of one account make one whoami per interval, not ten. One
 * instance per context (a context plugin), which knows the checks itself: the {@code producers} repository lists
 * none while it is disabled, so it cannot tell whether an account has its check already.
 */
public final class ProducerHealthChecks {

    private final Map<String, BillmgrProducerHealthCheck> checks = new HashMap<>();

    private ProducerHealthChecks() {
    }

    /** The context's instance, created on first use. */
    public static ProducerHealthChecks of(CamelContext context) {
        ExtendedCamelContext ext = context.getCamelContextExtension();
        synchronized (ext) {
            ProducerHealthChecks shared = ext.getContextPlugin(ProducerHealthChecks.class);
            if (shared == null) {
                shared = new ProducerHealthChecks();
                ext.addContextPlugin(ProducerHealthChecks.class, shared);
            }
            return shared;
        }
    }

    /** The account part of ids: {@code user@host[:port]/path}, the base URL without its scheme. */
    public static String account(String serviceUrl, String user) {
        String url = serviceUrl == null ? "" : serviceUrl;
        int scheme = url.indexOf("://");
        return user + "@" + (scheme < 0 ? url : url.substring(scheme + 3));
    }

    /** A producer of the account started: joins the account's check, adding it to the repository if it is the first. */
    public synchronized BillmgrProducerHealthCheck join(WritableHealthCheckRepository repository, String serviceUrl,
                                                        String user, BillmgrClient client, boolean enabled) {
        String account = account(serviceUrl, user);
        BillmgrProducerHealthCheck check = checks.get(account);
        if (check == null) {
            check = new BillmgrProducerHealthCheck(account, serviceUrl);
            check.setEnabled(enabled);
            checks.put(account, check);
            repository.addHealthCheck(check);
        } else if (enabled) {
            check.setEnabled(true); // one component with producer checks on is enough to check the account
        }
        check.addClient(client);
        return check;
    }

    /** A producer of the account stopped: leaves the check, and removes it from the repository if it was the last. */
    public synchronized void leave(WritableHealthCheckRepository repository, BillmgrProducerHealthCheck check,
                                   BillmgrClient client) {
        if (check.removeClient(client)) {
            checks.values().remove(check);
            repository.removeHealthCheck(check);
        }
    }
}

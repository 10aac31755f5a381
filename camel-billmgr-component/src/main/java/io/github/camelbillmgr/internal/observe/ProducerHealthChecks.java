package io.github.camelbillmgr.internal.observe;

import io.github.camelbillmgr.internal.BillmgrClient;
import io.github.camelbillmgr.internal.BillmgrProducerHealthCheck;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * Shares one {@link BillmgrProducerHealthCheck} among the producers of an account. The check lives in Camel's
 * {@code producers} repository under its account id, so producers of different components (and routes) of the same
 * account find and join it there: ten endpoints of one account make one whoami per interval, not ten.
 */
public final class ProducerHealthChecks {

    private ProducerHealthChecks() {
    }

    /** The account part of ids: {@code user@host[:port]/path}, the base URL without its scheme. */
    public static String account(String serviceUrl, String user) {
        String url = serviceUrl == null ? "" : serviceUrl;
        int scheme = url.indexOf("://");
        return user + "@" + (scheme < 0 ? url : url.substring(scheme + 3));
    }

    /** A producer of the account started: joins the account's check, adding it to the repository if it is the first. */
    public static BillmgrProducerHealthCheck join(WritableHealthCheckRepository repository, String serviceUrl,
                                                  String user, BillmgrClient client, boolean enabled) {
        BillmgrProducerHealthCheck probe = new BillmgrProducerHealthCheck(account(serviceUrl, user), serviceUrl);
        synchronized (repository) {
            HealthCheck existing = repository.stream().filter(c -> c.getId().equals(probe.getId())).findFirst()
                    .orElse(null);
            BillmgrProducerHealthCheck check = existing instanceof BillmgrProducerHealthCheck b ? b : probe;
            check.addClient(client);
            if (check == probe) {
                probe.setEnabled(enabled);
                repository.addHealthCheck(probe);
            } else if (enabled) {
                check.setEnabled(true); // one component with producer checks on is enough to check the account
            }
            return check;
        }
    }

    /** A producer of the account stopped: leaves the check, and removes it from the repository if it was the last. */
    public static void leave(WritableHealthCheckRepository repository, BillmgrProducerHealthCheck check,
                             BillmgrClient client) {
        synchronized (repository) {
            if (check.removeClient(client)) {
                repository.removeHealthCheck(check);
            }
        }
    }
}

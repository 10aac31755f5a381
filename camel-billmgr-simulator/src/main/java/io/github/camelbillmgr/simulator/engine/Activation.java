package io.github.camelbillmgr.simulator.engine;

import java.time.LocalDate;

import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.model.SimService;

/**
 * A paid order becomes a running service: status 2 at once, or the pending status (5 by
 * default) until {@code orderProcessingSeconds} of clock time have passed.
 */
public final class Activation {

    private Activation() {
    }

    /** Sets status, open and expire dates on {@code b}; call {@link #schedule} once stored. */
    public static void activate(Store store, SimService.Builder b, int period, Tariff tariff, String actor) {
        LocalDate today = store.clock().today();
        int seconds = store.settings().getOrderProcessingSeconds();
        b.status(seconds > 0 ? store.settings().getOrderPendingStatus() : SimService.STATUS_ACTIVE)
                .openDate(today)
                .expireDate(ServiceFactory.expiry(today, period, tariff))
                .event(store.event("paid", actor, "Paid and activated"));
    }

    public static void schedule(Store store, SimService service) {
        int seconds = store.settings().getOrderProcessingSeconds();
        if (seconds > 0) {
            store.schedule(service.id(), SimService.STATUS_ACTIVE, seconds, "activate");
        }
    }
}

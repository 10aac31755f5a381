package io.github.camelbillmgr.simulator.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.model.SimService;

/**
 * Optional (setting {@code processExpiry}): what BILLmanager's nightly run does to services whose
 * expire date has passed: renew them for their auto-renewal period if the owner can pay, or
 * suspend them.
 */
final class ExpiryProcessor {

    private final Store store;

    ExpiryProcessor(Store store) {
        this.store = store;
    }

    void run() {
        LocalDate today = store.clock().today();
        List<SimService> expired = new ArrayList<>();
        for (SimService service : store.services()) {
            if (service.status() == SimService.STATUS_ACTIVE && service.expireDate() != null
                    && service.expireDate().isBefore(today)) {
                expired.add(service);
            }
        }
        expired.forEach(service -> handle(service, today));
    }

    private void handle(SimService service, LocalDate today) {
        Tariff tariff = store.catalogue().tariff(service.pricelistId()).orElse(null);
        SimService.Builder b = service.toBuilder();
        LocalDate expire = service.expireDate();
        Integer months = service.autoprolong();
        boolean renewable = months != null && tariff != null && !service.trial()
                && tariff.basePrice(months).isPresent();
        while (renewable && expire.isBefore(today)) {
            BigDecimal cost = tariff.cost(months, service.addons());
            if (store.account(service.owner()).available().compareTo(cost) < 0) {
                break;
            }
            store.charge(service.owner(), cost);
            expire = expire.plusMonths(months);
            b.event(store.event("prolong", "system", "Auto renewal for " + months + " month(s) until " + expire));
        }
        b.expireDate(expire);
        if (expire.isBefore(today)) {
            b.status(SimService.STATUS_SUSPENDED)
                    .event(store.event("suspend", "system", "Suspended: the service expired"));
        }
        store.put(b.build());
    }
}

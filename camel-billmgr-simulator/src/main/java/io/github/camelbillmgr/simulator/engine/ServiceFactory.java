package io.github.camelbillmgr.simulator.engine;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.seed.SimSeed;

/**
 * Completes and stores new services, whether ordered over HTTP, added by a test hook or listed
 * in a seed: assigns the id and fills what the caller left out from the catalogue.
 */
public final class ServiceFactory {

    private static final Set<String> LICENSE_TYPES = Set.of("soft", "platform", "addition");
    private static final Set<String> SERVER_TYPES = Set.of("vds", "dedic");

    private final Store store;

    public ServiceFactory(Store store) {
        this.store = store;
    }

    public static boolean isLicense(String itemType) {
        return LICENSE_TYPES.contains(itemType);
    }

    /** When a period bought today (or renewed from {@code from}) ends; trials last their days. */
    public static LocalDate expiry(LocalDate from, int period, Tariff tariff) {
        if (period == Tariff.TRIAL_PERIOD) {
            return from.plusDays(tariff == null ? 14 : tariff.trialDays());
        }
        return from.plusMonths(period);
    }

    public static String newLicenseKey() {
        return SessionStore.randomToken(16).toUpperCase(Locale.ROOT);
    }

    /** Assigns an id, fills defaults, records the "open" event and stores the service. */
    public SimService add(SimService.Builder builder, String actor) {
        synchronized (store) {
            long id = store.allocateServiceId();
            SimService draft = builder.id(id).build();
            Optional<Tariff> tariff = tariffOf(draft);
            SimService.Builder b = draft.toBuilder();
            LocalDate today = store.clock().today();
            tariff.ifPresent(t -> {
                if (draft.pricelistId() == 0) {
                    b.pricelistId(t.id());
                }
                if (draft.pricelistName() == null) {
                    b.pricelistName(t.name());
                }
                if (draft.datacenter() == null && !t.datacenters().isEmpty()) {
                    b.datacenter(t.datacenters().get(0));
                }
                if (draft.cost().signum() == 0 && draft.period() != Tariff.TRIAL_PERIOD
                        && t.basePrice(draft.period()).isPresent()) {
                    b.cost(t.cost(draft.period(), draft.addons()));
                }
                b.currency(t.currency());
                for (var addon : t.addons()) {
                    if (!draft.addons().containsKey(addon.id())) {
                        b.addon(addon.id(), String.valueOf(addon.defaultValue()));
                    }
                }
            });
            if (draft.period() == Tariff.TRIAL_PERIOD) {
                b.trial(true);
            }
            if (draft.openDate() == null) {
                b.openDate(today);
            }
            if (draft.expireDate() == null && draft.status() != SimService.STATUS_ORDERED) {
                b.expireDate(expiry(today, draft.period(), tariff.orElse(null)));
            }
            // Every row carries a domain and an IP: clients written for the real server read domain.$ and ip.$ of
            // each row. Servers get their own address, shared hosting the data centre's shared one, licenses the
            // address they are bound to (what an order's ip= would have set).
            if (draft.domain() == null) {
                b.domain(draft.itemType() + id + ".example.net");
            }
            int datacenter = draft.datacenter() == null ? 0 : draft.datacenter();
            if (draft.ip() == null) {
                b.ip(SERVER_TYPES.contains(draft.itemType()) || isLicense(draft.itemType())
                        ? "10." + datacenter + "." + ((id >> 8) & 0xff) + "." + (id & 0xff)
                        : "10." + datacenter + ".0.1");
            }
            if (draft.lickey() == null && isLicense(draft.itemType())) {
                b.lickey(newLicenseKey());
            }
            if (draft.history().isEmpty()) {
                b.event(store.event("open", actor, "Service opened, status " + SimService.statusName(draft.status())));
            }
            SimService service = b.build();
            store.put(service);
            return service;
        }
    }

    public SimService addSeeded(SimSeed.Service seeded) {
        SimService.Builder b = SimService.builder(seeded.itemType(), seeded.owner()).pricelistId(seeded.pricelist())
                .datacenter(seeded.datacenter()).autoprolong(seeded.autoprolong()).remoteId(seeded.remoteId())
                .domain(seeded.domain()).ip(seeded.ip()).ostempl(seeded.ostempl()).comment(seeded.comment())
                .licname(seeded.licname()).addons(seeded.addons());
        Optional<Tariff> tariff = store.catalogue().tariff(seeded.pricelist());
        b.period(seeded.period() != null ? seeded.period() : tariff.map(Tariff::defaultPeriod).orElse(1));
        if (seeded.status() != null) {
            b.status(seeded.status());
        }
        if (seeded.expireDate() != null) {
            b.expireDate(LocalDate.parse(seeded.expireDate()));
        }
        return add(b, "system");
    }

    private Optional<Tariff> tariffOf(SimService draft) {
        if (draft.pricelistId() != 0) {
            return store.catalogue().tariff(draft.pricelistId());
        }
        return store.catalogue().tariffsOf(draft.itemType()).stream().findFirst();
    }
}

package io.github.camelbillmgr.simulator.seed;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.simulator.catalog.Catalogue;
import io.github.camelbillmgr.simulator.catalog.Datacenter;
import io.github.camelbillmgr.simulator.catalog.OsTemplate;
import io.github.camelbillmgr.simulator.catalog.Recipe;
import io.github.camelbillmgr.simulator.catalog.Tariff;

/**
 * What {@code BillmgrSimulator.reset()} returns to: accounts, the catalogue and any pre-existing
 * services. {@link #defaults()} is built in code; {@link #fromJson(Path)} overrides it section by
 * section (a section present in the file replaces the default one, an absent one keeps it).
 */
public record SimSeed(List<Account> accounts, List<Datacenter> datacenters, List<OsTemplate> osTemplates,
                      List<Recipe> recipes, List<Tariff> tariffs, List<Service> services) {

    public SimSeed {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        datacenters = datacenters == null ? List.of() : List.copyOf(datacenters);
        osTemplates = osTemplates == null ? List.of() : List.copyOf(osTemplates);
        recipes = recipes == null ? List.of() : List.copyOf(recipes);
        tariffs = tariffs == null ? List.of() : List.copyOf(tariffs);
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** The built-in seed: see {@code DefaultSeed} for ids and prices. */
    public static SimSeed defaults() {
        return DefaultSeed.build();
    }

    public static SimSeed fromJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(in);
        }
    }

    public static SimSeed fromJson(InputStream json) throws IOException {
        return SeedJson.read(json, defaults());
    }

    public Catalogue catalogue() {
        return new Catalogue(tariffs, datacenters, osTemplates, recipes);
    }

    /** A user with its account. {@code currency} defaults to EUR, amounts to 0. */
    public record Account(String user, String password, String accountName, boolean admin, BigDecimal balance,
                          String currency, BigDecimal creditLimit) {

        public Account {
            accountName = accountName == null ? user : accountName;
            balance = balance == null ? BigDecimal.ZERO : balance;
            currency = currency == null ? "EUR" : currency;
            creditLimit = creditLimit == null ? BigDecimal.ZERO : creditLimit;
        }

        @Override
        public String toString() {
            return "Account[user=" + user + ", admin=" + admin + "]";
        }
    }

    /**
     * A service that exists from the start. Absent values take defaults: period = the tariff's
     * first, status 2, expireDate = today + period, datacenter = the tariff's first.
     *
     * @param expireDate ISO date {@code YYYY-MM-DD}
     */
    public record Service(String itemType, String owner, long pricelist, Integer datacenter, Integer period,
                          Integer status, String expireDate, Integer autoprolong, String remoteId, String domain,
                          String ip, String ostempl, String comment, String licname, Map<Integer, String> addons) {

        public Service {
            addons = addons == null ? Map.of() : Map.copyOf(addons);
        }
    }
}

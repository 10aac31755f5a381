package io.github.camelbillmgr.simulator.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.catalog.Addon;
import io.github.camelbillmgr.simulator.catalog.Datacenter;
import io.github.camelbillmgr.simulator.catalog.OsTemplate;
import io.github.camelbillmgr.simulator.catalog.Price;
import io.github.camelbillmgr.simulator.catalog.Recipe;
import io.github.camelbillmgr.simulator.catalog.Tariff;

/**
 * The built-in seed. All prices are EUR for the whole period; longer periods carry a discount
 * (3 months: none, 6 months: 5%, 12 months: 10%). Add-ons cost their unit price per month for
 * each unit above the included amount.
 *
 * <pre>
 * vds      6 VDS-1   1:5.00  3:15.00  6:28.50  12:54.00   dc 1,2  addons 11 RAM MB, 12 Disk GB, 13 CPU
 *          7 VDS-2   1:10.00 3:30.00  6:57.00  12:108.00  dc 1,2  same add-ons
 * dedic   20 Dedic-S 1:50.00 3:150.00 12:540.00           dc 1    addons 26 Extra IPv4, 27 RAM GB
 *         21 Dedic-L 1:90.00 3:270.00 12:972.00           dc 1,2  same add-ons
 * vhost   30 Host-Start 1:2.00 3:6.00 12:21.60            dc 1,2  addons 33 Disk quota GB, 34 Sites
 *         31 Host-Pro   1:4.00 3:12.00 12:43.20           dc 1,2  same add-ons
 * platform 55163 VMmanager 6   1:12.00 12:129.60 trial -100 (14 days)  addons 55165 nodes, 55164 VMs
 *          55161 DCImanager 6  1:20.00 12:216.00 trial -100 (14 days)
 * soft     40 ISPmanager 6 Lite 1:6.00 12:64.80 trial;  41 ISPmanager 6 Pro 1:10.00 12:108.00 trial
 * </pre>
 */
final class DefaultSeed {

    static final String UBUNTU = "ISPsystem__Ubuntu-22.04-amd64";
    static final String DEBIAN = "ISPsystem__Debian-12-amd64";
    static final String CENTOS = "ISPsystem__CentOS-7-amd64";

    private DefaultSeed() {
    }

    static SimSeed build() {
        return new SimSeed(accounts(), datacenters(), osTemplates(), recipes(), tariffs(), List.of());
    }

    private static List<SimSeed.Account> accounts() {
        return List.of(
                new SimSeed.Account(BillmgrSimulator.ADMIN_USER, BillmgrSimulator.ADMIN_PASSWORD,
                        "Administrator (admin)", true, eur("10000.00"), "EUR", eur("0.00")),
                new SimSeed.Account(BillmgrSimulator.CLIENT_USER, BillmgrSimulator.CLIENT_PASSWORD,
                        BillmgrSimulator.CLIENT_ACCOUNT, false, eur("1000.00"), "EUR", eur("0.00")));
    }

    private static List<Datacenter> datacenters() {
        return List.of(new Datacenter(1, "Moscow"), new Datacenter(2, "Amsterdam"));
    }

    private static List<OsTemplate> osTemplates() {
        return List.of(new OsTemplate(UBUNTU, "Ubuntu 22.04"), new OsTemplate(DEBIAN, "Debian 12"),
                new OsTemplate(CENTOS, "CentOS 7"));
    }

    private static List<Recipe> recipes() {
        return List.of(new Recipe("lamp", "LAMP", UBUNTU), new Recipe("docker", "Docker", DEBIAN));
    }

    private static List<Tariff> tariffs() {
        List<String> allTemplates = List.of(UBUNTU, DEBIAN, CENTOS);
        List<String> allRecipes = List.of("lamp", "docker");
        List<Addon> vdsAddons = List.of(
                new Addon(11, "RAM, MB", "MB", 1024, 512, 16384, 1024, eur("0.005")),
                new Addon(12, "Disk, GB", "GB", 20, 10, 500, 20, eur("0.05")),
                new Addon(13, "CPU", "cores", 1, 1, 16, 1, eur("2.00")));
        List<Addon> dedicAddons = List.of(
                new Addon(26, "Extra IPv4", "pcs", 1, 1, 16, 1, eur("2.00")),
                new Addon(27, "RAM, GB", "GB", 16, 16, 256, 16, eur("1.00")));
        List<Addon> vhostAddons = List.of(
                new Addon(33, "Disk quota, GB", "GB", 10, 10, 100, 10, eur("0.10")),
                new Addon(34, "Sites", "pcs", 1, 1, 50, 1, eur("0.50")));
        List<Addon> vmAddons = List.of(
                new Addon(55165, "Nodes", "pcs", 1, 1, 100, 1, eur("10.00")),
                new Addon(55164, "VMs", "pcs", 10, 0, 10000, 10, eur("0.10")));
        return List.of(
                new Tariff(6, "vds", "VDS-1", "EUR", monthly("5.00", 1, 3, 6, 12), List.of(1, 2),
                        allTemplates, allRecipes, vdsAddons, 0, false, true),
                new Tariff(7, "vds", "VDS-2", "EUR", monthly("10.00", 1, 3, 6, 12), List.of(1, 2),
                        allTemplates, allRecipes, vdsAddons, 0, false, true),
                new Tariff(20, "dedic", "Dedic-S", "EUR", monthly("50.00", 1, 3, 12), List.of(1),
                        allTemplates, allRecipes, dedicAddons, 0, false, true),
                new Tariff(21, "dedic", "Dedic-L", "EUR", monthly("90.00", 1, 3, 12), List.of(1, 2),
                        allTemplates, allRecipes, dedicAddons, 0, false, true),
                new Tariff(30, "vhost", "Host-Start", "EUR", monthly("2.00", 1, 3, 12), List.of(1, 2),
                        List.of(), List.of(), vhostAddons, 0, false, true),
                new Tariff(31, "vhost", "Host-Pro", "EUR", monthly("4.00", 1, 3, 12), List.of(1, 2),
                        List.of(), List.of(), vhostAddons, 0, false, true),
                new Tariff(55163, "platform", "VMmanager 6", "EUR", monthly("12.00", 1, 12), List.of(),
                        List.of(), List.of(), vmAddons, 14, true, true),
                new Tariff(55161, "platform", "DCImanager 6", "EUR", monthly("20.00", 1, 12), List.of(),
                        List.of(), List.of(), List.of(), 14, true, true),
                new Tariff(40, "soft", "ISPmanager 6 Lite", "EUR", monthly("6.00", 1, 12), List.of(),
                        List.of(), List.of(), List.of(), 14, true, true),
                new Tariff(41, "soft", "ISPmanager 6 Pro", "EUR", monthly("10.00", 1, 12), List.of(),
                        List.of(), List.of(), List.of(), 14, true, true));
    }

    /** Period prices from a monthly price, discounted 5% for 6 months and 10% for 12 or more. */
    private static List<Price> monthly(String perMonth, int... periods) {
        BigDecimal monthly = eur(perMonth);
        return Arrays.stream(periods).mapToObj(months -> {
            BigDecimal factor = months >= 12 ? eur("0.90") : months >= 6 ? eur("0.95") : BigDecimal.ONE;
            BigDecimal cost = monthly.multiply(BigDecimal.valueOf(months)).multiply(factor)
                    .setScale(2, RoundingMode.HALF_UP);
            return new Price(months, cost);
        }).toList();
    }

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }
}

package io.github.camelbillmgr.simulator.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tariff plan (a {@code pricelist} id) of one item type.
 *
 * @param trialDays      length of the {@code -100} trial period; 0 means the tariff has no trial
 * @param requiresFinish license orders only execute with {@code clicked_button=finish}
 * @param available      listed by {@code pricelist.export&onlyavailable=yes} and orderable
 */
public record Tariff(long id, String itemType, String name, String currency, List<Price> prices,
                     List<Integer> datacenters, List<String> osTemplates, List<String> recipes,
                     List<Addon> addons, int trialDays, boolean requiresFinish, Boolean available) {

    public static final int TRIAL_PERIOD = -100;

    public Tariff {
        currency = currency == null ? "EUR" : currency;
        prices = prices == null ? List.of() : List.copyOf(prices);
        datacenters = datacenters == null ? List.of() : List.copyOf(datacenters);
        osTemplates = osTemplates == null ? List.of() : List.copyOf(osTemplates);
        recipes = recipes == null ? List.of() : List.copyOf(recipes);
        addons = addons == null ? List.of() : List.copyOf(addons);
        available = available == null ? Boolean.TRUE : available;
    }

    public boolean isAvailable() {
        return available;
    }

    public boolean hasTrial() {
        return trialDays > 0;
    }

    /** Orderable periods in months, the trial last. */
    public List<Integer> periods() {
        List<Integer> periods = new ArrayList<>();
        prices.forEach(price -> periods.add(price.period()));
        if (hasTrial()) {
            periods.add(TRIAL_PERIOD);
        }
        return periods;
    }

    /** Periods a paid service can be renewed or auto-renewed for. */
    public List<Integer> paidPeriods() {
        return prices.stream().map(Price::period).toList();
    }

    public boolean allowsPeriod(int period) {
        return periods().contains(period);
    }

    public int defaultPeriod() {
        return prices.isEmpty() ? TRIAL_PERIOD : prices.get(0).period();
    }

    public Optional<Addon> addon(int addonId) {
        return addons.stream().filter(addon -> addon.id() == addonId).findFirst();
    }

    public Optional<BigDecimal> basePrice(int period) {
        return prices.stream().filter(price -> price.period() == period).map(Price::cost).findFirst();
    }

    /** Monthly cost of the chosen add-on values above what the tariff includes. */
    public BigDecimal addonMonthlyCost(Map<Integer, String> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Addon addon : addons) {
            String value = values.get(addon.id());
            long amount = value == null ? addon.defaultValue() : Long.parseLong(value);
            sum = sum.add(addon.monthlyCost(amount));
        }
        return sum;
    }

    /** Cost of one period: the period's price plus the add-ons for each of its months; trials are free. */
    public BigDecimal cost(int period, Map<Integer, String> addonValues) {
        if (period == TRIAL_PERIOD) {
            return BigDecimal.ZERO;
        }
        BigDecimal base = basePrice(period).orElseThrow(
                () -> new IllegalArgumentException("tariff " + id + " has no period " + period));
        // billing charges whole cents, however fine the per-unit add-on price is
        return base.add(addonMonthlyCost(addonValues).multiply(BigDecimal.valueOf(period)))
                .setScale(2, java.math.RoundingMode.HALF_UP);
    }
}

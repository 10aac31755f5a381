package io.github.camelbillmgr.simulator.engine;

import java.util.Map;

import io.github.camelbillmgr.simulator.catalog.Tariff;

/** Human labels for fields and periods, as the web interface would show them. */
public final class Labels {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("pricelist", "Tariff"), Map.entry("period", "Period"), Map.entry("order_period", "Period"),
            Map.entry("datacenter", "Data center"), Map.entry("ostempl", "Operating system"),
            Map.entry("recipe", "Recipe"), Map.entry("autoprolong", "Auto renewal"),
            Map.entry("licence_agreement", "I agree to the terms of the offer"), Map.entry("elid", "Service"),
            Map.entry("remoteid", "Remote id"), Map.entry("key", "Key"), Map.entry("username", "User"),
            Map.entry("domain", "Domain name"), Map.entry("ip", "IP address"), Map.entry("faction", "Action"),
            Map.entry("su", "User"), Map.entry("func", "Function"));

    private Labels() {
    }

    public static String field(String name) {
        String label = FIELDS.get(name);
        if (label != null) {
            return label;
        }
        return name.startsWith("addon_") ? "Add-on " + name.substring("addon_".length()) : name;
    }

    public static String period(int months, int trialDays) {
        if (months == Tariff.TRIAL_PERIOD) {
            return "Trial (" + trialDays + " days)";
        }
        if (months % 12 == 0) {
            int years = months / 12;
            return years == 1 ? "1 year" : years + " years";
        }
        return months == 1 ? "1 month" : months + " months";
    }
}

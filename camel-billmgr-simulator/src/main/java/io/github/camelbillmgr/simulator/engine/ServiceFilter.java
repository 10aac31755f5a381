package io.github.camelbillmgr.simulator.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * List filters. Exact match for codes, ids, dates and {@code account} (the whole Name, as
 * SvcAPI requires); {@code pricelist} and {@code datacenter} match the id exactly or the name
 * as a substring; every other column matches as a case-insensitive substring.
 */
public final class ServiceFilter {

    /** Columns a filter may name. */
    public static final Set<String> COLUMNS = Set.of("id", "domain", "ip", "pricelist", "pricelist_id", "datacenter",
            "datacenter_id", "period", "opendate", "expiredate", "autoprolong", "status", "item_status", "cost",
            "remoteid", "comment", "licname", "account", "account_id");

    private static final Set<String> EXACT = Set.of("id", "pricelist_id", "datacenter_id", "period", "opendate",
            "expiredate", "autoprolong", "status", "account", "account_id");

    private final Map<String, String> criteria;

    public ServiceFilter(Map<String, String> criteria) {
        this.criteria = criteria;
    }

    /** The filter fields among request parameters (non-empty values of known columns). */
    public static Map<String, String> fromParams(RequestParams params) {
        Map<String, String> criteria = new LinkedHashMap<>();
        for (String name : params.names()) {
            String value = params.opt(name);
            if (COLUMNS.contains(name) && value != null) {
                criteria.put(name, value);
            }
        }
        return criteria;
    }

    public Map<String, String> criteria() {
        return criteria;
    }

    /** Deleted services stay hidden unless the filter asks for status 4. */
    public boolean asksForDeleted() {
        return "4".equals(criteria.get("status"));
    }

    public boolean matches(Map<String, String> row) {
        for (Map.Entry<String, String> criterion : criteria.entrySet()) {
            if (!matches(row, criterion.getKey(), criterion.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Map<String, String> row, String column, String wanted) {
        String actual = row.get(column);
        if (EXACT.contains(column)) {
            return wanted.equals(actual);
        }
        if (column.equals("pricelist") || column.equals("datacenter")) {
            if (wanted.equals(row.get(column + "_id"))) {
                return true;
            }
        }
        return actual != null && actual.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
    }
}

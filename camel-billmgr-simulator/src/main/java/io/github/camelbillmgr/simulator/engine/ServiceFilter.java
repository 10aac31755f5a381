package io.github.camelbillmgr.simulator.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.camelbillmgr.simulator.model.SimService;

/**
 * List filters. Exact match for codes, ids, dates and {@code account} (the whole Name, as
 * SvcAPI requires); {@code pricelist} and {@code datacenter} match the id exactly or the name
 * as a substring; every other column matches as a case-insensitive substring.
 */
public final class ServiceFilter {

    /** Columns a filter may name. */
    public static final Set<String> COLUMNS = Set.of("id", "name", "domain", "ip", "pricelist", "pricelist_id",
            "datacenter", "datacentername", "datacenter_id", "period", "createdate", "opendate", "expiredate",
            "autoprolong", "status", "item_status", "cost", "remoteid", "comment", "licname", "account",
            "account_id");

    /** The columns that say whose a service is: a client's own rows do not show them, yet it may filter by them. */
    public static final Set<String> ACCOUNT_COLUMNS = Set.of("account", "account_id");

    private static final Set<String> EXACT = Set.of("id", "pricelist_id", "datacenter_id", "period", "createdate",
            "opendate", "expiredate", "autoprolong", "status", "account", "account_id");

    /**
     * Columns whose row value is a field of the service as it is, so that {@link #mayMatch} can test them without
     * rendering the row.
     */
    private static final Map<String, Function<SimService, String>> FIELDS = Map.of(
            "id", s -> String.valueOf(s.id()), "remoteid", SimService::remoteId, "domain", SimService::domain,
            "ip", SimService::ip, "comment", SimService::comment, "licname", SimService::licname,
            "status", s -> String.valueOf(s.status()));

    private final Map<String, String> criteria;
    /** The criteria on {@link #FIELDS}, compiled once per list call rather than looked up per service. */
    private final List<Predicate<SimService>> fieldTests = new ArrayList<>();

    public ServiceFilter(Map<String, String> criteria) {
        this.criteria = criteria;
        criteria.forEach((column, wanted) -> {
            if (FIELDS.containsKey(column)) {
                fieldTests.add(fieldTest(column, wanted));
            }
        });
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

    /**
     * False when the service's own fields already rule it out; true when its row may match. Saves rendering the row
     * of every service for a lookup by remote id, which is what the billmgr component sends before it orders again.
     */
    public boolean mayMatch(SimService service) {
        for (Predicate<SimService> test : fieldTests) {
            if (!test.test(service)) {
                return false;
            }
        }
        return true;
    }

    /** The test of {@link #matches(Map, String, String)} on the service's field, for a column in {@link #FIELDS}. */
    private static Predicate<SimService> fieldTest(String column, String wanted) {
        Function<SimService, String> field = FIELDS.get(column);
        if (EXACT.contains(column)) {
            return service -> wanted.equals(field.apply(service));
        }
        boolean asciiWanted = isAscii(wanted);
        return service -> {
            String actual = field.apply(service);
            return actual != null && containsIgnoreCase(actual, wanted, asciiWanted);
        };
    }

    /** As {@code actual.toLowerCase().contains(wanted.toLowerCase())}, without two new strings per service. */
    private static boolean containsIgnoreCase(String actual, String wanted, boolean asciiWanted) {
        if (!asciiWanted || !isAscii(actual)) {
            // lower case can change the length of other text: the same test as the row's
            return actual.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
        }
        for (int from = 0; from <= actual.length() - wanted.length(); from++) {
            if (actual.regionMatches(true, from, wanted, 0, wanted.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
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

package io.github.camelbillmgr.internal.reply;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What the rows of one list page have in common, shared instead of repeated in every service read from it: the column
 * names (one array while the rows have the same columns), and the short values that repeat from row to row (a
 * status, a tariff, a date, a price). A list read as a {@code List} keeps every service, so this is what lets a few
 * hundred thousand of them fit in a small heap. One per page, used by one thread.
 */
public final class PageValues {

    /** Longer values are rarely repeated (domains, comments): not worth a look-up. */
    private static final int MAX_SHARED_LENGTH = 32;
    /** A bound on what a page with ever-new values could make this hold. */
    private static final int MAX_SHARED_VALUES = 4096;

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Object[]> prices = new HashMap<>();
    private String[] keys;

    /** The column names of the row: the array of an earlier row with the same names, or a new one. */
    String[] keys(RowColumns row) {
        if (keys == null || !row.hasKeys(keys)) {
            keys = row.keys();
        }
        return keys;
    }

    /** The value, or an equal one an earlier row of the page had. */
    String value(String v) {
        if (v.length() > MAX_SHARED_LENGTH) {
            return v;
        }
        String shared = values.get(v);
        if (shared != null) {
            return shared;
        }
        if (values.size() < MAX_SHARED_VALUES) {
            values.put(v, v);
        }
        return v;
    }

    /** The parsed cost and currency of a cost column seen before on the page, or null. */
    Object[] price(String costText) {
        return prices.get(costText);
    }

    void price(String costText, BigDecimal cost, String currency) {
        if (prices.size() < MAX_SHARED_VALUES) {
            prices.put(costText, new Object[] { cost, currency });
        }
    }
}

package io.github.camelbillmgr.internal.reply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.camelbillmgr.model.BillmgrServiceStatus;

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

    /** Columns past this many are always looked up. */
    private static final int MAX_TRACKED_COLUMNS = 64;
    /** New values a column may bring before it counts as one of ever-new values (unless as many repeated). */
    private static final int GIVE_UP_AFTER = 64;

    private final Map<String, String> values = new HashMap<>();
    /** Per column position: values not seen before on the page, and values that were. */
    private int[] fresh;
    private int[] repeated;
    /** Per column position: the last value looked up, and what it was shared as. */
    private String[] lastIn;
    private String[] lastOut;
    private final Map<String, Object[]> prices = new HashMap<>();
    private String[] keys;
    private String[] positionsOf;
    private int[] positions;

    /** The typed columns of the last row, for a next row whose text is the same String (a shared value). */
    final Parsed<BillmgrServiceStatus> status = new Parsed<>(BillmgrServiceStatus::fromCode);
    final Parsed<LocalDate> expireDate = new Parsed<>(ServiceMapper::parseDate);
    final Parsed<Integer> autoprolong = new Parsed<>(ServiceMapper::parseAutoprolong);

    /** The column names of the row: the array of an earlier row with the same names, or a new one. */
    String[] keys(RowColumns row) {
        if (keys == null || !row.hasKeys(keys)) {
            keys = row.keys();
        }
        return keys;
    }

    /** {@link ServiceMapper#positions} of {@code keys}, computed again only for another key array. */
    int[] positions(String[] keys) {
        if (keys != positionsOf) {
            positions = ServiceMapper.positions(keys);
            positionsOf = keys;
        }
        return positions;
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

    /**
     * The value of the {@code column}-th column of a row, or an equal one an earlier row of the page had. A column
     * whose values are nearly all new (an id, a domain, an address) stops being looked up once that is clear: hashing
     * and keeping every such value cost more than the few it would share.
     */
    String value(int column, String v) {
        if (column >= MAX_TRACKED_COLUMNS) {
            return value(v);
        }
        if (fresh == null) {
            track();
        }
        if (v == lastIn[column]) {
            // the very String of the column's last row (the JSON reader hands a repeated text on so): no hashing
            repeated[column]++;
            return lastOut[column];
        }
        if (givenUp(column)) {
            return v;
        }
        String shared = value(v);
        if (shared != v) {
            repeated[column]++;
        } else {
            fresh[column]++;
        }
        lastIn[column] = v;
        lastOut[column] = shared;
        return shared;
    }

    /**
     * The values of the next page of the same list: its own shared values, but the columns this page found to hold
     * ever-new values are known as such from its first row (a page would otherwise hash and keep its first rows'
     * ids, domains and addresses before finding that out again).
     */
    public PageValues next() {
        PageValues next = new PageValues();
        if (fresh != null) {
            next.track();
            for (int c = 0; c < MAX_TRACKED_COLUMNS; c++) {
                if (givenUp(c)) {
                    next.fresh[c] = GIVE_UP_AFTER;
                }
            }
        }
        return next;
    }

    private void track() {
        fresh = new int[MAX_TRACKED_COLUMNS];
        repeated = new int[MAX_TRACKED_COLUMNS];
        lastIn = new String[MAX_TRACKED_COLUMNS];
        lastOut = new String[MAX_TRACKED_COLUMNS];
    }

    private boolean givenUp(int column) {
        return fresh[column] >= GIVE_UP_AFTER && repeated[column] < fresh[column];
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

    /**
     * A column's typed value, parsed again only when the text is not the very String of the last call: texts shared
     * by {@link #value} repeat from row to row, and parsing each of them costs more than the identity check.
     */
    static final class Parsed<T> {

        private final Function<String, T> parse;
        private boolean known;
        private String text;
        private T value;

        Parsed(Function<String, T> parse) {
            this.parse = parse;
        }

        T of(String t) {
            if (!known || t != text) {
                value = parse.apply(t);
                text = t;
                known = true;
            }
            return value;
        }
    }
}

package io.github.camelbillmgr.internal.reply;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceStatus;

/** Maps a list row or a details form to a {@link BillmgrService}. Lenient: a column it cannot type stays raw. */
public final class ServiceMapper {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(-?[0-9]+(?:[.,][0-9]+)?)\\s*(.*)$");
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The columns read into typed fields, at the indexes below in {@link #positions}. */
    private static final String[] TYPED = { "id", "elid", "status", "expiredate", "autoprolong", "remoteid",
            "currency", "cost" };
    private static final int ID = 0;
    private static final int ELID = 1;
    private static final int STATUS = 2;
    private static final int EXPIREDATE = 3;
    private static final int AUTOPROLONG = 4;
    private static final int REMOTEID = 5;
    private static final int CURRENCY = 6;
    private static final int COST = 7;

    private ServiceMapper() {
    }

    public static BillmgrService map(String itemType, JsonNode row) {
        return map(itemType, row, null);
    }

    /**
     * Maps a row; with {@code page}, the column names and the repeated values are shared with the page's other rows.
     */
    public static BillmgrService map(String itemType, JsonNode row, PageValues page) {
        return map(itemType, RowColumns.of(row), page);
    }

    /**
     * Maps the scalar columns of a row read straight from the parser ({@link ScalarRowHandler}); with {@code page}, the
     * column names and the repeated values are shared with the page's other rows.
     */
    public static BillmgrService map(String itemType, RowColumns row, PageValues page) {
        int n = row.size();
        String[] keys = page == null ? row.keys() : page.keys(row);
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = page == null ? row.value(i) : page.value(i, row.value(i));
        }
        ColumnMap cols = ColumnMap.of(keys, values);
        // where the typed columns are: found once for the key array the rows of a page share
        int[] at = page == null ? positions(keys) : page.positions(keys);
        String idText = valueAt(values, at[ID]);
        if (idText == null || idText.isBlank()) {
            idText = valueAt(values, at[ELID]);
        }
        Long id = parseLong(idText);
        String statusText = valueAt(values, at[STATUS]);
        String expireText = valueAt(values, at[EXPIREDATE]);
        String autoprolongText = valueAt(values, at[AUTOPROLONG]);
        BillmgrServiceStatus status;
        LocalDate expire;
        Integer autoprolong;
        if (page == null) {
            status = BillmgrServiceStatus.fromCode(statusText);
            expire = parseDate(expireText);
            autoprolong = parseAutoprolong(autoprolongText);
        } else {
            // a shared text (the same String as an earlier row's) is typed once
            status = page.status.of(statusText);
            expire = page.expireDate.of(expireText);
            autoprolong = page.autoprolong.of(autoprolongText);
        }
        String remoteId = emptyToNull(valueAt(values, at[REMOTEID]));
        BigDecimal cost = null;
        String currency = emptyToNull(valueAt(values, at[CURRENCY]));
        String costText = valueAt(values, at[COST]);
        if (costText != null) {
            Object[] known = page == null ? null : page.price(costText);
            if (known != null) {
                cost = (BigDecimal) known[0];
                if (currency == null) {
                    currency = (String) known[1];
                }
            } else {
                Money money = Money.parse(costText);
                cost = money.amount();
                String priceCurrency = money.currency();
                if (page != null) {
                    priceCurrency = priceCurrency == null ? null : page.value(priceCurrency);
                    page.price(costText, cost, priceCurrency);
                }
                if (currency == null) {
                    currency = priceCurrency;
                }
            }
        }
        return new BillmgrService(itemType, id, status, expire, autoprolong, remoteId, cost, currency, cols);
    }

    /** The position of each of {@link #TYPED} among {@code keys} (the first one so named), or -1. */
    static int[] positions(String[] keys) {
        int[] at = new int[TYPED.length];
        for (int t = 0; t < TYPED.length; t++) {
            at[t] = -1;
            for (int i = 0; i < keys.length; i++) {
                if (TYPED[t].equals(keys[i])) {
                    at[t] = i;
                    break;
                }
            }
        }
        return at;
    }

    private static String valueAt(String[] values, int i) {
        return i < 0 ? null : values[i];
    }

    public static Long parseLong(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank() || text.startsWith("0000")) {
            return null;
        }
        String t = text.trim();
        if (t.length() >= 10 && isIsoDate(t)) {
            // the form BILLmanager writes, without a formatter's parse context per row of a long list
            try {
                return LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10));
            } catch (DateTimeException e) {
                return null; // as a parse of "2027-02-30" fails, in either format
            }
        }
        try {
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(t, DOTTED);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** {@code yyyy-MM-dd} at the start of {@code t}. */
    private static boolean isIsoDate(String t) {
        for (int i = 0; i < 10; i++) {
            char c = t.charAt(i);
            if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (t.charAt(i) - '0');
        }
        return v;
    }

    /** Months of auto-renewal, or null when off ("", "off", "null", "0" or not a number). */
    static Integer parseAutoprolong(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        if (n > 0 && n < 10) {
            // the digits BILLmanager writes, without a Matcher per row of a long list; anything else below
            int v = 0;
            int i = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                v = v * 10 + text.charAt(i++) - '0';
            }
            if (i == n) {
                return v > 0 ? v : null;
            }
        }
        Matcher m = LEADING_NUMBER.matcher(text);
        if (m.matches() && !m.group(1).contains(".") && !m.group(1).contains(",")) {
            int v = Integer.parseInt(m.group(1));
            return v > 0 ? v : null;
        }
        return null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

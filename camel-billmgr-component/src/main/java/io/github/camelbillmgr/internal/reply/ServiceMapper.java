package io.github.camelbillmgr.internal.reply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceStatus;

/** Maps a list row or a details form to a {@link BillmgrService}. Lenient: a column it cannot type stays raw. */
public final class ServiceMapper {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(-?[0-9]+(?:[.,][0-9]+)?)\\s*(.*)$");
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private ServiceMapper() {
    }

    public static BillmgrService map(String itemType, JsonNode row) {
        return map(itemType, row, null);
    }

    /**
     * Maps a row; with {@code page}, the column names and the repeated values are shared with the page's other rows.
     */
    public static BillmgrService map(String itemType, JsonNode row, PageValues page) {
        ColumnMap cols = columns(row, page);
        String idText = cols.get("id");
        if (idText == null || idText.isBlank()) {
            idText = cols.get("elid");
        }
        Long id = parseLong(idText);
        BillmgrServiceStatus status = BillmgrServiceStatus.fromCode(cols.get("status"));
        LocalDate expire = parseDate(cols.get("expiredate"));
        Integer autoprolong = parseAutoprolong(cols.get("autoprolong"));
        String remoteId = emptyToNull(cols.get("remoteid"));
        BigDecimal cost = null;
        String currency = emptyToNull(cols.get("currency"));
        String costText = cols.get("cost");
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

    /** The scalar columns of a row (as {@link Nodes#scalars}), in a compact map. */
    private static ColumnMap columns(JsonNode row, PageValues page) {
        if (row == null || row.isEmpty()) {
            return ColumnMap.of(new String[0], new String[0]);
        }
        String[] keys = new String[row.size()];
        String[] values = new String[keys.length];
        int n = 0;
        for (var it = row.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (!key.startsWith("$") && v.isObject() && Nodes.isScalar(v)) {
                JsonNode t = v.get("$");
                String text = t == null ? "" : t.asText();
                keys[n] = key;
                values[n++] = page == null ? text : page.value(text);
            }
        }
        if (n < keys.length) {
            keys = java.util.Arrays.copyOf(keys, n);
            values = java.util.Arrays.copyOf(values, n);
        }
        return ColumnMap.of(page == null ? keys : page.keys(keys), values);
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

    /** Months of auto-renewal, or null when off ("", "off", "null", "0" or not a number). */
    static Integer parseAutoprolong(String text) {
        if (text == null) {
            return null;
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

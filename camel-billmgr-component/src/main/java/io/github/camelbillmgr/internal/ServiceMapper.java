package io.github.camelbillmgr.internal;

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
    /** A price as BILLmanager shows it: "5.00 EUR", "1 500.00 RUB", "€5.00", "5.00 EUR / month". */
    private static final Pattern PRICE = Pattern.compile(
            "^\\s*([^0-9\\s-]*)\\s*(-?[0-9][0-9\\s\\u00a0]*(?:[.,][0-9]+)?)\\s*([^\\s/0-9]*)");
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private ServiceMapper() {
    }

    public static BillmgrService map(String itemType, JsonNode row) {
        Map<String, String> cols = Nodes.scalars(row);
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
            Matcher m = PRICE.matcher(costText);
            if (m.find()) {
                try {
                    cost = new BigDecimal(m.group(2).replaceAll("[\\s\\u00a0]", "").replace(',', '.'));
                } catch (NumberFormatException e) {
                    cost = null;
                }
                if (currency == null) {
                    currency = emptyToNull(!m.group(1).isEmpty() ? m.group(1) : m.group(3));
                }
            }
        }
        return new BillmgrService(itemType, id, status, expire, autoprolong, remoteId, cost, currency, cols);
    }

    static Long parseLong(String text) {
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

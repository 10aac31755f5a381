package io.github.camelbillmgr.simulator.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelbillmgr.simulator.doc.Element;

/**
 * Sorting ({@code p_col=+col|-col}), paging ({@code p_cnt}, {@code p_num} from 1) and the list
 * document: one {@code <elem>} per row, then {@code p_elems}, {@code p_num} and {@code p_cnt}.
 */
public final class Paging {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?");

    private Paging() {
    }

    public static Element render(CallContext ctx, List<Map<String, String>> rows) {
        Element doc = Element.doc();
        List<Map<String, String>> sorted = sort(rows, ctx.params().get("p_col"));
        int total = sorted.size();
        int pageSize = pageSize(ctx);
        int pageNumber = positive(ctx.params().opt("p_num"), 1);
        int from = pageSize == 0 ? 0 : (int) Math.min((long) (pageNumber - 1) * pageSize, total);
        int to = pageSize == 0 ? total : Math.min(from + pageSize, total);
        for (Map<String, String> row : sorted.subList(from, to)) {
            Element elem = doc.child("elem");
            row.forEach(elem::field);
        }
        doc.field("p_elems", total);
        doc.field("p_num", pageNumber);
        doc.field("p_cnt", pageSize == 0 ? total : pageSize);
        return doc;
    }

    private static int pageSize(CallContext ctx) {
        int fallback = Math.max(0, ctx.settings().getDefaultPageSize());
        int asked = positive(ctx.params().opt("p_cnt"), fallback);
        int cap = ctx.settings().getMaxPageSize();
        return cap > 0 && (asked == 0 || asked > cap) ? cap : asked;
    }

    private static int positive(String raw, int fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A '+' sent unencoded arrives as a space, so a leading space also means ascending. */
    static List<Map<String, String>> sort(List<Map<String, String>> rows, String pCol) {
        if (pCol == null || pCol.isBlank()) {
            return rows;
        }
        boolean descending = pCol.startsWith("-");
        String column = pCol.replaceFirst("^[\\s+-]+", "").trim();
        if (column.isEmpty()) {
            return rows;
        }
        List<SortKey> keys = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            keys.add(new SortKey(row, row.get(column)));
        }
        Comparator<SortKey> order = Comparator.naturalOrder();
        keys.sort(descending ? order.reversed() : order);
        return keys.stream().map(SortKey::row).toList();
    }

    /** Numbers (also "5.00 EUR") compare numerically, other values as text; empty values sort first. */
    private record SortKey(Map<String, String> row, String text, BigDecimal number) implements Comparable<SortKey> {

        SortKey(Map<String, String> row, String value) {
            this(row, value == null ? "" : value, numberOf(value));
        }

        private static BigDecimal numberOf(String value) {
            if (value == null) {
                return null;
            }
            Matcher matcher = LEADING_NUMBER.matcher(value);
            return matcher.find() && isNumericColumnValue(value, matcher.end()) ? new BigDecimal(matcher.group())
                    : null;
        }

        /** "2025-01-01" starts with a number too; only take values that are a number, maybe with a unit. */
        private static boolean isNumericColumnValue(String value, int end) {
            return end == value.length() || value.charAt(end) == ' ';
        }

        @Override
        public int compareTo(SortKey other) {
            if (number != null && other.number != null) {
                return number.compareTo(other.number);
            }
            return text.compareToIgnoreCase(other.text);
        }
    }
}

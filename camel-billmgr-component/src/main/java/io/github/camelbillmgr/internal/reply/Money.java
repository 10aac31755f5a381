package io.github.camelbillmgr.internal.reply;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount as BILLmanager writes it in a list column or a price list: "5.00 EUR", "1 500.00 RUB", "€5.00",
 * "5.00 EUR / month", "5,00". The one parser of amounts, so that a service's cost and a tariff's price read the same
 * text the same way.
 *
 * @param amount   the number, or null when the text holds none
 * @param currency the currency written before or after the number ("EUR", "€"), or null
 */
public record Money(BigDecimal amount, String currency) {

    private static final Money NONE = new Money(null, null);

    /** A symbol or code before the number, the number with grouping spaces, a code after it. */
    private static final Pattern PRICE = Pattern.compile(
            "^\\s*([^0-9\\s-]*)\\s*(-?[0-9][0-9\\s\\u00a0]*(?:[.,][0-9]+)?)\\s*([^\\s/0-9]*)");

    /** Reads {@code text}; never null (both parts null for a null, blank or unreadable text). */
    public static Money parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Matcher m = PRICE.matcher(text);
        if (!m.find()) {
            return NONE;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(withoutSpaces(m.group(2)).replace(',', '.'));
        } catch (NumberFormatException e) {
            amount = null;
        }
        String currency = !m.group(1).isEmpty() ? m.group(1) : m.group(3);
        return new Money(amount, currency.isEmpty() ? null : currency);
    }

    /** The digits of a price without its grouping spaces ("1 500.00"), without a regular expression per call. */
    private static String withoutSpaces(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}

package io.github.camelbillmgr.internal.input;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrOperation;

/**
 * The rules of the values the component sends, the same whether a value comes from an endpoint option (checked at
 * route start by {@link EndpointCheck}) or from a header (checked per exchange by {@link ExchangeInput}). Pure: each
 * takes where the value came from ({@code "period option"}, {@code "header CamelBillmgrPeriod"}) and the value, and
 * returns it as BILLmanager expects it or throws an {@link InvalidValueException} naming the source, the value and
 * what is allowed.
 */
public final class ValueRules {

    /** The item type of {@code billmgr:func/<function>}. */
    public static final String FUNC_TYPE = "func";

    /** Parameters the component sets itself: giving them would bypass its credential and format handling. */
    public static final Set<String> RESERVED_PARAMS = Set.of("func", "out", "authinfo", "auth");

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private ValueRules() {
    }

    /** True for the operations whose period renews a service: they take neither a trial nor a one-time period. */
    public static boolean isRenewal(BillmgrConfiguration c) {
        return !FUNC_TYPE.equals(c.getItemType())
                && BillmgrOperation.find(c.getOperation()) == BillmgrOperation.prolong;
    }

    /**
     * A period: a whole number of months, or one of BILLmanager's codes: 0 (one-time), -50 (daily) and -100 (trial).
     * A renewal takes months or -50.
     */
    public static int period(String source, Object value, boolean renewal) {
        Integer months = null;
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            months = ((Number) value).intValue();
        } else if (value instanceof Long l) {
            // a long that does not fit would wrap around to another, valid-looking period
            months = l == l.intValue() ? l.intValue() : null;
        } else if (value != null) {
            String text = String.valueOf(value).trim();
            if (WHOLE_NUMBER.matcher(text).matches()) {
                try {
                    months = Integer.valueOf(text);
                } catch (NumberFormatException e) {
                    months = null;
                }
            }
        }
        boolean allowed
                = months != null && (months > 0 || months == -50 || (!renewal && (months == 0 || months == -100)));
        if (!allowed) {
            throw new InvalidValueException("Invalid " + source + " '" + value + "': " + (renewal
                    ? "prolong takes a whole number of months (1, 3, 12, ...) or -50 (daily); 0 (one-time) and -100 "
                            + "(trial) are for orders"
                    : "the period must be a whole number of months (1, 3, 12, ...), or 0 (one-time), -50 (daily) or "
                            + "-100 (a trial)"));
        }
        return months;
    }

    /** A numeric id (service id, tariff id): 1 or more, and at most 18 digits, so it fits a long. */
    public static String id(String source, Object value) {
        String text = String.valueOf(value).trim();
        if (!isId(text)) {
            throw new InvalidValueException("Invalid " + source + " '" + value
                    + "': must be a positive whole number (a BILLmanager id)");
        }
        return text;
    }

    /** Whether the text is an id: digits only, at most 18 of them (so it fits a long), and not 0. */
    public static boolean isId(String text) {
        return DIGITS.matcher(text).matches() && text.length() <= 18 && Long.parseLong(text) > 0;
    }

    /** The id of an add-on (the N of {@code addon.N} and of the parameter {@code addon_N}). */
    public static String addonId(String source, Object key) {
        String text = String.valueOf(key).trim();
        if (!isId(text)) {
            throw new InvalidValueException("Invalid " + source + ": the add-on id '" + key
                    + "' must be a number: the add-on's id in BILLmanager, a positive "
                    + "whole number (sent as addon_<id>)");
        }
        return text;
    }

    /** Auto-renewal: months, or off/null; returns the value BILLmanager expects. */
    public static String autoprolong(String source, Object value) {
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("off") || text.equalsIgnoreCase("null") || text.equalsIgnoreCase("false")) {
            return "null";
        }
        // at most 9 digits: a month count that does not fit an int is a typo, not a period
        if (DIGITS.matcher(text).matches() && text.length() <= 9 && Integer.parseInt(text) > 0) {
            return text;
        }
        throw new InvalidValueException("Invalid " + source + " '" + value
                + "': auto-renewal is a number of months (e.g. 1 or 12), or off to switch "
                + "it off");
    }

    /** The value of an add-on: a number or text, sent trimmed. */
    public static String addonValue(String source, String id, Object value) {
        if (!isScalar(value)) {
            throw new InvalidValueException("Invalid " + source + ": the value of add-on " + id
                    + " must be a number or text, got " + kind(value));
        }
        return String.valueOf(value).trim();
    }

    /**
     * One entry of the {@link BillmgrConstants#PARAMS} header: a name that is non-empty text and not one the
     * component sets itself, and a value that is text, a number or a collection of them (a collection sends the
     * parameter once per member; anything else would be sent as its toString()).
     *
     * @return the name
     */
    public static String headerParam(Object name, Object value) {
        String header = BillmgrConstants.PARAMS;
        if (!(name instanceof String k) || k.isBlank()) {
            throw new InvalidValueException("Invalid header " + header + ": parameter names must be non-empty "
                    + "text, got '" + name + "'");
        }
        if (isReservedParam(k)) {
            throw new InvalidValueException("Invalid header " + header + ": the parameter '" + k
                    + "' is set by the component and cannot be given");
        }
        if (value != null && !isScalar(value)
                && !(value instanceof Collection<?> c && c.stream().allMatch(ValueRules::isScalar))) {
            throw new InvalidValueException("Invalid header " + header + ": the value of parameter '" + k
                    + "' must be text, a number or a collection of them, got " + kind(value));
        }
        return k;
    }

    /** Whether a parameter name is one the component sets itself, ignoring case and surrounding blanks. */
    public static boolean isReservedParam(String name) {
        return RESERVED_PARAMS.contains(name.trim().toLowerCase(Locale.ROOT));
    }

    /** A value BILLmanager can be sent as text: a number, text, a switch, a character or an enum constant. */
    public static boolean isScalar(Object v) {
        return v instanceof Number || v instanceof CharSequence || v instanceof Boolean || v instanceof Character
                || v instanceof Enum;
    }

    /** What a value is, for messages: "a collection", "a map", "an array", "null" or "a value of type X". */
    public static String kind(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Collection) {
            return "a collection";
        }
        if (v instanceof Map) {
            return "a map";
        }
        return v.getClass().isArray() ? "an array" : "a value of type " + v.getClass().getSimpleName();
    }

    /**
     * The index of the first surrogate that is not part of a pair, or -1. Such text has no UTF-8 form: the form
     * encoder would send {@code ?} in its place (see {@link TextValues}).
     */
    public static int loneSurrogate(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}

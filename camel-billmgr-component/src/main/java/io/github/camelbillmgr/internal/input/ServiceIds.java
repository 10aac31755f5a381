package io.github.camelbillmgr.internal.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.camelbillmgr.BillmgrConstants;

/**
 * The rule of the {@link BillmgrConstants#SERVICE_ID} header: one id or several (a number, text "1, 2", a collection
 * or an array), each a positive whole number, at most {@code maxServiceIds} different ones; an id given twice counts
 * once.
 */
final class ServiceIds {

    /** The longest text one id may take in a list of ids: 18 digits, a comma and blanks around it. */
    private static final int MAX_ID_TEXT = 24;

    private ServiceIds() {
    }

    /**
     * @param  header                the header's value, not null
     * @param  maxServiceIds         the most different ids one exchange may carry
     * @throws InvalidValueException naming the header, the value and what is allowed
     */
    static List<Long> parse(Object header, int maxServiceIds) {
        List<Object> raw = new ArrayList<>();
        if (header instanceof Collection<?> c) {
            raw.addAll(c);
        } else if (header instanceof long[] a) {
            Arrays.stream(a).forEach(raw::add);
        } else if (header instanceof int[] a) {
            Arrays.stream(a).forEach(raw::add);
        } else if (header instanceof Object[] a) {
            raw.addAll(Arrays.asList(a));
        } else if (header instanceof CharSequence s) {
            // checked before it is split: a text of megabytes would otherwise be taken apart before being refused
            long longest = (long) maxServiceIds * MAX_ID_TEXT;
            if (s.length() > longest) {
                throw new InvalidValueException(
                        "Invalid header " + BillmgrConstants.SERVICE_ID + ": the text of ids is "
                                + s.length() + " characters long, more than maxServiceIds (" + maxServiceIds + ") ids "
                                + "can take (" + longest + "); split the ids into several exchanges, or raise "
                                + "maxServiceIds");
            }
            for (String part : s.toString().split(",")) {
                raw.add(part.trim());
            }
        } else {
            raw.add(header);
        }
        if (raw.isEmpty()) {
            throw new InvalidValueException("Invalid header " + BillmgrConstants.SERVICE_ID
                    + ": the collection of ids is empty; give at least one id");
        }
        // an id given twice is one service: renewing it twice in one call would charge twice
        Set<Long> ids = new LinkedHashSet<>();
        for (Object o : raw) {
            ids.add(serviceId(o));
            if (ids.size() > maxServiceIds) {
                throw new InvalidValueException("Invalid header " + BillmgrConstants.SERVICE_ID
                        + ": more than maxServiceIds (" + maxServiceIds + ") different service ids in one exchange ("
                        + raw.size() + " given); split them into several exchanges, or raise maxServiceIds");
            }
        }
        return new ArrayList<>(ids);
    }

    private static long serviceId(Object o) {
        if (o instanceof Long || o instanceof Integer || o instanceof Short) {
            long v = ((Number) o).longValue();
            if (v > 0) {
                return v;
            }
        } else if (o != null) {
            String t = String.valueOf(o).trim();
            if (ValueRules.isId(t)) {
                return Long.parseLong(t);
            }
        }
        throw new InvalidValueException("Invalid service id '" + o + "' in header " + BillmgrConstants.SERVICE_ID
                + ": a service id is a positive whole number (at most 18 digits)");
    }
}

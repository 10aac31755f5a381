package io.github.camelbillmgr.internal.input;

import java.util.Map;

import io.github.camelbillmgr.BillmgrInvalidInputException;
import io.github.camelbillmgr.internal.http.BillmgrRequest;

/**
 * Refuses text that cannot be sent as it is. A lone UTF-16 surrogate (half of a pair, e.g. from a string cut in the
 * middle of an emoji) has no UTF-8 form: the form encoder writes {@code ?} in its place. A remote id sent so is not
 * the one the route holds, so the look-up by remote id after a lost reply misses and the order is placed twice.
 */
public final class TextValues {

    private TextValues() {
    }

    /** Checks every parameter value and header of a request before anything is sent. */
    public static void check(BillmgrRequest request) throws BillmgrInvalidInputException {
        for (Map.Entry<String, String> p : request.params()) {
            check(request.func(), "parameter '" + p.getKey() + "'", p.getValue());
        }
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            check(request.func(), "HTTP header '" + h.getKey() + "'", h.getValue());
        }
    }

    private static void check(String func, String what, String value) throws BillmgrInvalidInputException {
        int at = ValueRules.loneSurrogate(value);
        if (at >= 0) {
            // the value itself is not shown: it may be a password
            throw new BillmgrInvalidInputException("Invalid value of " + what + " for func '" + func + "': it holds a "
                    + "lone UTF-16 surrogate (U+"
                    + Integer.toHexString(value.charAt(at)).toUpperCase(java.util.Locale.ROOT)
                    + ") at index " + at + ", half of a character that has no UTF-8 "
                    + "form and would be sent as '?'; nothing was sent", func);
        }
    }
}

package io.github.camelbillmgr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BILLmanager answered with an error document ({@code <doc><error type="..." object="...">}). BILLmanager reports
 * every API error inside an HTTP 200, so this is how a refused call shows up in a route.
 * <p>
 * BILLmanager refused the call, so it did not do it: the outcome is {@link BillmgrOutcome#NOT_DONE}.
 * <p>
 * Branch on {@link #getType()} ({@code missed}, {@code exists}, {@code value}, {@code access}, module-specific
 * types, ...), and on {@link #getObject()} for the field or object it is about.
 */
public class BillmgrApiException extends BillmgrException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final String object;
    private final String value;
    private final Map<String, String> params;
    private final String errorMessage;

    public BillmgrApiException(String func, String type, String object, String value, Map<String, String> params,
                               String errorMessage) {
        super(describe(func, type, object, value, errorMessage), func, BillmgrOutcome.NOT_DONE, null);
        this.type = type;
        this.object = object;
        this.value = value;
        this.params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.errorMessage = errorMessage;
    }

    static String describe(String func, String type, String object, String value, String errorMessage) {
        StringBuilder sb = new StringBuilder("BILLmanager refused func '").append(func).append("': error type '")
                .append(type).append('\'');
        if (object != null && !object.isEmpty()) {
            sb.append(", object '").append(object).append('\'');
        }
        if (value != null && !value.isEmpty()) {
            sb.append(", value '").append(value).append('\'');
        }
        if (errorMessage != null && !errorMessage.isEmpty()) {
            sb.append(": ").append(errorMessage);
        }
        return sb.toString();
    }

    /** The error type, e.g. {@code missed}, {@code value}, {@code access}, {@code not_enough_money}. */
    public String getType() {
        return type;
    }

    /** What the error is about: a field name, {@code elid}, {@code badpassword}, ... (may be null). */
    public String getObject() {
        return object;
    }

    /** The offending value, when BILLmanager names one (may be null). */
    public String getValue() {
        return value;
    }

    /** Every {@code <param name="...">} of the error document, in document order. */
    public Map<String, String> getParams() {
        return params;
    }

    /** BILLmanager's own localised message ({@code msg}), with its params filled in. */
    public String getErrorMessage() {
        return errorMessage;
    }
}

package io.github.camelbillmgr.simulator.engine;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelbillmgr.simulator.settings.SimSettings;

/** The error documents of the reference's section 4, one factory method per situation. */
public final class Errors {

    public static final String ACCESS = "access";
    public static final String MISSED = "missed";
    public static final String EXISTS = "exists";
    public static final String NOT_ENOUGH_MONEY = "not_enough_money";

    private Errors() {
    }

    public static ApiException access() {
        return new ApiException(ACCESS, null, Map.of(), "Insufficient privileges to perform the function");
    }

    public static ApiException unknownFunction(String func) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("object", func);
        return new ApiException(MISSED, func, params, "Function '__object__' not found");
    }

    /** A referenced object (e.g. {@code elid=999}) does not exist or is not visible to the caller. */
    public static ApiException missedObject(String object, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("object", object);
        params.put("value", value);
        params.put("desc", Labels.field(object));
        return new ApiException(MISSED, object, params, "The object '__desc__' with value '__value__' not found");
    }

    /** A mandatory parameter is absent. */
    public static ApiException missedParam(String name) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("object", name);
        params.put("desc", Labels.field(name));
        return new ApiException(MISSED, name, params, "The '__desc__' field is required");
    }

    public static ApiException invalidValue(SimSettings settings, String field, String value) {
        return invalid(settings.getInvalidValueErrorType(), field, value);
    }

    public static ApiException invalid(String type, String field, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("object", field);
        params.put("value", value == null ? "" : value);
        params.put("desc", Labels.field(field));
        return new ApiException(type, field, params, "The '__desc__' field has invalid value.");
    }

    public static ApiException exists(String field, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("object", field);
        params.put("value", value);
        params.put("desc", Labels.field(field));
        return new ApiException(EXISTS, field, params, "An object '__desc__' with value '__value__' already exists");
    }

    public static ApiException badPassword(SimSettings settings) {
        return new ApiException(settings.getLoginErrorType(), "badpassword", Map.of(),
                "Invalid username or password");
    }

    public static ApiException blockLogon(SimSettings settings) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("time", String.valueOf(settings.getLoginBlockDuration().toSeconds()));
        return new ApiException(settings.getLoginErrorType(), "blocklogon", params,
                "Too many failed login attempts. Login is blocked for __time__ seconds");
    }

    public static ApiException badIp(SimSettings settings) {
        return new ApiException(settings.getLoginErrorType(), "badip", Map.of(), "Access from this IP denied");
    }

    /** Params exactly as the KB sample: amount, have, currency, deficit, limit, reserved, available. */
    public static ApiException notEnoughMoney(BigDecimal amount, BigDecimal balance, String currency,
                                              BigDecimal creditLimit) {
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal available = balance.add(creditLimit).subtract(reserved).max(BigDecimal.ZERO);
        BigDecimal deficit = amount.subtract(available);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("amount", Money.format(amount));
        params.put("have", Money.format(balance));
        params.put("currency", currency);
        params.put("deficit", Money.format(deficit));
        params.put("limit", Money.format(creditLimit));
        params.put("reserved", Money.format(reserved));
        params.put("available", Money.format(available));
        return new ApiException(NOT_ENOUGH_MONEY, null, params,
                "Insufficient funds. The operation costs __amount__ __currency__, available __available__ "
                        + "__currency__. Top up your balance by __deficit__ __currency__");
    }

    /** "Request in process, please wait": an earlier request is still running; this one was not executed. */
    public static ApiException busy(SimSettings settings) {
        return new ApiException(settings.getBusyErrorType(), null, Map.of(), settings.getBusyMessage());
    }

    /** A failure injected by a test through {@code SimFaults}. */
    public static ApiException injected(String type, String object, String message) {
        Map<String, String> params = new LinkedHashMap<>();
        if (object != null) {
            params.put("object", object);
        }
        return new ApiException(type, object, params, message == null ? "Injected failure" : message);
    }
}

package io.github.camelbillmgr.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrAuthenticationException;
import io.github.camelbillmgr.BillmgrInsufficientFundsException;

/** Turns an error document into the matching {@link BillmgrApiException}. */
public final class ErrorMapper {

    /** {@code object}s of a refused login (the error type itself is not documented). */
    static final Set<String> LOGIN_FAILURES = Set.of("badpassword", "badip", "blocklogon", "blockgeoip", "blocked_ip",
            "badlogin", "baduser", "totp");

    private static final String TOTP_CONFIRM = "func=totp.confirm";

    private ErrorMapper() {
    }

    /**
     * The {@code error} element of a normalised document, or null when it is not an error document. A two-factor
     * challenge ({@code ok} saying {@code func=totp.confirm}) counts as an authentication error: the function did
     * not run.
     */
    public static JsonNode error(JsonNode root) {
        JsonNode doc = Nodes.doc(root);
        if (doc == null) {
            return null;
        }
        JsonNode e = doc.get("error");
        if (e == null) {
            return isTwoFactorChallenge(doc) ? twoFactorError() : null;
        }
        return e.isArray() ? (e.isEmpty() ? null : e.get(0)) : e;
    }

    /**
     * BILLmanager answers a user with two-factor authentication with {@code <ok>func=totp.confirm</ok>} until a
     * one-time code is confirmed, which an unattended integration cannot do.
     */
    static boolean isTwoFactorChallenge(JsonNode doc) {
        String ok = Nodes.text(doc, "ok");
        return ok != null && ok.trim().startsWith(TOTP_CONFIRM);
    }

    /** The error a two-factor challenge is reported as: an authentication failure that names what to do. */
    private static JsonNode twoFactorError() {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("$type", "auth");
        e.put("$object", "totp");
        e.putObject("msg").put("$", "BILLmanager asks for a two-factor authentication code (func=totp.confirm): this "
                                    + "user has two-factor authentication switched on, and the billmgr component "
                                    + "cannot answer a one-time code. Use a BILLmanager user without two-factor "
                                    + "authentication for the API");
        return e;
    }

    /** True when an {@code access} error: an expired or unknown session, or no rights for the function. */
    public static boolean isAccess(JsonNode error) {
        return "access".equals(Nodes.attr(error, "type"));
    }

    public static BillmgrApiException toException(String func, JsonNode error, Redactor redactor) {
        String type = Nodes.attr(error, "type");
        String object = Nodes.attr(error, "object");
        Map<String, String> params = new LinkedHashMap<>();
        for (JsonNode p : Nodes.members(error, "param")) {
            String name = Nodes.attr(p, "name");
            if (name != null) {
                params.put(name, redactor.redact(Nodes.text(p)));
            }
        }
        if (object == null) {
            object = params.get("object");
        }
        String value = params.get("value");
        if (value == null) {
            value = Nodes.attr(error, "value");
        }
        if (object != null && BillmgrRequest.isSecretName(object) && value != null) {
            value = Redactor.MASK;
            params.put("value", Redactor.MASK);
        }
        String msg = redactor.redact(Nodes.text(error, "msg"));
        value = redactor.redact(value);
        if ("not_enough_money".equals(type)) {
            return new BillmgrInsufficientFundsException(func, type, object, value, params, msg);
        }
        if ("auth".equals(type) || (object != null && LOGIN_FAILURES.contains(object))) {
            return new BillmgrAuthenticationException(func, type, object, value, params, msg);
        }
        return new BillmgrApiException(func, type == null ? "unknown" : type, object, value, params, msg);
    }
}

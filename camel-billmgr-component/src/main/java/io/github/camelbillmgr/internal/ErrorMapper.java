package io.github.camelbillmgr.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrAuthenticationException;
import io.github.camelbillmgr.BillmgrInsufficientFundsException;

/** Turns an error document into the matching {@link BillmgrApiException}. */
public final class ErrorMapper {

    /** {@code object}s of a refused login (the error type itself is not documented). */
    static final Set<String> LOGIN_FAILURES = Set.of("badpassword", "badip", "blocklogon", "blockgeoip", "blocked_ip",
            "badlogin", "baduser");

    private ErrorMapper() {
    }

    /** The {@code error} element of a normalised document, or null when it is not an error document. */
    public static JsonNode error(JsonNode root) {
        JsonNode doc = Nodes.doc(root);
        if (doc == null) {
            return null;
        }
        JsonNode e = doc.get("error");
        if (e == null) {
            return null;
        }
        if (e.isArray()) {
            // an empty list of errors is still an error document, if one that says nothing
            return e.isEmpty() ? JsonNodeFactory.instance.objectNode() : e.get(0);
        }
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
        String text = Nodes.text(error, "msg");
        if (text == null || text.isBlank()) {
            // <error>Database is down</error>: the error's own text is the only message there is
            String own = Nodes.text(error);
            text = own == null || own.isBlank() ? text : own.trim();
        }
        String msg = redactor.redact(text);
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

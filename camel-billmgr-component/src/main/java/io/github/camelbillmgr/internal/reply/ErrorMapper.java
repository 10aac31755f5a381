package io.github.camelbillmgr.internal.reply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrAuthenticationException;
import io.github.camelbillmgr.BillmgrBusyException;
import io.github.camelbillmgr.BillmgrInsufficientFundsException;
import io.github.camelbillmgr.internal.secret.Redactor;
import io.github.camelbillmgr.internal.secret.Secrets;

/** Turns an error document into the matching {@link BillmgrApiException}. */
public final class ErrorMapper {

    /** {@code object}s of a refused login (the error type itself is not documented). */
    static final Set<String> LOGIN_FAILURES = Set.of("badpassword", "badip", "blocklogon", "blockgeoip", "blocked_ip",
            "badlogin", "baduser", "totp");

    private static final String TOTP_CONFIRM = "func=totp.confirm";

    /**
     * Error types of "Request in process, please wait" (an earlier request is still running). BILLmanager's own type
     * is not documented, so the message is checked too.
     */
    static final Set<String> BUSY_TYPES = Set.of("busy", "inprocess", "in_process", "request_in_process", "wait");
    /** The busy message in English and Russian. */
    static final Pattern BUSY_MESSAGE = Pattern.compile(
            "(?iu)request\\s+(is\\s+)?in\\s+process|please\\s+wait|\u0437\u0430\u043f\u0440\u043e\u0441\\s+"
                    + "\u043e\u0431\u0440\u0430\u0431\u0430\u0442\u044b\u0432\u0430\u0435\u0442\u0441\u044f|"
                    + "\u043f\u043e\u0434\u043e\u0436\u0434\u0438\u0442\u0435");

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
        if (e.isArray()) {
            // an empty list of errors is still an error document, if one that says nothing
            return e.isEmpty() ? JsonNodeFactory.instance.objectNode() : e.get(0);
        }
        return e;
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
        if (object != null && Secrets.isSecretName(object) && value != null) {
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
        if ((type != null && BUSY_TYPES.contains(type)) || (msg != null && BUSY_MESSAGE.matcher(msg).find())) {
            return new BillmgrBusyException(func, type == null ? "unknown" : type, object, value, params, msg);
        }
        return new BillmgrApiException(func, type == null ? "unknown" : type, object, value, params, msg);
    }

    /**
     * True when BILLmanager refused the credentials themselves (a failed login, a bad password or a blocked login,
     * also in an {@code authinfo} call), as opposed to a user who may log in but lacks the rights for one function:
     * only the former should pause every call of those credentials.
     */
    public static boolean isLoginRefusal(BillmgrAuthenticationException e) {
        return "auth".equals(e.getFunc()) || "auth".equals(e.getType())
                || (e.getObject() != null && LOGIN_FAILURES.contains(e.getObject()));
    }
}

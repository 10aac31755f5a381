package io.github.camelbillmgr.internal.secret;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What is secret in a BILLmanager call: the names of the parameters whose values are never shown, the credentials the
 * client adds itself, and the set of values a text about one call is masked for ({@link Redactor} does the masking).
 * Every other place that must know whether a value is secret (request log lines, error mapping) asks here, so the rule
 * has one home.
 */
public final class Secrets {

    /** The parameter of {@code authMode=authinfo}: user and password, in every request body. */
    public static final String AUTHINFO = "authinfo";
    /** The parameter of {@code authMode=session}: the session id, in every request body. */
    public static final String SESSION_ID = "auth";
    /** The password parameter of the login ({@code func=auth}). */
    public static final String PASSWORD = "password";

    /** Parameter names whose values are never logged or shown, in lower case. */
    private static final Set<String> NAMES = Set.of(AUTHINFO, SESSION_ID, PASSWORD, "userpassword", "passwd", "key",
            "newpassword", "confirm", "old_password");

    private Secrets() {
    }

    /** Whether a parameter (or an error's object) of this name carries a secret value; case does not matter. */
    public static boolean isSecretName(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The value of {@link #AUTHINFO}. */
    public static String authinfo(String username, String password) {
        return username + ":" + password;
    }

    /**
     * The masking of everything secret in a text about one call: the values of the request's secret parameters, the
     * password in both of the forms it is sent in, and the credentials of the call: the one it was sent with and
     * the session id current now (null ones are skipped).
     */
    public static Redactor redactor(Collection<String> requestSecrets, String username, String password,
                                    String... credentials) {
        List<String> secrets = new ArrayList<>(requestSecrets.size() + 2 + credentials.length);
        secrets.addAll(requestSecrets);
        secrets.add(password);
        secrets.add(authinfo(username, password));
        for (String credential : credentials) {
            if (credential != null) {
                secrets.add(credential);
            }
        }
        return new Redactor(secrets);
    }
}

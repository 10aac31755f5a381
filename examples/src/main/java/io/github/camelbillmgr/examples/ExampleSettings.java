package io.github.camelbillmgr.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Which BILLmanager the example talks to, and as whom.
 * <p>
 * Each value is taken from the first of: a system property ({@code -Dbillmgr.baseUrl=...} or
 * {@code -Dcamel.component.billmgr.baseUrl=...}), an environment variable ({@code BILLMGR_BASE_URL},
 * {@code BILLMGR_USERNAME}, {@code BILLMGR_PASSWORD}, or Camel's {@code CAMEL_COMPONENT_BILLMGR_BASEURL}, ...),
 * {@code application.properties} ({@code billmgr.baseUrl} or
 * {@code camel.component.billmgr.baseUrl}, and the same for {@code username} and {@code password}). Blank values
 * count as not set. Without a base URL the example starts the embedded BILLmanager simulator.
 * <p>
 * BILLmanager lets only administrators suspend and resume services. The example does those two steps as
 * {@code billmgr.admin.username} / {@code billmgr.admin.password} ({@code BILLMGR_ADMIN_USERNAME},
 * {@code BILLMGR_ADMIN_PASSWORD}), or as the user above when no admin is configured.
 *
 * @param baseUrl       the BILLmanager API URL, or null for the embedded simulator
 * @param username      the user name, or null
 * @param password      the password, or null; never printed
 * @param adminUsername the administrator that suspends and resumes, or null for the user above
 * @param adminPassword the administrator's password, or null; never printed
 */
public record ExampleSettings(String baseUrl, String username, String password, String adminUsername,
                              String adminPassword) {

    public ExampleSettings(String baseUrl, String username, String password) {
        this(baseUrl, username, password, null, null);
    }

    public static ExampleSettings fromEnvironment() {
        return resolve(applicationProperties(), System.getenv(), System.getProperties());
    }

    /** Nothing configured: the example starts its own simulator. */
    public static ExampleSettings embeddedSimulator() {
        return new ExampleSettings(null, null, null);
    }

    public static ExampleSettings resolve(Properties app, Map<String, String> env, Properties sys) {
        return new ExampleSettings(value("baseUrl", "BILLMGR_BASE_URL", app, env, sys),
                value("username", "BILLMGR_USERNAME", app, env, sys),
                value("password", "BILLMGR_PASSWORD", app, env, sys),
                value("admin.username", "BILLMGR_ADMIN_USERNAME", app, env, sys),
                value("admin.password", "BILLMGR_ADMIN_PASSWORD", app, env, sys));
    }

    private static String value(String name, String envName, Properties app, Map<String, String> env, Properties sys) {
        String[] keys = name.startsWith("admin.") ? new String[] { "billmgr." + name }
                : new String[] { "billmgr." + name, "camel.component.billmgr." + name };
        for (String key : keys) {
            String v = sys.getProperty(key);
            if (notBlank(v)) {
                return v.strip();
            }
        }
        String v = env.get(envName);
        if (!notBlank(v) && !name.startsWith("admin.")) {
            // Camel's own spelling of the component option, e.g. CAMEL_COMPONENT_BILLMGR_BASEURL
            v = env.get("CAMEL_COMPONENT_BILLMGR_" + name.toUpperCase(java.util.Locale.ROOT));
        }
        if (notBlank(v)) {
            return v.strip();
        }
        for (String key : keys) {
            v = app.getProperty(key);
            if (notBlank(v) && !v.contains("{{")) {
                return v.strip();
            }
        }
        return null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** The example's {@code application.properties} from the classpath (empty when there is none). */
    public static Properties applicationProperties() {
        Properties p = new Properties();
        try (InputStream in = ExampleSettings.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
        return p;
    }

    public boolean useEmbeddedSimulator() {
        return baseUrl == null;
    }

    /** Who suspends and resumes: the administrator when one is configured, else the user. */
    public String effectiveAdminUsername() {
        return adminUsername != null ? adminUsername : username;
    }

    public String effectiveAdminPassword() {
        return adminUsername != null ? adminPassword : password;
    }

    /** Throws when a real BILLmanager is configured without a user name or password (naming what is missing). */
    public ExampleSettings checked() {
        if (useEmbeddedSimulator()) {
            return this;
        }
        if (username == null || password == null) {
            throw new IllegalStateException("billmgr.baseUrl is set to " + baseUrl + " but the "
                    + (username == null ? "user name" : "password") + " is not: set "
                    + (username == null ? "BILLMGR_USERNAME or camel.component.billmgr.username"
                            : "BILLMGR_PASSWORD or camel.component.billmgr.password"));
        }
        if (adminUsername != null && adminPassword == null) {
            throw new IllegalStateException("billmgr.admin.username is set but its password is not: set "
                    + "BILLMGR_ADMIN_PASSWORD or billmgr.admin.password");
        }
        return this;
    }

    /** Never shows a password. */
    @Override
    public String toString() {
        return useEmbeddedSimulator() ? "ExampleSettings[embedded simulator]"
                : "ExampleSettings[baseUrl=" + baseUrl + ", username=" + username + ", password="
                        + mask(password) + ", adminUsername=" + adminUsername + ", adminPassword=" + mask(adminPassword)
                        + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "<not set>" : "******";
    }
}

package io.github.camelbillmgr.secrets;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.BillmgrSimulatorExtension;
import io.github.camelbillmgr.simulator.model.SimAccount;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.AbstractTestSupport;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails every test that let a password, a session id or an {@code authinfo} value show: in a log line
 * at any level ({@link SecretScanAppender}), an exception message, or an endpoint URI, route or JMX attribute of the
 * test's CamelContext ({@link CamelSurfaceCheck}). Registered for every test through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} (autodetection is on in
 * {@code junit-platform.properties}).
 * <p>
 * The secrets it knows: the simulator's built-in passwords, the password of every account of every simulator the
 * test holds (in a field, or through a {@link BillmgrSimulatorExtension}), every session id those simulators issued,
 * and the password of every billmgr component and endpoint in the test's CamelContext
 * ({@link AbstractTestSupport#context()}, a {@code CamelContext} field, or a Camel Main field). Any
 * {@code password=}, {@code authinfo=}, {@code auth=} or URL user info with a clear value counts too, known or not.
 * <p>
 * Tests run one at a time (no parallel execution is configured), so the leaks recorded between two checks belong to
 * the test that ran in between; leaks in class set-up and tear-down fail the class.
 */
public final class SecretLeakExtension
        implements BeforeAllCallback, BeforeTestExecutionCallback, AfterTestExecutionCallback, AfterEachCallback,
        AfterAllCallback {

    /** Where the leaks already reported end. */
    private static long reported;

    static {
        SecretLeaks.SCANNER.addSecret(BillmgrSimulator.ADMIN_PASSWORD, "the simulator's admin password");
        SecretLeaks.SCANNER.addSecret(BillmgrSimulator.CLIENT_PASSWORD, "the simulator's client password");
        SecretLeaks.SCANNER.addSecret(BillmgrSimulator.CLIENT_USER + ":" + BillmgrSimulator.CLIENT_PASSWORD,
                "the simulator client's authinfo");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        failOnNewLeaks("before " + context.getDisplayName());
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        learn(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        learn(context);
        camelContexts(context).forEach(CamelSurfaceCheck::check);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        failOnNewLeaks(context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            failOnNewLeaks("the set-up or tear-down of " + context.getDisplayName());
        } finally {
            // the simulators of this class are stopped: their session ids need not be looked up any more
            SecretLeaks.SCANNER.forgetTokens();
        }
    }

    /** Throws when leaks were recorded since the last call, and moves past them. */
    static synchronized void failOnNewLeaks(String where) {
        SecretLeaks.Findings found = SecretLeaks.since(reported);
        reported = SecretLeaks.mark();
        if (!found.isEmpty()) {
            throw new AssertionError("Secret leak check failed for " + where + ": " + found);
        }
    }

    /** Makes the scanner look for the secrets of the test's simulators and CamelContexts. */
    private static void learn(ExtensionContext context) {
        for (Object value : fieldValues(context)) {
            BillmgrSimulator simulator = null;
            if (value instanceof BillmgrSimulator s) {
                simulator = s;
            } else if (value instanceof BillmgrSimulatorExtension x) {
                simulator = x.simulator();
            }
            if (simulator != null) {
                for (SimAccount a : simulator.state().accounts()) {
                    SecretLeaks.SCANNER.addSecret(a.password(), "the password of simulator account '" + a.user() + "'");
                }
                SecretLeaks.SCANNER.addTokens(simulator.state().issuedSessionIds(),
                        "a session id issued by the simulator");
            }
        }
        camelContexts(context).forEach(CamelSurfaceCheck::learnPasswords);
    }

    /** The CamelContexts the test holds that are running. */
    private static List<CamelContext> camelContexts(ExtensionContext context) {
        Set<CamelContext> found = Collections.newSetFromMap(new IdentityHashMap<>());
        context.getTestInstance().ifPresent(instance -> {
            if (instance instanceof AbstractTestSupport support && support.context() != null) {
                found.add(support.context());
            }
        });
        for (Object value : fieldValues(context)) {
            if (value instanceof CamelContext c) {
                found.add(c);
            } else if (value != null && isCamelMain(value.getClass())) {
                try {
                    Object c = value.getClass().getMethod("getCamelContext").invoke(value);
                    if (c instanceof CamelContext cc) {
                        found.add(cc);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read the CamelContext of " + value.getClass(), e);
                }
            }
        }
        found.removeIf(c -> !c.isStarted());
        return new ArrayList<>(found);
    }

    /** Camel Main ({@code org.apache.camel.main.MainSupport}) without needing camel-main on the classpath. */
    private static boolean isCamelMain(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if ("org.apache.camel.main.MainSupport".equals(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The values of the test class's static fields and of the test instance's fields, superclasses included. */
    private static List<Object> fieldValues(ExtensionContext context) {
        List<Object> values = new ArrayList<>();
        Object instance = context.getTestInstance().orElse(null);
        for (Class<?> c = context.getRequiredTestClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                if ((!isStatic && instance == null) || f.getType().isPrimitive() || !f.trySetAccessible()) {
                    continue;
                }
                try {
                    values.add(f.get(isStatic ? null : instance));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read " + f, e);
                }
            }
        }
        return values;
    }
}

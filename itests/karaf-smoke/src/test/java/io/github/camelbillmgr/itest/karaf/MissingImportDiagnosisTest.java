package io.github.camelbillmgr.itest.karaf;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the probe explains a class missing in camel-billmgr's code. The messages are those Felix and the JVM gave in
 * Karaf 4.4.8 for a copy of the bundle built without {@code org.apache.hc.client5.http.classic} in its imports; the
 * framework is faked (KarafSmokeIT runs the real one).
 */
class MissingImportDiagnosisTest {

    private static final String PKG = "org.apache.hc.client5.http.classic";

    @Test
    void readsTheClassFromTheJvmAndFelixMessages() {
        assertEquals(PKG + ".HttpClient",
                MissingImportDiagnosis.missingClass("org/apache/hc/client5/http/classic/HttpClient"));
        assertEquals(PKG + ".HttpClient", MissingImportDiagnosis.missingClass(
                PKG + ".HttpClient not found by io.github.camelbillmgr.camel-billmgr [47]"));
        assertNull(MissingImportDiagnosis.missingClass(null));
        assertNull(MissingImportDiagnosis.missingClass("Could not initialize class"));
    }

    @Test
    void namesThePackageTheClassThatNeedsItAndItsExporters() {
        Bundle billmgr = bundle("io.github.camelbillmgr.camel-billmgr", 47, List.of(), false);
        Bundle httpclient = bundle("stand-in.httpclient5", 54, List.of(capability(PKG, "5.5.1")), true);
        BundleContext ctx = fake(BundleContext.class, Map.of("getBundles", new Bundle[] { billmgr, httpclient }));

        NoClassDefFoundError error = new NoClassDefFoundError(PKG.replace('.', '/') + "/HttpClient");
        error.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.github.camelbillmgr.internal.BillmgrClient", "send", "BillmgrClient.java",
                        225) });
        String explained
                = MissingImportDiagnosis.explain(new IllegalStateException("direct:whoami failed", error), billmgr, ctx)
                        .orElseThrow();

        assertEquals("camel-billmgr does not import package " + PKG + " (needed for class "
                + "io.github.camelbillmgr.internal.BillmgrClient); exported in the framework by bundle "
                + "stand-in.httpclient5/5.5.1 [54] (version 5.5.1)", explained);
    }

    @Test
    void saysSoWhenNoBundleExportsIt() {
        Bundle billmgr = bundle("io.github.camelbillmgr.camel-billmgr", 47, List.of(), false);
        BundleContext ctx = fake(BundleContext.class, Map.of("getBundles", new Bundle[] { billmgr }));
        ClassNotFoundException e = new ClassNotFoundException(
                PKG + ".HttpClient not found by io.github.camelbillmgr.camel-billmgr [47]");
        e.setStackTrace(new StackTraceElement[0]);

        String explained = MissingImportDiagnosis.explain(e, billmgr, ctx).orElseThrow();
        assertTrue(explained.startsWith("camel-billmgr does not import package " + PKG + " (needed for a class "
                + "of io.github.camelbillmgr.camel-billmgr); no bundle in the framework exports it"), explained);
    }

    @Test
    void leavesOtherFailuresAlone() {
        Bundle billmgr = bundle("io.github.camelbillmgr.camel-billmgr", 47, List.of(), false);
        BundleContext ctx = fake(BundleContext.class, Map.of("getBundles", new Bundle[] { billmgr }));
        assertTrue(MissingImportDiagnosis.explain(new IllegalStateException("boom"), billmgr, ctx).isEmpty());
        // a class missing in someone else's code
        NoClassDefFoundError other = new NoClassDefFoundError("com/example/Missing");
        other.setStackTrace(new StackTraceElement[] { new StackTraceElement("com.example.User", "run", null, 1) });
        assertTrue(MissingImportDiagnosis.explain(other, billmgr, ctx).isEmpty());
    }

    /** A bundle that holds the io.github.camelbillmgr classes (billmgr) or not, with no imports wired. */
    private static Bundle bundle(String bsn, long id, List<BundleCapability> exports, boolean exporter) {
        BundleRevision revision = fake(BundleRevision.class, Map.of("getDeclaredCapabilities", exports));
        BundleWiring wiring = fake(BundleWiring.class, Map.of("getRequiredWires", List.of()));
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (p, m, args) -> switch (m.getName()) {
                    case "getSymbolicName" -> bsn;
                    case "getBundleId" -> id;
                    case "getVersion" -> exporter ? new Version("5.5.1") : new Version("1.0.0.SNAPSHOT");
                    case "adapt" -> args[0] == BundleRevision.class ? revision : wiring;
                    case "getEntry" -> !exporter && ((String) args[0]).startsWith("io/github/camelbillmgr/")
                            ? new java.net.URL("file:/" + args[0]) : null;
                    case "toString" -> bsn;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static BundleCapability capability(String pkg, String version) {
        return fake(BundleCapability.class, Map.of("getAttributes",
                Map.of(BundleRevision.PACKAGE_NAMESPACE, pkg, "version", new Version(version))));
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, m, args) -> {
            if (answers.containsKey(m.getName())) {
                return answers.get(m.getName());
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }
}

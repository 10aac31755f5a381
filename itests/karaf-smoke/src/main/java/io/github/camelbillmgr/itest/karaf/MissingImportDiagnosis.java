package io.github.camelbillmgr.itest.karaf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Explains a {@link NoClassDefFoundError} or {@link ClassNotFoundException} raised by code of the camel-billmgr bundle.
 *
 * <p>
 * A package missing from {@code Import-Package} does not stop a bundle from resolving: OSGi only wires what is
 * declared, so the bundle starts and fails later, when its code first touches a class of that package. The JVM's
 * message then names only the class. This finds the package, checks the bundle's wiring and lists the bundles that
 * export the package in the framework, e.g. {@code camel-billmgr does not import package
 * org.apache.hc.client5.http.classic (needed for class io.github.camelbillmgr.internal.HttpTransport); exported in the
 * framework by bundle stand-in.httpclient5/5.5.1 [61] (version 5.5.1)}.
 */
final class MissingImportDiagnosis {

    private MissingImportDiagnosis() {
    }

    /** The explanation, when {@code failure} or one of its causes is a class missing in code of {@code bundle}. */
    static Optional<String> explain(Throwable failure, Bundle bundle, BundleContext ctx) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (!(t instanceof NoClassDefFoundError) && !(t instanceof ClassNotFoundException)) {
                continue;
            }
            String missing = missingClass(t.getMessage());
            String user = userOf(t, bundle);
            if (missing == null || user == null) {
                continue;
            }
            return Optional.of(explain(missing, user, bundle, ctx));
        }
        return Optional.empty();
    }

    /** @param user what needed the class: {@code class a.b.C}, or {@code a class of <bsn>} */
    static String explain(String missingClass, String user, Bundle bundle, BundleContext ctx) {
        String pkg = missingClass.contains(".") ? missingClass.substring(0, missingClass.lastIndexOf('.')) : "";
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring != null) {
            for (BundleWire w : wiring.getRequiredWires(BundleRevision.PACKAGE_NAMESPACE)) {
                if (pkg.equals(w.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))) {
                    return "camel-billmgr imports package " + pkg + " from bundle "
                            + BundleDiag.name(w.getProvider().getBundle()) + ", but class " + missingClass
                            + " (needed for " + user + ") could not be loaded from it";
                }
            }
        }
        List<String> exporters = exporters(pkg, ctx);
        return "camel-billmgr does not import package " + pkg + " (needed for " + user + "); "
                + (exporters.isEmpty() ? "no bundle in the framework exports it"
                        : "exported in the framework by bundle " + String.join(", ", exporters));
    }

    /** {@code org/apache/Foo}, {@code org.apache.Foo not found by ...} or {@code org.apache.Foo}: the class name. */
    static String missingClass(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String first = message.trim().split("\\s+")[0].replace('/', '.');
        return first.matches("[\\w$]+(\\.[\\w$]+)+") ? first : null; // qualified: not "Could not initialize class"
    }

    /** The first class in the stack trace that is part of the bundle: the one whose code needed the missing class. */
    // returns "class a.b.C", or "a class of <bsn>" when only Felix's message says the bundle's class loader failed
    private static String userOf(Throwable t, Bundle bundle) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (bundle.getEntry(e.getClassName().replace('.', '/') + ".class") != null) {
                return "class " + e.getClassName().replaceFirst("\\$.*", "");
            }
        }
        // Felix names the bundle whose class loader failed: "<class> not found by <bsn> [<id>]"
        String msg = String.valueOf(t.getMessage());
        return msg.contains(" not found by " + bundle.getSymbolicName() + " ")
                ? "a class of " + bundle.getSymbolicName()
                : null;
    }

    private static List<String> exporters(String pkg, BundleContext ctx) {
        List<String> out = new ArrayList<>();
        for (Bundle b : ctx.getBundles()) {
            BundleRevision rev = b.adapt(BundleRevision.class);
            if (rev == null) {
                continue;
            }
            for (BundleCapability cap : rev.getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
                if (pkg.equals(cap.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))) {
                    out.add(BundleDiag.name(b) + " (version " + cap.getAttributes().get("version") + ")");
                }
            }
        }
        return out;
    }
}

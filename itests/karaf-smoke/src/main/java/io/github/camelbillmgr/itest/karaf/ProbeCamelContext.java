package io.github.camelbillmgr.itest.karaf;

import io.github.camelbillmgr.itest.osgi.BundleCamelContext;
import org.apache.camel.CamelContext;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The probe's CamelContext for OSGi: camel-karaf's {@code OsgiDefaultCamelContext} (the context its Blueprint support
 * builds on) when Karaf runs camel-karaf (-Pkaraf-it), otherwise the stand-in runtime's {@code BundleCamelContext}.
 * The probe imports both packages optionally and uses the one it is wired to.
 */
final class ProbeCamelContext {

    static final String CAMEL_KARAF = "org.apache.camel.karaf.core";

    private ProbeCamelContext() {
    }

    static CamelContext create(BundleContext ctx) {
        return wired(ctx, CAMEL_KARAF) ? camelKaraf(ctx) : standIn(ctx);
    }

    static String kind(BundleContext ctx) {
        return wired(ctx, CAMEL_KARAF) ? "camel-karaf" : "stand-in";
    }

    // separate methods: each class is loaded only on the path that uses it
    private static CamelContext camelKaraf(BundleContext ctx) {
        return new OsgiDefaultCamelContext(ctx);
    }

    private static CamelContext standIn(BundleContext ctx) {
        return new BundleCamelContext(ctx);
    }

    private static boolean wired(BundleContext ctx, String pkg) {
        for (BundleWire w : ctx.getBundle().adapt(BundleWiring.class)
                .getRequiredWires(BundleRevision.PACKAGE_NAMESPACE)) {
            if (pkg.equals(w.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }
}

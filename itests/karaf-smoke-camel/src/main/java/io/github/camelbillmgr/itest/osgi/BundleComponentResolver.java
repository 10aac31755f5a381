package io.github.camelbillmgr.itest.osgi;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentResolver;
import org.osgi.framework.Bundle;

/** Creates the component one bundle declares in {@code META-INF/services/org/apache/camel/component/<name>}. */
final class BundleComponentResolver implements ComponentResolver {

    private final Bundle bundle;
    private final String name;

    BundleComponentResolver(Bundle bundle, String name) {
        this.bundle = bundle;
        this.name = name;
    }

    @Override
    public Component resolveComponent(String requested, CamelContext context) throws Exception {
        String className = BundleEntries.factoryClass(bundle, ComponentServices.COMPONENT_DIR + "/" + name);
        if (className == null) {
            return null;
        }
        // the bundle's own class loader: the class and what it imports are wired as that bundle is
        Class<?> type = bundle.loadClass(className);
        return context.getInjector().newInstance(type.asSubclass(Component.class), false);
    }
}

package io.github.camelbillmgr.itest.osgi;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.TypeConverterLoader;
import org.apache.camel.spi.TypeConverterRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Loads the type converters other bundles list in {@code META-INF/services/org/apache/camel/TypeConverterLoader}
 * (camel-http, camel-attachments, camel-jackson): Camel looks for that file only through its own class loader.
 */
final class BundleTypeConverters {

    private static final String LOADERS = "META-INF/services/org/apache/camel/TypeConverterLoader";

    private BundleTypeConverters() {
    }

    static void load(BundleContext bundleContext, TypeConverterRegistry registry) {
        for (Bundle b : BundleEntries.usable(bundleContext.getBundles(), FrameworkBundles.camel())) {
            try {
                for (String className : BundleEntries.lines(b, LOADERS)) {
                    Class<?> type = b.loadClass(className);
                    TypeConverterLoader loader = (TypeConverterLoader) type.getDeclaredConstructor().newInstance();
                    loader.load(registry);
                }
            } catch (Exception | LinkageError e) { // loudly: a lost converter would fail far from here
                throw new RuntimeCamelException("Cannot load the type converters of bundle " + b.getSymbolicName(), e);
            }
        }
    }
}

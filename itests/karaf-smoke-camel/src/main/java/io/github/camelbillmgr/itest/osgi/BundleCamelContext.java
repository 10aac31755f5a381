package io.github.camelbillmgr.itest.osgi;

import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ClassResolver;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.spi.FactoryFinder;
import org.apache.camel.spi.FactoryFinderResolver;
import org.apache.camel.support.PluginHelper;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A {@link DefaultCamelContext} for OSGi, the stand-in's counterpart of camel-karaf's {@code OsgiDefaultCamelContext}:
 * components through the bundles' {@code ComponentResolver} services, every other Camel service file (configurers,
 * URI factories, languages, data formats) and the type converter loaders also from the other bundles, and class
 * names in routes through the class loader of the bundle that creates the context.
 */
public class BundleCamelContext extends DefaultCamelContext {

    public BundleCamelContext(BundleContext bundleContext) {
        // not built yet: the constructor installs Camel's own resolvers, which are replaced before anything uses them
        super(false);
        ExtendedCamelContext ext = getCamelContextExtension();
        FactoryFinderResolver camel = PluginHelper.getFactoryFinderResolver(ext);
        ext.addContextPlugin(FactoryFinderResolver.class, new FactoryFinderResolver() {
            @Override
            public FactoryFinder resolveFactoryFinder(ClassResolver classResolver, String path) {
                return new BundleFactoryFinder(camel.resolveFactoryFinder(classResolver, path), bundleContext, path);
            }

            @Override
            public FactoryFinder resolveBootstrapFactoryFinder(ClassResolver classResolver, String path) {
                return new BundleFactoryFinder(camel.resolveBootstrapFactoryFinder(classResolver, path), bundleContext,
                        path);
            }
        });
        ext.addContextPlugin(ComponentResolver.class,
                new ServiceComponentResolver(bundleContext, PluginHelper.getComponentResolver(ext)));
        // class names in routes (onException, bean types) are the creating bundle's: resolve them with its loader
        setApplicationContextClassLoader(bundleContext.getBundle().adapt(BundleWiring.class).getClassLoader());
        build();
        BundleTypeConverters.load(bundleContext, getTypeConverterRegistry());
    }
}

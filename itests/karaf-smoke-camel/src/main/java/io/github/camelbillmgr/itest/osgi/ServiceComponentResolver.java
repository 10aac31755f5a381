package io.github.camelbillmgr.itest.osgi;

import java.util.Collection;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentResolver;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * A context's {@link ComponentResolver}: a component bound in the registry first, then one an OSGi bundle offers as a
 * {@code ComponentResolver} service with {@code component=<name>} ({@link ComponentServices}), then Camel's own
 * resolver (the components embedded in the Camel bundle: direct, log, file).
 */
final class ServiceComponentResolver implements ComponentResolver {

    private final BundleContext bundleContext;
    private final ComponentResolver fallback;

    ServiceComponentResolver(BundleContext bundleContext, ComponentResolver fallback) {
        this.bundleContext = bundleContext;
        this.fallback = fallback;
    }

    @Override
    public Component resolveComponent(String name, CamelContext context) throws Exception {
        Component bound = context.getRegistry().lookupByNameAndType(name, Component.class);
        if (bound != null) {
            return bound;
        }
        for (ServiceReference<ComponentResolver> ref : services(name)) {
            ComponentResolver resolver = bundleContext.getService(ref);
            if (resolver != null) {
                try {
                    Component c = resolver.resolveComponent(name, context);
                    if (c != null) {
                        return c;
                    }
                } finally {
                    bundleContext.ungetService(ref);
                }
            }
        }
        return fallback.resolveComponent(name, context);
    }

    private Collection<ServiceReference<ComponentResolver>> services(String name) throws InvalidSyntaxException {
        if (name.indexOf('(') >= 0 || name.indexOf(')') >= 0 || name.indexOf('*') >= 0 || name.indexOf('\\') >= 0) {
            return java.util.List.of(); // not a component name an LDAP filter can hold
        }
        return bundleContext.getServiceReferences(ComponentResolver.class, "(component=" + name + ")");
    }
}

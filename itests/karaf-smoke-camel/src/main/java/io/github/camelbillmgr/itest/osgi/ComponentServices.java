package io.github.camelbillmgr.itest.osgi;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;

import org.apache.camel.spi.ComponentResolver;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;

/**
 * The activator of the stand-in Camel bundle. For every active bundle that ships
 * {@code META-INF/services/org/apache/camel/component/<name>}, registers a {@link ComponentResolver} service with the
 * property {@code component=<name>}, on behalf of that bundle (so the service goes away with it). This is the OSGi
 * contract camel-karaf offers, and the one the smoke probe checks: {@link BundleCamelContext} resolves components
 * through these services, so a component appears and disappears with its bundle.
 */
public final class ComponentServices implements BundleActivator {

    static final String COMPONENT_DIR = "META-INF/services/org/apache/camel/component";

    private BundleTracker<List<ServiceRegistration<ComponentResolver>>> tracker;

    @Override
    public void start(BundleContext ctx) {
        tracker = new BundleTracker<>(ctx, Bundle.ACTIVE, null) {
            @Override
            public List<ServiceRegistration<ComponentResolver>> addingBundle(Bundle bundle, BundleEvent event) {
                List<ServiceRegistration<ComponentResolver>> registered = register(bundle);
                return registered.isEmpty() ? null : registered; // null: not tracked
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event,
                                      List<ServiceRegistration<ComponentResolver>> registered) {
                for (ServiceRegistration<ComponentResolver> r : registered) {
                    try {
                        r.unregister();
                    } catch (IllegalStateException alreadyGone) {
                        // the framework unregisters a stopping bundle's services itself
                    }
                }
            }
        };
        tracker.open();
    }

    @Override
    public void stop(BundleContext ctx) {
        tracker.close();
    }

    private static List<ServiceRegistration<ComponentResolver>> register(Bundle bundle) {
        Enumeration<URL> entries = bundle.findEntries(COMPONENT_DIR, "*", false);
        BundleContext owner = bundle.getBundleContext();
        if (entries == null || owner == null) {
            return List.of();
        }
        List<ServiceRegistration<ComponentResolver>> registered = new ArrayList<>();
        for (URL entry : Collections.list(entries)) {
            String path = entry.getPath();
            if (path.endsWith("/")) {
                continue;
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("component", name);
            registered.add(
                    owner.registerService(ComponentResolver.class, new BundleComponentResolver(bundle, name), props));
        }
        return registered;
    }
}

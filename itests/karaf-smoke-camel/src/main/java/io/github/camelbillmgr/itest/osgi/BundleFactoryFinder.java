package io.github.camelbillmgr.itest.osgi;

import java.util.Optional;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.FactoryFinder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Camel's {@link FactoryFinder} (components, languages, data formats, configurers, URI factories, ...), first in the
 * Camel bundle itself, then in the other bundles: the first bundle that has the file {@code <path><key>} at its root,
 * and the class it names loaded by that bundle.
 */
final class BundleFactoryFinder implements FactoryFinder {

    private final FactoryFinder camel;
    private final BundleContext bundleContext;
    private final String path;

    BundleFactoryFinder(FactoryFinder camel, BundleContext bundleContext, String path) {
        this.camel = camel;
        this.bundleContext = bundleContext;
        this.path = path;
    }

    @Override
    public String getResourcePath() {
        return path;
    }

    @Override
    public Optional<Object> newInstance(String key) {
        return findClass(key).map(BundleFactoryFinder::instantiate);
    }

    @Override
    public <T> Optional<T> newInstance(String key, Class<T> type) {
        return findClass(key).map(BundleFactoryFinder::instantiate).map(type::cast);
    }

    @Override
    public Optional<Class<?>> findClass(String key) {
        Optional<Class<?>> own = camel.findClass(key);
        return own.isPresent() ? own : inBundles(key);
    }

    @Override
    public Optional<Class<?>> findOptionalClass(String key) {
        Optional<Class<?>> own = camel.findOptionalClass(key);
        return own.isPresent() ? own : inBundles(key);
    }

    @Override
    public void clear() {
        camel.clear();
    }

    private Optional<Class<?>> inBundles(String key) {
        Bundle self = FrameworkBundles.camel();
        for (Bundle b : BundleEntries.usable(bundleContext.getBundles(), self)) {
            try {
                String className = BundleEntries.factoryClass(b, path + key);
                if (className != null) {
                    return Optional.of(b.loadClass(className));
                }
            } catch (Exception e) {
                throw new RuntimeCamelException("Cannot load " + path + key + " from bundle " + b.getSymbolicName(), e);
            }
        }
        return Optional.empty();
    }

    private static Object instantiate(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new RuntimeCamelException("Cannot create " + type.getName(), e);
        }
    }
}

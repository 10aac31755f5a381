package io.github.camelbillmgr;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.internal.observe.BillmgrMetrics;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Without a MeterRegistry the component meters nothing; without Micrometer on the classpath (a Karaf without it: the
 * import is optional) it still loads and works, with a MeterRegistry in the Camel registry or not.
 */
class MetricsAbsentTest extends BillmgrTestSupport {

    @Test
    void noRegistryMeansNoMeters() {
        BillmgrComponent billmgr = context.getComponent("billmgr", BillmgrComponent.class);
        assertSame(BillmgrMetrics.NONE, billmgr.metricsFor(billmgr.getConfiguration()));
        assertNotNull(call("billmgr:func/whoami", null, JsonNode.class));
    }

    @Test
    void withoutMicrometerTheComponentLoadsAndCalls() throws Exception {
        context.getRegistry().bind("metricsRegistry", new SimpleMeterRegistry());
        try (HidingClassLoader loader = new HidingClassLoader()) {
            // the hiding works: the class that uses Micrometer cannot be loaded
            assertThrows(NoClassDefFoundError.class,
                    () -> Class.forName("io.github.camelbillmgr.internal.observe.MicrometerMetrics", true, loader)
                            .getDeclaredConstructors());

            Component billmgr = (Component) Class.forName(BillmgrComponent.class.getName(), true, loader)
                    .getDeclaredConstructor().newInstance();
            Object conf = billmgr.getClass().getMethod("getConfiguration").invoke(billmgr);
            conf.getClass().getMethod("setBaseUrl", String.class).invoke(conf, simulator.getBaseUrl());
            conf.getClass().getMethod("setUsername", String.class).invoke(conf, BillmgrSimulator.CLIENT_USER);
            conf.getClass().getMethod("setPassword", String.class).invoke(conf, BillmgrSimulator.CLIENT_PASSWORD);
            context.addComponent("billmgr-nomicrometer", billmgr);

            Exchange e = send("billmgr-nomicrometer:func/whoami", null);
            assertNull(e.getException());
            assertEquals(billmgr.getClass().getClassLoader(),
                    e.getContext().getEndpoint("billmgr-nomicrometer:func/whoami")
                            .getClass().getClassLoader(),
                    "the endpoint is the hidden loader's");
            Object metrics = invokeMetricsFor(billmgr, conf);
            assertFalse((Boolean) metrics.getClass().getMethod("enabled").invoke(metrics),
                    "no meters, although a MeterRegistry is bound: Micrometer cannot be loaded");
        }
    }

    private static Object invokeMetricsFor(Object component, Object conf) throws Exception {
        var m = component.getClass().getDeclaredMethod("metricsFor", conf.getClass());
        m.setAccessible(true);
        return m.invoke(component, conf);
    }

    /** The component's classes, loaded on their own, with every io.micrometer class missing. */
    private static final class HidingClassLoader extends URLClassLoader {

        HidingClassLoader() throws Exception {
            super(new URL[] { Path.of("target/classes").toUri().toURL() }, MetricsAbsentTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                throw new ClassNotFoundException(name + " is hidden by the test");
            }
            if (!name.startsWith("io.github.camelbillmgr.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}

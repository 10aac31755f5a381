package io.github.camelbillmgr.internal.observe;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;

/**
 * Looks up the application's {@link MeterRegistry} the way camel-micrometer does: the bean named
 * {@value #METRICS_REGISTRY_NAME} (camel-micrometer's {@code MicrometerConstants.METRICS_REGISTRY_NAME}, which
 * Camel Main's {@code camel.metrics.*} binds), else the only {@code MeterRegistry} bean (Spring Boot's, for example),
 * else, among several, the only composite one (Spring Boot's primary registry). Unlike camel-micrometer, it never
 * creates a registry of its own: meters nobody reads are not worth keeping. Loaded only when Micrometer is present.
 */
final class MicrometerRegistries {

    static final String METRICS_REGISTRY_NAME = "metricsRegistry";

    private MicrometerRegistries() {
    }

    /** The meters of an account, or null when the Camel registry has no MeterRegistry to put them in. */
    static BillmgrMetrics metrics(CamelContext context, String url, String user) {
        MeterRegistry registry = find(context);
        if (registry == null) {
            return null;
        }
        Tags account = Tags.of(MeterNames.CAMEL_CONTEXT, context.getName(), MeterNames.URL, String.valueOf(url),
                MeterNames.USER, String.valueOf(user));
        return new MicrometerMetrics(registry, account);
    }

    static MeterRegistry find(CamelContext context) {
        var beans = context.getRegistry();
        MeterRegistry named = beans.lookupByNameAndType(METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (named != null) {
            return named;
        }
        Set<MeterRegistry> all = beans.findByType(MeterRegistry.class);
        if (all.size() == 1) {
            return all.iterator().next();
        }
        MeterRegistry composite = null;
        for (MeterRegistry r : all) {
            if (r instanceof CompositeMeterRegistry) {
                if (composite != null) {
                    return null; // two composites: no way to tell which one the application reads
                }
                composite = r;
            }
        }
        return composite;
    }
}

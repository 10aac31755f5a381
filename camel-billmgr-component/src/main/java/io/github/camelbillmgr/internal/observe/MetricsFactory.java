package io.github.camelbillmgr.internal.observe;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the application's Micrometer registry, if it has one, and makes the meters of an account. Micrometer is an
 * optional dependency (an optional import in OSGi): this class never names a Micrometer type, and only touches
 * {@link MicrometerRegistries} once it knows Micrometer can be loaded, so that without it nothing fails to load.
 */
public final class MetricsFactory {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsFactory.class);
    private static final boolean MICROMETER = micrometerLoadable();

    private MetricsFactory() {
    }

    /**
     * The meters of an account, in the registry the Camel registry holds (see {@link MicrometerRegistries#find}), or
     * {@link BillmgrMetrics#NONE} when there is none or Micrometer is not on the classpath.
     *
     * @param url  the base URL without user info or query (the endpoint's service URL)
     * @param user the BILLmanager user
     */
    public static BillmgrMetrics forAccount(CamelContext context, String url, String user) {
        if (!MICROMETER) {
            return BillmgrMetrics.NONE;
        }
        BillmgrMetrics metrics = MicrometerRegistries.metrics(context, url, user);
        if (metrics == null) {
            LOG.debug("No Micrometer MeterRegistry in the Camel registry: the billmgr component records no metrics");
            return BillmgrMetrics.NONE;
        }
        return metrics;
    }

    private static boolean micrometerLoadable() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, MetricsFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

package io.github.camelbillmgr.itest.karaf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.model.BillmgrService;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.PropertyBindingSupport;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The Camel part of the probe: a CamelContext for OSGi ({@link ProbeCamelContext}), the {@code billmgr}
 * component it discovers in the camel-billmgr bundle, two more configured from it (administrator, empty balance), the
 * {@link SmokeRoutes}, and one exchange per step. Every result goes to {@code out}; the test compares it with the
 * simulator.
 *
 * <p>
 * Loaded only once camel-billmgr is installed: the probe reaches {@code io.github.camelbillmgr} through a
 * {@code DynamicImport-Package} (it boots before the feature exists).
 */
final class SmokeScenario {

    /** How long the context waits for in-flight exchanges when it stops: a failed run should not wait 45 s. */
    private static final int SHUTDOWN_TIMEOUT_SECONDS = 2;

    private SmokeScenario() {
    }

    static void run(BundleContext ctx, Properties cfg, Properties out) throws Exception {
        CamelContext camel = ProbeCamelContext.create(ctx);
        out.setProperty("camel.runtime", ProbeCamelContext.kind(ctx));
        camel.getShutdownStrategy().setTimeout(SHUTDOWN_TIMEOUT_SECONDS);
        try {
            // found through the ComponentResolver service registered from the bundle's META-INF/services, configured by its generated configurer
            Component found = camel.getComponent("billmgr");
            out.setProperty("component.class", found.getClass().getName());
            out.setProperty("component.bundle", FrameworkUtil.getBundle(found.getClass()).getSymbolicName());
            Map<String, Object> options = new HashMap<>(); // bindProperties removes what it bound
            for (String name : new String[] { "baseUrl", "username", "password" }) {
                options.put(name, cfg.getProperty(name));
            }
            PropertyBindingSupport.bindProperties(camel, found, options);
            BillmgrComponent billmgr = (BillmgrComponent) found;
            camel.addComponent(SmokeRoutes.ADMIN,
                    copyAs(billmgr, cfg.getProperty("adminUsername"), cfg.getProperty("adminPassword")));
            camel.addComponent(SmokeRoutes.UNFUNDED,
                    copyAs(billmgr, cfg.getProperty("unfundedUsername"), cfg.getProperty("unfundedPassword")));

            camel.addRoutes(new SmokeRoutes());
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            Message whoami = call(template, "direct:whoami", null);
            out.setProperty("whoami.body", String.valueOf(whoami.getBody(String.class)));

            Message order = call(template, "direct:order", null);
            out.setProperty("order.serviceId", String.valueOf(order.getHeader(BillmgrConstants.SERVICE_ID)));
            out.setProperty("order.bodyType", typeOf(order.getBody()));

            Message list = call(template, "direct:list", null);
            out.setProperty("list.totalCount", String.valueOf(list.getHeader(BillmgrConstants.TOTAL_COUNT)));
            out.setProperty("list.bodyType", typeOf(list.getBody()));

            Message listXml = call(template, "direct:list-xml", null);
            out.setProperty("listXml.totalCount", String.valueOf(listXml.getHeader(BillmgrConstants.TOTAL_COUNT)));

            license(template, Path.of(cfg.getProperty("result")).getParent(), out);

            Message unfunded = call(template, "direct:unfunded-order", null);
            out.setProperty("error.caughtBy", String.valueOf(unfunded.getHeader(SmokeRoutes.CAUGHT_BY)));
            out.setProperty("error.class", String.valueOf(unfunded.getHeader(SmokeRoutes.CAUGHT_CLASS)));
            out.setProperty("error.classBundle", String.valueOf(unfunded.getHeader(SmokeRoutes.CAUGHT_CLASS_BUNDLE)));
            out.setProperty("error.deficit", String.valueOf(unfunded.getHeader(SmokeRoutes.CAUGHT_DEFICIT)));
        } finally {
            camel.close();
        }
    }

    /** Order, suspend (checkpoint: the test looks at the simulator), resume; the status read back after each. */
    private static void license(ProducerTemplate template, Path dir, Properties out) throws Exception {
        Message ordered = call(template, "direct:license-order", null);
        Object id = ordered.getHeader(BillmgrConstants.SERVICE_ID);
        out.setProperty("license.serviceId", String.valueOf(id));
        out.setProperty("license.ordered.status", status(ordered));

        Message suspended = call(template, "direct:license-suspend", id);
        out.setProperty("license.suspended.status", status(suspended));
        Properties at = new Properties();
        at.setProperty("serviceId", String.valueOf(id));
        Checkpoint.reach(dir, "license-suspended", at, Duration.ofSeconds(30));

        Message resumed = call(template, "direct:license-resume", id);
        out.setProperty("license.resumed.status", status(resumed));
    }

    private static BillmgrComponent copyAs(BillmgrComponent base, String username, String password) {
        BillmgrConfiguration c = base.getConfiguration().copy();
        c.setUsername(username);
        c.setPassword(password);
        BillmgrComponent component = new BillmgrComponent();
        component.setConfiguration(c);
        return component;
    }

    private static Message call(ProducerTemplate template, String uri, Object serviceId) {
        Exchange e = template.request(uri, x -> {
            if (serviceId != null) {
                x.getMessage().setHeader(BillmgrConstants.SERVICE_ID, serviceId);
            }
        });
        if (e.getException() != null) {
            throw new IllegalStateException(uri + " failed: " + e.getException(), e.getException());
        }
        return e.getMessage();
    }

    private static String status(Message m) {
        return String.valueOf(m.getBody(BillmgrService.class).getStatus());
    }

    private static String typeOf(Object body) {
        return body == null ? "null" : body.getClass().getName();
    }
}

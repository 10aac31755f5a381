package io.github.camelbillmgr.itest.karaf;

import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrInsufficientFundsException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.framework.FrameworkUtil;

/**
 * The routes the probe runs in Karaf, written as a user's bundle would write them. The exception classes in the
 * {@code onException} clauses are those this bundle's class loader sees through its import of
 * {@code io.github.camelbillmgr}: they only match what the component throws if both bundles share one copy of the
 * class, which is what the {@code unfunded-order} route checks.
 */
final class SmokeRoutes extends RouteBuilder {

    /** The second component, logged in as the administrator: BILLmanager lets only administrators suspend and resume. */
    static final String ADMIN = "billmgr-admin";
    /** The third component, logged in as a client whose balance is zero. */
    static final String UNFUNDED = "billmgr-unfunded";

    /** Headers the onException clauses of {@code unfunded-order} set. */
    static final String CAUGHT_BY = "SmokeCaughtBy";
    static final String CAUGHT_CLASS = "SmokeCaughtClass";
    static final String CAUGHT_CLASS_BUNDLE = "SmokeCaughtClassBundle";
    static final String CAUGHT_DEFICIT = "SmokeCaughtDeficit";

    @Override
    public void configure() {
        from("direct:whoami").routeId("whoami").to("billmgr:func/whoami");
        from("direct:order").routeId("order").to("billmgr:vds/order?pricelist=6&period=1");
        from("direct:list").routeId("list").to("billmgr:vds/list");
        // XML replies go through Woodstox, a bundle of its own the component imports
        from("direct:list-xml").routeId("list-xml").to("billmgr:vds/list?format=xml");

        // a VMmanager 6 license (tariff 55163), paid for one month, read back after each step
        from("direct:license-order").routeId("license-order")
                .to("billmgr:platform/order?pricelist=55163&period=1")
                .to("billmgr:platform/get");
        from("direct:license-suspend").routeId("license-suspend")
                .to(ADMIN + ":platform/suspend")
                .to("billmgr:platform/get");
        from("direct:license-resume").routeId("license-resume")
                .to(ADMIN + ":platform/resume")
                .to("billmgr:platform/get");

        // Camel picks the most specific clause: the base class must not win over the exact one
        from("direct:unfunded-order").routeId("unfunded-order")
                .onException(BillmgrInsufficientFundsException.class).handled(true)
                    .process(e -> caught(e, "onException(BillmgrInsufficientFundsException)"))
                .end()
                .onException(BillmgrException.class).handled(true)
                    .process(e -> caught(e, "onException(BillmgrException)"))
                .end()
                .to(UNFUNDED + ":vds/order?pricelist=6&period=1");
    }

    private static void caught(Exchange exchange, String clause) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.getMessage().setHeader(CAUGHT_BY, clause);
        exchange.getMessage().setHeader(CAUGHT_CLASS, e.getClass().getName());
        exchange.getMessage().setHeader(CAUGHT_CLASS_BUNDLE, FrameworkUtil.getBundle(e.getClass()).getSymbolicName());
        if (e instanceof BillmgrInsufficientFundsException funds) {
            exchange.getMessage().setHeader(CAUGHT_DEFICIT, funds.getDeficit() + " " + funds.getCurrency());
        }
    }
}

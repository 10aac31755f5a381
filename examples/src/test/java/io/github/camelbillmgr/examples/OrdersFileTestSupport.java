package io.github.camelbillmgr.examples;

import java.util.Properties;

import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * The batch routes of {@link VpsOrderRoutes} (and their error handling) against a fresh simulator per test, on the
 * orders file a subclass names.
 */
abstract class OrdersFileTestSupport extends CamelTestSupport {

    protected BillmgrSimulator simulator;

    /** The orders file, e.g. {@code classpath:broken-orders.csv}. */
    protected abstract String ordersFile();

    @Override
    protected void doPreSetup() throws Exception {
        simulator = new BillmgrSimulator().start();
    }

    @Override
    protected void doPostTearDown() throws Exception {
        simulator.stop();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BillmgrComponent billmgr = new BillmgrComponent();
        billmgr.getConfiguration().setBaseUrl(simulator.getBaseUrl());
        billmgr.getConfiguration().setUsername(BillmgrSimulator.CLIENT_USER);
        billmgr.getConfiguration().setPassword(BillmgrSimulator.CLIENT_PASSWORD);
        context.addComponent("billmgr", billmgr);
        return context;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("example.orders", ordersFile());
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new BillmgrErrorHandling(), new VpsOrderRoutes() };
    }
}

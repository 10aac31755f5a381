package io.github.camelbillmgr.examples;

import java.util.List;
import java.util.Properties;

import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.SimService;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the batch routes, with Camel's test support, on an orders file with broken lines: each bad line is a failed
 * line of the report and the batch goes on to the next.
 */
class VpsOrderRoutesTest extends CamelTestSupport {

    private BillmgrSimulator simulator;

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
        p.setProperty("example.orders", "classpath:broken-orders.csv");
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new BillmgrErrorHandling(), new VpsOrderRoutes() };
    }

    @Test
    void badLinesAreFailedLinesAndTheBatchGoesOn() {
        OrderReport report = template.requestBody("direct:order-batch", null, OrderReport.class);

        List<String> lines = report.lines().stream().map(StepOutcome::line).toList();
        assertEquals(6, lines.size(), lines::toString);
        assertEquals(2, report.ordered(), lines::toString);
        assertTrue(lines.get(0).startsWith("[ok]     ordered vds "), lines::toString);
        assertEquals("[failed] line 3 of the orders file cannot be read: expected 5 comma separated fields "
                     + "(remoteid,tariff,period,ostempl,ram_mb), got 4: t-2,6,1,ISPsystem__Ubuntu-22.04-amd64",
                lines.get(1));
        assertEquals("[failed] line 4 of the orders file cannot be read: not an OS template name: 'Ubuntu 22.04'",
                lines.get(2));
        assertEquals("[failed] order t-4: BILLmanager error 'value' (period): The 'Period' field has invalid value.",
                lines.get(3));
        assertEquals("[failed] order t-5: BILLmanager error 'value' (addon_11): The 'Add-on 11' field has invalid value.",
                lines.get(4));
        assertTrue(lines.get(5).startsWith("[ok]     ordered vds "), lines::toString);

        List<String> remoteIds = simulator.state().servicesOf("vds").stream().map(SimService::remoteId).toList();
        assertEquals(List.of("t-1", "t-6"), remoteIds);
        assertEquals(report.firstOrderedServiceId().orElseThrow(),
                simulator.state().servicesOf("vds").get(0).id());
    }
}

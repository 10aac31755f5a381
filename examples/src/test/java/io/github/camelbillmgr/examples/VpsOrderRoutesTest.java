package io.github.camelbillmgr.examples;

import java.util.List;

import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the batch routes, with Camel's test support, on an orders file with broken lines: each bad line is a failed
 * line of the report and the batch goes on to the next.
 */
class VpsOrderRoutesTest extends OrdersFileTestSupport {

    @Override
    protected String ordersFile() {
        return "classpath:broken-orders.csv";
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
        assertEquals(
                "[failed] order t-5: BILLmanager error 'value' (addon_11): The 'Add-on 11' field has invalid value.",
                lines.get(4));
        assertTrue(lines.get(5).startsWith("[ok]     ordered vds "), lines::toString);

        List<String> remoteIds = simulator.state().servicesOf("vds").stream().map(SimService::remoteId).toList();
        assertEquals(List.of("t-1", "t-6"), remoteIds);
        assertEquals(report.firstOrderedServiceId().orElseThrow(),
                simulator.state().servicesOf("vds").get(0).id());
    }
}

package io.github.camelbillmgr.examples;

import java.util.List;

import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The batch route on an orders file as a spreadsheet saves it (spreadsheet-orders.csv): UTF-8 with a byte-order mark,
 * CRLF line ends, every field quoted, a remote id with a comma and one with quotes in it. Every line is ordered with
 * its remote id unquoted; the header is not a failed order.
 */
class SpreadsheetOrdersFileTest extends OrdersFileTestSupport {

    @Override
    protected String ordersFile() {
        return "classpath:spreadsheet-orders.csv";
    }

    @Test
    void quotedFieldsAndTheByteOrderMarkAreRead() {
        OrderReport report = template.requestBody("direct:order-batch", null, OrderReport.class);

        List<String> lines = report.lines().stream().map(StepOutcome::line).toList();
        assertEquals(3, report.ordered(), lines::toString);
        assertEquals(3, lines.size(), "the header after the BOM is no order line: " + lines);
        assertEquals(List.of("q-1", "q-2, second office", "q-3 \"vip\""),
                simulator.state().servicesOf("vds").stream().map(SimService::remoteId).toList());
        assertEquals(List.of(6L, 6L, 7L),
                simulator.state().servicesOf("vds").stream().map(SimService::pricelistId).toList());
    }
}

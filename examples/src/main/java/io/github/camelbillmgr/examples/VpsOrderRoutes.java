package io.github.camelbillmgr.examples;

import java.io.InputStream;
import java.util.Map;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ResourceHelper;

import static io.github.camelbillmgr.examples.BillmgrErrorHandling.LOG;
import static io.github.camelbillmgr.examples.BillmgrErrorHandling.REMOTE_ID;
import static io.github.camelbillmgr.examples.BillmgrErrorHandling.STEP;

/**
 * Step 1: a batch of VPS orders.
 * <ul>
 * <li>{@code direct:order-batch} reads the orders file ({@code example.orders}, by default
 * {@code classpath:orders.csv}), splits it line by line (streaming), sends each line to {@code direct:order-vps}
 * and aggregates the outcomes into one {@link OrderReport}, the body it returns. A line that cannot be read
 * (doTry/doCatch) is a failed line of the report.</li>
 * <li>{@code direct:order-vps} orders one VPS with {@code billmgr:vds/order}: tariff, period, remote id and RAM
 * add-on as headers, the OS template as an endpoint option. A failure of one line is handled by
 * {@link BillmgrErrorHandling} and becomes a failed line of the report; the other lines are still ordered.</li>
 * </ul>
 */
public class VpsOrderRoutes extends RouteBuilder {

    @Override
    public void configure() throws Exception {
        from("direct:order-batch").routeId("order-batch")
                .log(LoggingLevel.INFO, LOG, "Ordering the VPS batch of {{example.orders}}")
                .process(this::openOrdersFile)
                .split(body().tokenize("\n"), new OrderReportAggregator()).streaming()
                    .to("direct:order-vps")
                .end()
                .log(LoggingLevel.INFO, LOG, "VPS batch done: ${body.ordered()} ordered, ${body.failed()} failed");

        from("direct:order-vps").routeId("order-vps")
                .doTry()
                    .process(exchange -> exchange.getMessage()
                            .setBody(OrderLine.parse(exchange.getMessage().getBody(String.class))))
                .doCatch(IllegalArgumentException.class)
                    // a line that cannot be read is a failed line of the report; the batch goes on
                    .process(this::unreadable)
                .end()
                // blank, comment and header lines are null here, unreadable ones a failed outcome already
                .filter(body().isInstanceOf(OrderLine.class))
                    .process(this::prepareOrder)
                    .log(LoggingLevel.INFO, LOG, "${exchangeProperty." + STEP + "}: ${body.describe()}")
                    .toD("billmgr:vds/order?ostempl=${body.ostempl()}")
                    .process(this::ordered)
                .end();
    }

    private void openOrdersFile(Exchange exchange) throws Exception {
        String location = exchange.getContext().resolvePropertyPlaceholders("{{example.orders}}");
        InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(exchange.getContext(), location);
        exchange.getMessage().setBody(in);
    }

    private void unreadable(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int lineNo = exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class) + 1;
        exchange.getMessage().setBody(StepOutcome.failed("order line " + lineNo,
                "line " + lineNo + " of the orders file cannot be read: " + e.getMessage(), "unreadable-line"));
    }

    private void prepareOrder(Exchange exchange) {
        OrderLine line = exchange.getMessage().getBody(OrderLine.class);
        exchange.setProperty(STEP, "order " + line.remoteId());
        exchange.setProperty(REMOTE_ID, line.remoteId());
        exchange.setProperty("BillmgrExampleOrderLine", line);
        exchange.getMessage().setHeader(BillmgrConstants.PRICELIST, line.tariff());
        exchange.getMessage().setHeader(BillmgrConstants.PERIOD, line.period());
        exchange.getMessage().setHeader(BillmgrConstants.REMOTE_ID, line.remoteId());
        exchange.getMessage().setHeader(BillmgrConstants.ADDONS, Map.of(OrderLine.RAM_ADDON, line.ramMb()));
    }

    private void ordered(Exchange exchange) {
        OrderLine line = exchange.getProperty("BillmgrExampleOrderLine", OrderLine.class);
        BillmgrOrderResult result = exchange.getMessage().getBody(BillmgrOrderResult.class);
        String text = result.getServiceId() != null
                ? "ordered vds " + result.getServiceId() + " (remoteid " + line.remoteId() + ": " + line.describe() + ")"
                : "order " + line.remoteId() + " is waiting in the cart as order " + result.getBillorder();
        exchange.getMessage().setBody(StepOutcome.ok("order " + line.remoteId(), text, result.getServiceId())
                .withRemoteId(line.remoteId()));
    }
}

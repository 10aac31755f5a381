package io.github.camelbillmgr.examples;

import java.io.InputStream;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ResourceHelper;

import static io.github.camelbillmgr.examples.BillmgrErrorHandling.LOG;
import static io.github.camelbillmgr.examples.BillmgrErrorHandling.STEP;

/**
 * Step 1: a batch of VPS orders.
 * <ul>
 * <li>{@code direct:order-batch} reads the orders file ({@code example.orders}, by default
 * {@code classpath:orders.csv}), splits it line by line (streaming), sends each line to {@code direct:order-vps}
 * and aggregates the outcomes into one {@link OrderReport}, the body it returns. A line that cannot be read
 * (doTry/doCatch) is a failed line of the report.</li>
 * <li>{@code direct:order-vps} orders one VPS with {@code billmgr:vds/order}: tariff, period, remote id, OS template
 * and RAM add-on as headers, so one static endpoint serves every line (the steps are {@link OrderSteps}). The bulk
 * order inbox ({@link BulkOrderRoutes}) sends its lines here too. A failure of one line is handled by
 * {@link BillmgrErrorHandling} and becomes a failed line of the report; the other lines are still ordered.</li>
 * </ul>
 */
public class VpsOrderRoutes extends RouteBuilder {

    /**
     * Progress of a batch: Camel's throughput logger logs how many lines were done, and how fast, every
     * example.progress.interval ms (10 s by default) while a batch runs, instead of one line per order.
     */
    static final String PROGRESS = "log:io.github.camelbillmgr.examples.progress"
            + "?groupInterval={{example.progress.interval:10000}}&groupActiveOnly=true";

    @Override
    public void configure() throws Exception {
        from("direct:order-batch").routeId("order-batch")
                .log(LoggingLevel.INFO, LOG, "Ordering the VPS batch of {{example.orders}}")
                .process(this::openOrdersFile)
                .split(body().tokenize("\n"), new OrderReportAggregator()).streaming()
                    .to("direct:order-vps")
                    .to(PROGRESS)
                .end()
                .log(LoggingLevel.INFO, LOG, "VPS batch done: ${body.ordered()} ordered, ${body.failed()} failed");

        from("direct:order-vps").routeId("order-vps")
                .doTry()
                    .process(OrderSteps::parse)
                .doCatch(IllegalArgumentException.class)
                    // a line that cannot be read is a failed line of the report; the batch goes on
                    .process(OrderSteps::unreadable)
                .end()
                // blank, comment and header lines are null here, unreadable ones a failed outcome already
                .filter(body().isInstanceOf(OrderLine.class))
                    .process(OrderSteps::prepare)
                    // DEBUG: a batch of 100,000 lines would log 100,000 lines; PROGRESS counts them instead
                    .log(LoggingLevel.DEBUG, LOG, "${exchangeProperty." + STEP + "}: ${body.describe()}")
                    .to("billmgr:vds/order")
                    .process(OrderSteps::ordered)
                .end();
    }

    private void openOrdersFile(Exchange exchange) throws Exception {
        String location = exchange.getContext().resolvePropertyPlaceholders("{{example.orders}}");
        InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(exchange.getContext(), location);
        exchange.getMessage().setBody(in);
    }
}

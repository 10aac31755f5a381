package io.github.camelbillmgr.examples;

import java.util.Map;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import org.apache.camel.Exchange;

import static io.github.camelbillmgr.examples.BillmgrErrorHandling.REMOTE_ID;
import static io.github.camelbillmgr.examples.BillmgrErrorHandling.STEP;

/**
 * The steps of the {@code direct:order-vps} route (one line of an orders file), as static methods taking the
 * exchange: the Java route calls them with {@code .process(OrderSteps::prepare)}, the YAML and XML routes with a
 * {@code bean} step ({@code beanType: io.github.camelbillmgr.examples.OrderSteps}, {@code method: prepare}).
 */
public final class OrderSteps {

    /** Exchange property: the {@link OrderLine} being ordered. */
    public static final String ORDER_LINE = "BillmgrExampleOrderLine";

    private OrderSteps() {
    }

    /**
     * Body: a line of the orders file (a String) becomes its {@link OrderLine}, or null for a blank, comment or
     * header line.
     *
     * @throws IllegalArgumentException when the line is an order line that cannot be read
     */
    public static void parse(Exchange exchange) {
        exchange.getMessage().setBody(OrderLine.parse(exchange.getMessage().getBody(String.class)));
    }

    /** After {@link #parse} failed: the body becomes a failed {@link StepOutcome} naming the line. */
    public static void unreadable(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int lineNo = exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class) + 1;
        exchange.getMessage().setBody(StepOutcome.failed("order line " + lineNo,
                "line " + lineNo + " of the orders file cannot be read: " + e.getMessage(), "unreadable-line"));
    }

    /**
     * Body: an {@link OrderLine}. Sets the headers {@code billmgr:vds/order} reads: tariff, period, remote id, OS
     * template and the RAM add-on, so that the endpoint URI is the same for every line (no toD, one endpoint).
     */
    public static void prepare(Exchange exchange) {
        OrderLine line = exchange.getMessage().getBody(OrderLine.class);
        exchange.setProperty(STEP, "order " + line.remoteId());
        exchange.setProperty(REMOTE_ID, line.remoteId());
        exchange.setProperty(ORDER_LINE, line);
        exchange.getMessage().setHeader(BillmgrConstants.PRICELIST, line.tariff());
        exchange.getMessage().setHeader(BillmgrConstants.PERIOD, line.period());
        exchange.getMessage().setHeader(BillmgrConstants.REMOTE_ID, line.remoteId());
        exchange.getMessage().setHeader(BillmgrConstants.OSTEMPL, line.ostempl());
        exchange.getMessage().setHeader(BillmgrConstants.ADDONS, Map.of(OrderLine.RAM_ADDON, line.ramMb()));
    }

    /** Body: the {@link BillmgrOrderResult} of {@code billmgr:vds/order}; becomes an ok {@link StepOutcome}. */
    public static void ordered(Exchange exchange) {
        OrderLine line = exchange.getProperty(ORDER_LINE, OrderLine.class);
        BillmgrOrderResult result = exchange.getMessage().getBody(BillmgrOrderResult.class);
        String text = result.getServiceId() != null
                ? "ordered vds " + result.getServiceId() + " (remoteid " + line.remoteId() + ": " + line.describe()
                        + ")"
                : "order " + line.remoteId() + " is waiting in the cart as order " + result.getBillorder();
        exchange.getMessage().setBody(StepOutcome.ok("order " + line.remoteId(), text, result.getServiceId())
                .withRemoteId(line.remoteId()));
    }
}

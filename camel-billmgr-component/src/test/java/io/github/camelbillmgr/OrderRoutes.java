package io.github.camelbillmgr;

// The class between the tag lines is shown in docs/reliability.md verbatim (ReliabilityRecipeTest checks it): keep
// the two in step. ReliabilityRecipeTest runs it.
// tag::order-routes[]
import io.github.camelbillmgr.BillmgrBusyException;
import io.github.camelbillmgr.BillmgrOutcomeUnknownException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

/** One VPS per order message, never two: docs/reliability.md. */
public class OrderRoutes extends RouteBuilder {

    private final IdempotentRepository processedOrders;

    public OrderRoutes(IdempotentRepository processedOrders) {
        this.processedOrders = processedOrders;
    }

    @Override
    public void configure() {
        from("direct:orders").routeId("billmgr-orders")
            // No answer came back (UNKNOWN), or BILLmanager was busy (NOT_DONE): try again in the same exchange.
            // Safe: before it orders again, the component looks for a service with the order's remote id.
            .onException(BillmgrOutcomeUnknownException.class, BillmgrBusyException.class)
                .maximumRedeliveries(5).redeliveryDelay(2000).useExponentialBackOff()
            .end()
            // A copy of an order that is being or was processed (the broker delivered it again, the shop sent it
            // twice) stops here, before BILLmanager. The key is written before the order is sent, and removed
            // again when the exchange fails, so that the message can be replayed.
            .idempotentConsumer(header("orderNumber"), processedOrders)
                .to("billmgr:vds/order?pricelist=6&period=1&ostempl=ISPsystem__Ubuntu-22.04-amd64"
                    // the business key: the same order number is the same remote id, in every run
                    + "&remoteIdExpression=shop-${header.orderNumber}"
                    // a replay in a new exchange (dead letter, restart) looks the remote id up before ordering
                    + "&lookupBeforeOrder=always")
                .log("Order ${header.orderNumber}: VPS ${header.CamelBillmgrServiceId}")
            .end();
    }
}
// end::order-routes[]

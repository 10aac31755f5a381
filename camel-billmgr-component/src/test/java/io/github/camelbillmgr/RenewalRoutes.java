package io.github.camelbillmgr;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The renewal recipe of docs/reliability.md: the part between the tag lines is shown there verbatim
 * (ReliabilityRecipeTest checks it and runs it).
 */
public class RenewalRoutes extends RouteBuilder {

    private final IdempotentRepository processedRenewals;

    public RenewalRoutes(IdempotentRepository processedRenewals) {
        this.processedRenewals = processedRenewals;
    }

    @Override
    public void configure() {
        // tag::renewal-route[]
        from("direct:renewals").routeId("billmgr-renewals")
            // Safe to redeliver: a service whose expire date moved since the first attempt is not renewed again.
            .onException(BillmgrOutcomeUnknownException.class, BillmgrBusyException.class)
                .maximumRedeliveries(5).redeliveryDelay(2000).useExponentialBackOff()
            .end()
            // Refused, or never sent (NOT_DONE): nothing was renewed, so the same message may come again.
            .onException(BillmgrException.class)
                .onWhen(e -> e.getException(BillmgrException.class).getOutcome() == BillmgrOutcome.NOT_DONE)
                .process(e -> processedRenewals.remove(e.getMessage().getHeader("invoiceNumber", String.class)))
            .end()
            // After any other failure the key stays: a new exchange cannot tell whether the first one renewed,
            // so no copy of the message renews again before someone has looked at the expire date.
            .idempotentConsumer(header("invoiceNumber"), processedRenewals).removeOnFailure(false)
                .setHeader(BillmgrConstants.SERVICE_ID, header("serviceId"))
                .to("billmgr:vds/prolong?period=1")
            .end();
        // end::renewal-route[]
    }
}

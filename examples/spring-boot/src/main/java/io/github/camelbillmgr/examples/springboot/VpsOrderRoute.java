package io.github.camelbillmgr.examples.springboot;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrInsufficientFundsException;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * direct:order-vps orders one VPS per message, its remote id (the shop's order number) from the body. The tariff,
 * period and OS template are example.vps.* properties; the address and credentials are the component's
 * (camel.component.billmgr.*), so the URI carries no secret. A refused order for lack of money is answered, not
 * retried: the body says how much is missing.
 */
@Component
public class VpsOrderRoute extends RouteBuilder {

    @Override
    public void configure() {
        onException(BillmgrInsufficientFundsException.class).handled(true)
                .setBody(simple("top up needed: ${exception.deficit} ${exception.currency}"))
                .log("order ${header.CamelBillmgrRemoteId}: ${body}");

        from("direct:order-vps").routeId("order-vps")
                .setHeader(BillmgrConstants.REMOTE_ID, body())
                .to("billmgr:vds/order?pricelist={{example.vps.pricelist}}&period={{example.vps.period}}"
                    + "&ostempl={{example.vps.ostempl}}")
                .log("order ${header.CamelBillmgrRemoteId}: VPS ${header.CamelBillmgrServiceId}")
                .setBody(header(BillmgrConstants.SERVICE_ID));
    }
}

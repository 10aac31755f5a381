package io.github.camelbillmgr.docs;

import java.time.LocalDate;
import java.util.List;

import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.model.BillmgrProlongResult;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.BillmgrSimulatorExtension;
import io.github.camelbillmgr.simulator.model.SimService;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first route and the simulator test of docs/getting-started.md, as written there (the routes are copied from
 * the page; keep them in step).
 */
class GettingStartedExampleTest extends CamelTestSupport {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension();

    /** docs/getting-started.md, "A first route". */
    static class VpsRoutes extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:order-vps")
                // your own id for the order: lets you find it again if the call fails halfway
                .setHeader(BillmgrConstants.REMOTE_ID, simple("${header.orderRef}"))
                .to("billmgr:vds/order?pricelist=6&period=1&ostempl=ISPsystem__Ubuntu-22.04-amd64")
                .log("Ordered VPS ${header.CamelBillmgrServiceId}");

            from("direct:show-vps")                    // header CamelBillmgrServiceId: the service id
                .to("billmgr:vds/get")
                .log("VPS ${body.id}: ${body.status}, expires ${body.expireDate}");

            from("direct:renew-vps")                   // header CamelBillmgrServiceId: the service id
                .to("billmgr:vds/prolong?period=1")
                .log("Renewed until ${header.CamelBillmgrExpireDate}");
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        conf.setBaseUrl(billmgr.baseUrl());
        conf.setUsername(BillmgrSimulator.CLIENT_USER);
        conf.setPassword(BillmgrSimulator.CLIENT_PASSWORD);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new VpsRoutes();
    }

    /** docs/getting-started.md, "Run your routes against the simulator". */
    @Test
    void ordersAVps() {
        BillmgrOrderResult result = template.requestBodyAndHeader("direct:order-vps", null, "orderRef", "crm-1001",
                BillmgrOrderResult.class);

        assertNotNull(result.getServiceId());
        SimService vps = billmgr.state().service(result.getServiceId()).orElseThrow();
        assertEquals("crm-1001", vps.remoteId());
        assertEquals(6L, vps.pricelistId());
    }

    @Test
    void readsAndRenewsTheVps() {
        BillmgrOrderResult ordered = template.requestBodyAndHeader("direct:order-vps", null, "orderRef", "crm-1002",
                BillmgrOrderResult.class);
        Long id = ordered.getServiceId();

        BillmgrService shown = template.requestBodyAndHeader("direct:show-vps", null, BillmgrConstants.SERVICE_ID, id,
                BillmgrService.class);
        assertEquals(id, shown.getId());
        assertEquals(BillmgrServiceStatus.ACTIVE, shown.getStatus());
        LocalDate before = shown.getExpireDate();
        assertNotNull(before);

        var exchange = template.request("direct:renew-vps",
                e -> e.getMessage().setHeader(BillmgrConstants.SERVICE_ID, id));
        BillmgrProlongResult renewed = exchange.getMessage().getBody(BillmgrProlongResult.class);
        assertEquals(List.of(id), renewed.getServiceIds());
        assertTrue(renewed.getNewExpireDate().isAfter(before), renewed.toString());
        assertEquals(renewed.getNewExpireDate(),
                exchange.getMessage().getHeader(BillmgrConstants.EXPIRE_DATE, LocalDate.class));
    }
}

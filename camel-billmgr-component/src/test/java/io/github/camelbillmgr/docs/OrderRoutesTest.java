package io.github.camelbillmgr.docs;

// The class between the tag lines is the JUnit example of docs/reliability.md, shown there verbatim
// (ReliabilityRecipeTest checks it): keep the two in step.
// tag::fault-test[]
import java.math.BigDecimal;

import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.OrderRoutes;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.BillmgrSimulatorExtension;
import io.github.camelbillmgr.simulator.fault.Fault;
import io.github.camelbillmgr.simulator.fault.FaultKind;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderRoutesTest extends CamelTestSupport {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension();

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
        return new OrderRoutes(MemoryIdempotentRepository.memoryIdempotentRepository());
    }

    @Test
    void anOrderWhoseReplyIsLostIsPlacedAndChargedOnce() {
        // BILLmanager places the order, then the connection breaks before the reply
        billmgr.state().faults().injectNext("v2.vds.order.param", 1, Fault.dropAfterCommit());

        template.sendBodyAndHeader("direct:orders", null, "orderNumber", "1001");

        assertEquals(1, billmgr.state().faults().injected(FaultKind.DROP_AFTER_COMMIT));
        assertEquals(1, billmgr.state().serviceCount());
        assertEquals(new BigDecimal("995.00"), billmgr.state().balance(BillmgrSimulator.CLIENT_USER));
    }

    @Test
    void theSameOrderTwiceIsPlacedOnce() {
        template.sendBodyAndHeader("direct:orders", null, "orderNumber", "1002");
        template.sendBodyAndHeader("direct:orders", null, "orderNumber", "1002");

        assertEquals(1, billmgr.state().serviceCount());
    }
}
// end::fault-test[]

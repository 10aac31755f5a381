package io.github.camelbillmgr;

import java.util.List;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each producer reports readiness: UP when BILLmanager answers whoami, DOWN (without secrets) when it refuses. */
class ProducerHealthCheckTest extends BillmgrTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BillmgrComponent wrong = new BillmgrComponent();
        wrong.getConfiguration().setBaseUrl(simulator.getBaseUrl());
        wrong.getConfiguration().setUsername(BillmgrSimulator.CLIENT_USER);
        wrong.getConfiguration().setPassword("Not-The-Password");
        context.addComponent("billmgrwrong", wrong);
        // producer health checks are off by default in Camel 4 (camel.health.producersEnabled=true turns them on)
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        registry.setEnabled(true);
        ProducersHealthCheckRepository producers = new ProducersHealthCheckRepository();
        producers.setEnabled(true);
        registry.register(producers);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").to("billmgr:vds/list");
                from("direct:bad").to("billmgrwrong:vds/list");
            }
        };
    }

    @Test
    void readinessReflectsWhetherBillmanagerAcceptsTheProducer() {
        List<HealthCheck.Result> ours = HealthCheckHelper.getHealthCheckRepository(context, "producers").stream()
                .filter(c -> c.getId().startsWith("producer:billmgr-")).map(HealthCheck::call).toList();
        assertEquals(2, ours.size());
        long up = ours.stream().filter(r -> r.getState() == HealthCheck.State.UP).count();
        long down = ours.stream().filter(r -> r.getState() == HealthCheck.State.DOWN).count();
        assertEquals(1, up);
        assertEquals(1, down);
        HealthCheck.Result bad = ours.stream().filter(r -> r.getState() == HealthCheck.State.DOWN).findFirst().get();
        assertTrue(bad.getMessage().orElse("").contains("badpassword"), bad.getMessage().toString());
        assertFalse(bad.getMessage().orElse("").contains("Not-The-Password"));
        assertTrue(simulator.requests().stream().anyMatch(r -> "whoami".equals(r.func())));
        assertFalse(ours.get(0).getCheck().isLiveness());
    }
}

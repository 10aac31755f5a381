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

/**
 * Producers report readiness per BILLmanager account: UP when BILLmanager answers whoami, DOWN (without secrets) when
 * it refuses. One check per account (base URL and user), however many producer endpoints use it, with an id made of
 * the account, so the same after a restart.
 */
class ProducerHealthCheckTest extends BillmgrTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BillmgrComponent wrong = new BillmgrComponent();
        wrong.getConfiguration().setBaseUrl(simulator.getBaseUrl());
        // another account than the billmgr component's: the administrator, with a wrong password
        wrong.getConfiguration().setUsername(BillmgrSimulator.ADMIN_USER);
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
                // nine more producer endpoints of the billmgr component's account, one of them in session mode
                for (int i = 1; i <= 8; i++) {
                    from("direct:good" + i).routeId("good" + i).to("billmgr:vds/list?pageSize=" + (10 * i));
                }
                from("direct:session").routeId("session").to("billmgr:func/whoami?authMode=session");
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

    @Test
    void oneCheckPerAccountWithAnIdThatSurvivesARestart() throws Exception {
        String account = "producer:billmgr-" + BillmgrSimulator.CLIENT_USER + "@127.0.0.1:" + simulator.getPort()
                + "/billmgr";
        String wrong = "producer:billmgr-" + BillmgrSimulator.ADMIN_USER + "@127.0.0.1:" + simulator.getPort()
                + "/billmgr";
        assertEquals(List.of(wrong, account), ids(), "ten producer endpoints of one account, one of another");

        simulator.clearRequests();
        HealthCheckHelper.getHealthCheckRepository(context, "producers").stream()
                .filter(c -> c.getId().equals(account)).forEach(HealthCheck::call);
        assertEquals(1, simulator.requests().stream().filter(r -> "whoami".equals(r.func())).count(),
                "one whoami for the ten producers of the account");

        // producers stop and start again: the same ids; the check goes only with the account's last producer
        context.getRouteController().stopRoute("session");
        assertEquals(List.of(wrong, account), ids());
        for (var route : context.getRoutes()) {
            context.getRouteController().stopRoute(route.getRouteId());
        }
        assertEquals(List.of(), ids(), "no producer left, no check left");
        for (var route : context.getRoutes()) {
            context.getRouteController().startRoute(route.getRouteId());
        }
        assertEquals(List.of(wrong, account), ids());
    }

    /** A disabled repository lists no checks: the producers that start meanwhile must still share one per account. */
    @Test
    void oneCheckPerAccountWhenTheRepositoryIsTurnedOnLater() throws Exception {
        ProducersHealthCheckRepository producers = (ProducersHealthCheckRepository) HealthCheckHelper
                .getHealthCheckRepository(context, "producers");
        for (var route : context.getRoutes()) {
            context.getRouteController().stopRoute(route.getRouteId());
        }
        producers.setEnabled(false);
        for (var route : context.getRoutes()) {
            context.getRouteController().startRoute(route.getRouteId());
        }
        producers.setEnabled(true);
        assertEquals(List.of("producer:billmgr-" + BillmgrSimulator.ADMIN_USER + "@127.0.0.1:" + simulator.getPort()
                + "/billmgr",
                "producer:billmgr-" + BillmgrSimulator.CLIENT_USER + "@127.0.0.1:" + simulator.getPort() + "/billmgr"),
                ids());
    }

    private List<String> ids() {
        return HealthCheckHelper.getHealthCheckRepository(context, "producers").stream().map(HealthCheck::getId)
                .filter(id -> id.startsWith("producer:billmgr-")).sorted().toList();
    }
}

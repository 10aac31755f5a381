package io.github.camelbillmgr;

import io.github.camelbillmgr.internal.observe.MeterNames;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.fault.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every meter, read from a Micrometer registry bound the way camel-micrometer and Camel Main bind theirs
 * ({@code metricsRegistry}), after the simulator injected the faults that move it.
 */
class MetricsTest extends BillmgrTestSupport {

    private static final String ORDER = "v2.vds.order.param";
    private static final String ORDER_URI
            = "billmgr:vds/order?pricelist=6&period=1&ostempl=ISPsystem__Ubuntu-22.04-amd64";
    private static final String SESSION = "billmgr-session";
    private static final String WRONG = "billmgr-wrong";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConsumerTest.ManualScheduler scheduler = new ConsumerTest.ManualScheduler();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", meters);
        context.getRegistry().bind("manual", scheduler);
        BillmgrComponent session = component(BillmgrSimulator.CLIENT_USER, BillmgrSimulator.CLIENT_PASSWORD);
        session.getConfiguration().setAuthMode(BillmgrAuthMode.session);
        context.addComponent(SESSION, session);
        context.addComponent(WRONG, component(BillmgrSimulator.ADMIN_USER, "Not-The-Password"));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(BillmgrOutcomeUnknownException.class).maximumRedeliveries(1).redeliveryDelay(0);
                from("direct:order").to(ORDER_URI);
                from("billmgr:vds/list?scheduler=#manual").routeId("poll").to("mock:polled");
            }
        };
    }

    @Test
    void callsAreCountedByFuncAndOutcome() {
        assertNull(send("direct:order", null).getException());

        // the order is placed but its answer lost; the redelivery finds it by its remote id
        simulator.state().faults().injectNext(ORDER, 1, Fault.dropAfterCommit());
        Exchange recovered = send("direct:order", null);
        assertNull(recovered.getException());
        assertEquals(Boolean.TRUE, recovered.getMessage().getHeader(BillmgrConstants.RECOVERED));

        simulator.state().faults().injectNext(ORDER, 1, Fault.error("value", "pricelist", "No such tariff"));
        assertNotNull(send("direct:order", null).getException());

        simulator.state().faults().injectNext(ORDER, 1, Fault.busy());
        assertInstanceOf(BillmgrBusyException.class, send("direct:order", null).getException());

        // with throwExceptionOnFailure=false the outcome comes from the message
        simulator.state().faults().injectNext(ORDER, 1, Fault.error("value", "pricelist", "No such tariff"));
        assertNull(send(ORDER_URI + "&throwExceptionOnFailure=false", null).getException());

        assertEquals(1, calls("done"));
        assertEquals(1, calls("unknown"), "the first attempt of the lost answer");
        assertEquals(1, calls("recovered"), "its redelivery");
        assertEquals(3, calls("not_done"), "refused, busy, refused without an exception");
        assertEquals(1, count(MeterNames.BUSY, MeterNames.FUNC, ORDER));
        Meter done = meters.find(MeterNames.CALLS).tags(MeterNames.OUTCOME, "done").meter();
        assertEquals(simulator.getBaseUrl(), done.getId().getTag(MeterNames.URL));
        assertEquals(BillmgrSimulator.CLIENT_USER, done.getId().getTag(MeterNames.USER));
        assertEquals(context.getName(), done.getId().getTag(MeterNames.CAMEL_CONTEXT));
    }

    @Test
    void sessionLoginsAndRenewalsAreCounted() {
        call(SESSION + ":func/whoami", null, Object.class);
        call(SESSION + ":func/whoami", null, Object.class);
        assertEquals(1, count(MeterNames.LOGINS, MeterNames.REASON, "first"));
        assertEquals(0, count(MeterNames.LOGINS, MeterNames.REASON, "renewal"));

        simulator.state().faults().injectNext("whoami", 1, Fault.sessionExpired());
        call(SESSION + ":func/whoami", null, Object.class);
        assertEquals(1, count(MeterNames.LOGINS, MeterNames.REASON, "renewal"));

        // a busy answer to the login itself counts under func=auth
        simulator.state().dropSessions();
        simulator.state().faults().injectNext("whoami", 1, Fault.sessionExpired());
        simulator.state().faults().injectNext("auth", 1, Fault.busy());
        assertInstanceOf(BillmgrBusyException.class, send(SESSION + ":func/whoami", null).getException());
        assertEquals(1, count(MeterNames.BUSY, MeterNames.FUNC, "auth"));
        assertEquals(1, count(MeterNames.LOGINS, MeterNames.REASON, "renewal"), "the busy login was no login");
    }

    @Test
    void refusedCredentialsPauseAndHoldCalls() {
        assertInstanceOf(BillmgrAuthenticationException.class, send(WRONG + ":func/whoami", null).getException());
        assertEquals(1, count(MeterNames.LOGIN_PAUSES, MeterNames.USER, BillmgrSimulator.ADMIN_USER));
        assertEquals(0, count(MeterNames.LOGIN_HELD, MeterNames.USER, BillmgrSimulator.ADMIN_USER));
        long sent = simulator.requests().size();

        BillmgrAuthenticationException held = assertInstanceOf(BillmgrAuthenticationException.class,
                send(WRONG + ":func/whoami", null).getException());
        assertTrue(held.getMessage().contains("not sent"), held.getMessage());
        assertEquals(sent, simulator.requests().size(), "the held call never reached BILLmanager");
        assertEquals(1, count(MeterNames.LOGIN_HELD, MeterNames.USER, BillmgrSimulator.ADMIN_USER));
        assertEquals(1, count(MeterNames.LOGIN_PAUSES, MeterNames.USER, BillmgrSimulator.ADMIN_USER),
                "a held call does not begin a pause");
        assertEquals(0, count(MeterNames.LOGIN_PAUSES, MeterNames.USER, BillmgrSimulator.CLIENT_USER));
    }

    @Test
    void pollsAreTimedAndTheirRowsCounted() throws Exception {
        orderVds(null);
        orderVds(null);
        MockEndpoint polled = getMockEndpoint("mock:polled");
        scheduler.fire();
        int services = polled.getReceivedCounter();
        assertEquals(2, services);
        Timer ok = meters.find(MeterNames.POLL).tags(MeterNames.FUNC, "vds", MeterNames.RESULT, "success").timer();
        assertNotNull(ok, "a timer of successful polls: " + meters.getMetersAsString());
        assertEquals(1, ok.count());
        assertTrue(ok.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
        DistributionSummary rows = meters.find(MeterNames.POLL_ROWS).tags(MeterNames.FUNC, "vds").summary();
        assertEquals(1, rows.count());
        assertEquals(services, rows.totalAmount(), 0.0);

        simulator.state().faults().injectNext("vds", 1, Fault.httpStatus(502));
        scheduler.fire();
        Timer failed = meters.find(MeterNames.POLL).tags(MeterNames.FUNC, "vds", MeterNames.RESULT, "failure").timer();
        assertNotNull(failed, meters.getMetersAsString());
        assertEquals(1, failed.count());
        assertEquals(1, ok.count());
        assertEquals(2, rows.count());
        assertEquals(services, rows.totalAmount(), 0.0, "the failed poll read no row");
        assertFalse(
                meters.find(MeterNames.CALLS).meters().stream().anyMatch(m -> "vds".equals(m.getId().getTag("func"))),
                "consumer polls are not producer calls");
    }

    private double calls(String outcome) {
        Counter c = meters.find(MeterNames.CALLS).tags(MeterNames.FUNC, ORDER, MeterNames.OUTCOME, outcome).counter();
        return c == null ? 0 : c.count();
    }

    private double count(String name, String tag, String value) {
        return meters.find(name).tags(tag, value).counters().stream().mapToDouble(Counter::count).sum();
    }
}

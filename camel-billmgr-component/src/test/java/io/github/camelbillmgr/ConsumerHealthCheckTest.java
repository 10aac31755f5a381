package io.github.camelbillmgr;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The billmgr consumer's health check is Camel's own for scheduled poll consumers (the {@code consumers} repository
 * of camel-health): DOWN while polls fail, naming the failure and no secret, UP again with the first good poll.
 */
class ConsumerHealthCheckTest extends BillmgrTestSupport {

    /** Where the simulator's client password is changed to, so that the configured one is refused. */
    private static final String CHANGED_PASSWORD = "Changed-In-Billmanager-2";

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // what camel-main does with camel.health.enabled=true (consumer checks are on by default there)
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        registry.setEnabled(true);
        registry.register(new ConsumersHealthCheckRepository());
        return context;
    }

    private void poll(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("billmgr:vds/list?initialDelay=0&delay=100" + options).routeId("poll").to("mock:out");
            }
        });
        context.start();
    }

    /** The check of route poll's consumer. */
    private HealthCheck check() {
        return HealthCheckHelper.getHealthCheckRepository(context, "consumers")
                .stream().filter(c -> c.getId().equals("consumer:poll")).findFirst().orElseThrow();
    }

    /** The readiness of route poll's consumer, as a health endpoint would ask for it. */
    private HealthCheck.Result readiness() {
        return check().call(Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS));
    }

    private HealthCheck.Result await(HealthCheck.State state) {
        return await(state, r -> true, state.toString());
    }

    /** DOWN because polls failed, not only because the consumer has not polled yet. */
    private HealthCheck.Result awaitFailedPolls() {
        return await(HealthCheck.State.DOWN, r -> r.getError().isPresent(), "DOWN with the failure");
    }

    private HealthCheck.Result await(HealthCheck.State state, java.util.function.Predicate<HealthCheck.Result> also,
                                     String what) {
        AtomicReference<HealthCheck.Result> last = new AtomicReference<>();
        Await.until(() -> {
            last.set(readiness());
            return last.get().getState() == state && also.test(last.get());
        }, () -> "the consumer's health check is not " + what + ": " + describe(last.get()));
        return last.get();
    }

    /** Everything a health endpoint could show of a result. */
    private static String describe(HealthCheck.Result r) {
        return r == null ? "none" : r.getState() + " " + r.getMessage().orElse("") + " "
                + r.getError().map(Throwable::toString).orElse("") + " " + r.getDetails();
    }

    @Test
    void refusedCredentialsTakeTheConsumerDownUntilBillmanagerAcceptsThemAgain() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 2);
        simulator.state().setPassword(BillmgrSimulator.CLIENT_USER, CHANGED_PASSWORD);
        MockEndpoint out = getMockEndpoint("mock:out");
        poll("");

        HealthCheck.Result down = awaitFailedPolls();
        assertTrue(down.getMessage().orElse("").contains("Consumer failed polling"), describe(down));
        assertTrue(down.getMessage().orElse("").contains("poll"), "names the route: " + describe(down));
        Throwable failure = down.getError().orElseThrow();
        assertInstanceOf(BillmgrAuthenticationException.class, failure);
        assertTrue(failure.getMessage().contains("badpassword"), "names the failure: " + failure.getMessage());
        String shown = describe(down);
        assertFalse(shown.contains(BillmgrSimulator.CLIENT_PASSWORD), "no password: " + shown);
        assertFalse(shown.contains(BillmgrSimulator.CLIENT_USER + ":"), "no authinfo: " + shown);
        // Camel's message only counts the failures: the details name the cause
        assertEquals("BillmgrAuthenticationException", down.getDetails().get(BillmgrConsumer.HEALTH_EXCEPTION), shown);
        assertEquals("auth", down.getDetails().get(BillmgrConsumer.HEALTH_ERROR_TYPE), shown);
        assertEquals("badpassword", down.getDetails().get(BillmgrConsumer.HEALTH_ERROR_OBJECT), shown);
        assertEquals("NOT_DONE", down.getDetails().get(BillmgrConsumer.HEALTH_OUTCOME), shown);
        assertEquals(0, out.getReceivedCounter());
        assertFalse(check().isLiveness(), "readiness only: a BILLmanager that refuses is no reason to restart");

        simulator.state().setPassword(BillmgrSimulator.CLIENT_USER, BillmgrSimulator.CLIENT_PASSWORD);
        HealthCheck.Result up = await(HealthCheck.State.UP);
        assertFalse(up.getError().isPresent(), describe(up));
        Await.until(() -> out.getReceivedCounter() >= 2, () -> "the services, once the password is accepted");
    }

    @Test
    void failingPollsTakeTheConsumerDownOnlyWhileTheyLast() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 2);
        MockEndpoint out = getMockEndpoint("mock:out");
        poll("");
        await(HealthCheck.State.UP);

        // BILLmanager's proxy answers 502 from now on
        simulator.state().faults().httpStatusNext("vds", Integer.MAX_VALUE, 502);
        HealthCheck.Result down = awaitFailedPolls();
        BillmgrTransportException failure
                = assertInstanceOf(BillmgrTransportException.class, down.getError().orElseThrow());
        assertEquals(502, failure.getHttpResponseCode());
        assertTrue(failure.getMessage().contains("HTTP 502"), failure.getMessage());
        assertEquals(502, down.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE), describe(down));
        assertEquals("BillmgrTransportException", down.getDetails().get(BillmgrConsumer.HEALTH_EXCEPTION),
                describe(down));
        assertEquals("vds", down.getDetails().get(BillmgrConsumer.HEALTH_FUNC), describe(down));
        long servicesBefore = out.getReceivedCounter();

        simulator.state().faults().clear();
        await(HealthCheck.State.UP);
        Await.until(() -> out.getReceivedCounter() > servicesBefore, () -> "polls emit again");
    }

    @Test
    void theDetailsNameTheLatestFailureAndGoWithTheFirstGoodPoll() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 2);
        simulator.state().faults().httpStatusNext("vds", Integer.MAX_VALUE, 502);
        poll("");
        HealthCheck.Result http = await(HealthCheck.State.DOWN,
                r -> "BillmgrTransportException".equals(r.getDetails().get(BillmgrConsumer.HEALTH_EXCEPTION))
                        && Integer.valueOf(502).equals(r.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE)),
                "DOWN with HTTP 502");
        assertEquals(null, http.getDetails().get(BillmgrConsumer.HEALTH_ERROR_TYPE), describe(http));

        // then BILLmanager itself refuses the list, with no successful poll in between
        simulator.state().faults().clear();
        simulator.state().faults().failNext("vds", Integer.MAX_VALUE, "misc", null, "Temporarily unavailable");
        // (the details are written during the poll, Camel's error once it is over: wait for both)
        HealthCheck.Result refused = await(HealthCheck.State.DOWN,
                r -> r.getError().orElse(null) instanceof BillmgrApiException
                        && "misc".equals(r.getDetails().get(BillmgrConsumer.HEALTH_ERROR_TYPE)),
                "DOWN with error type misc");
        assertEquals("BillmgrApiException", refused.getDetails().get(BillmgrConsumer.HEALTH_EXCEPTION),
                describe(refused));
        assertEquals(null, refused.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE), "not the 502 of the polls before: "
                + describe(refused));
        assertEquals(null, refused.getDetails().get(BillmgrConsumer.HEALTH_ERROR_OBJECT), describe(refused));
        String shown = describe(refused);
        assertFalse(shown.contains(BillmgrSimulator.CLIENT_PASSWORD), "no password: " + shown);

        simulator.state().faults().clear();
        HealthCheck.Result up = await(HealthCheck.State.UP);
        assertTrue(up.getDetails().keySet().stream().noneMatch(k -> k.startsWith("billmgr.")), describe(up));
    }

    @Test
    void healthCheckConsumerEnabledFalseSwitchesTheCheckOff() throws Exception {
        context.getComponent("billmgr", BillmgrComponent.class).setHealthCheckConsumerEnabled(false);
        simulator.state().setPassword(BillmgrSimulator.CLIENT_USER, CHANGED_PASSWORD);
        poll("");
        HealthCheck.Result result = readiness();
        assertEquals(HealthCheck.State.UNKNOWN, result.getState(), describe(result));
        assertEquals(false, result.getDetails().get(HealthCheck.CHECK_ENABLED), describe(result));
    }
}

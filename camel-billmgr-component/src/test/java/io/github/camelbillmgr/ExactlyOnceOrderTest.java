package io.github.camelbillmgr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import io.github.camelbillmgr.simulator.model.SimService;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelbillmgr.LostReplyProxy.Fault.COMMIT_THEN_502;
import static io.github.camelbillmgr.LostReplyProxy.Fault.DROP_WITH_502;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An order whose answer is lost is never placed twice: the redelivery finds the first attempt's service by its
 * remote id, and orders again only when the first attempt did not land.
 */
class ExactlyOnceOrderTest extends BillmgrTestSupport {

    private static final String ORDER = "v2.vds.order.param";
    private static LostReplyProxy proxy;

    @BeforeAll
    static void startProxy() {
        proxy = LostReplyProxy.start(() -> simulator.getBaseUrl());
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @AfterEach
    void letEverythingThrough() {
        proxy.reset();
    }

    private static String viaProxy() {
        return "baseUrl=" + proxy.baseUrl();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(BillmgrOutcomeUnknownException.class, BillmgrBusyException.class)
                        .maximumRedeliveries(2).redeliveryDelay(0);
                from("direct:order").to("billmgr:vds/order?pricelist=6&period=1&" + viaProxy());
                from("direct:three").loop(3).to("billmgr:vds/order?pricelist=6&period=1&" + viaProxy()).end();
                from("direct:by-key")
                        .to("billmgr:vds/order?pricelist=6&period=1&remoteIdExpression=shop-${body[orderNumber]}&"
                            + viaProxy());
                from("direct:keys-in-a-loop").loop(2)
                        .to("billmgr:vds/order?pricelist=6&period=1&remoteIdExpression=line-${exchangeProperty."
                            + "CamelLoopIndex}&remoteId=never&" + viaProxy())
                        .end();
                from("direct:replay-lines").loop(2)
                        .to("billmgr:vds/order?pricelist=6&period=1&lookupBeforeOrder=always&remoteIdExpression=line-"
                            + "${exchangeProperty.CamelLoopIndex}&" + viaProxy())
                        .end();
                from("direct:replay")
                        .to("billmgr:vds/order?pricelist=6&period=1&lookupBeforeOrder=always&" + viaProxy());
            }
        };
    }

    private static long orderRequests() {
        return simulator.requests().stream().filter(r -> ORDER.equals(r.func())).count();
    }

    private static BigDecimal balance() {
        return simulator.state().balance(BillmgrSimulator.CLIENT_USER);
    }

    @Test
    void lostAnswerAfterCommitIsRecoveredNotOrderedTwice() {
        BigDecimal before = balance();
        proxy.failNext(ORDER, 1, COMMIT_THEN_502);
        Exchange e = template.request("direct:order", null);
        assertNull(e.getException(), () -> "failed: " + e.getException());
        List<SimService> services = simulator.state().servicesOf("vds");
        assertEquals(1, services.size(), "exactly one VPS");
        BillmgrOrderResult result = e.getMessage().getBody(BillmgrOrderResult.class);
        assertEquals(services.get(0).id(), result.getServiceId());
        assertEquals(services.get(0).remoteId(), result.getRemoteId());
        assertTrue(result.getRemoteId().startsWith("camel-"), result.getRemoteId());
        assertEquals(result.getRemoteId(), e.getMessage().getHeader(BillmgrConstants.REMOTE_ID));
        assertEquals(true, e.getMessage().getHeader(BillmgrConstants.RECOVERED));
        BigDecimal charged = before.subtract(balance());
        assertEquals(0, charged.compareTo(services.get(0).cost()), "charged once: " + charged);
    }

    @Test
    void lostRequestIsOrderedOnRedelivery() {
        proxy.failNext(ORDER, 1, DROP_WITH_502);
        Exchange e = template.request("direct:order", null);
        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals(1, simulator.state().servicesOf("vds").size());
        assertNull(e.getMessage().getHeader(BillmgrConstants.RECOVERED));
        assertEquals(1, orderRequests(), "the dropped request never reached BILLmanager, the redelivery did");
    }

    @Test
    void withoutRedeliveryTheExceptionSaysTheOutcomeIsUnknown() {
        proxy.failNext(ORDER, 1, COMMIT_THEN_502);
        BillmgrOutcomeUnknownException e
                = failure("billmgr:vds/order?pricelist=6&period=1&remoteId=crm-77&" + viaProxy(),
                        null, BillmgrOutcomeUnknownException.class);
        assertEquals("crm-77", e.getRemoteId());
        assertEquals(502, e.getStatusCode());
        assertEquals(BillmgrOutcome.UNKNOWN, e.getOutcome());
        assertTrue(e.getMessage().contains("outcome of v2.vds.order.param is unknown")
                && e.getMessage().contains("redeliver this exchange"), e.getMessage());
        assertEquals("crm-77", simulator.state().servicesOf("vds").get(0).remoteId(), "it did land");
        assertInstanceOf(BillmgrTransportException.class, e);
    }

    @Test
    void theRemoteIdIsOnTheExchangeBeforeTheOrderIsSentSoTheSameExchangeLooksFirst() {
        proxy.failNext(ORDER, 1, COMMIT_THEN_502);
        String uri = "billmgr:vds/order?pricelist=6&period=1&" + viaProxy();
        Exchange e = send(uri, null);
        assertInstanceOf(BillmgrOutcomeUnknownException.class, e.getException());
        String remoteId = e.getMessage().getHeader(BillmgrConstants.REMOTE_ID, String.class);
        assertEquals(simulator.state().servicesOf("vds").get(0).remoteId(), remoteId, "the user can keep it");

        // the same exchange sent again by hand, as a redelivery would: it looks the id up instead of ordering
        e.setException(null);
        template.send(uri, e);
        assertNull(e.getException());
        assertEquals(true, e.getMessage().getHeader(BillmgrConstants.RECOVERED));
        assertEquals(1, simulator.state().servicesOf("vds").size());
        assertEquals(1, orderRequests());
    }

    @Test
    void severalOrdersInOneExchangeAreSeveralServices() {
        Exchange e = template.request("direct:three", null);
        assertNull(e.getException());
        List<SimService> services = simulator.state().servicesOf("vds");
        assertEquals(3, services.size());
        assertEquals(3, services.stream().map(SimService::remoteId).distinct().count(), "each with its own remote id");
    }

    @Test
    void theRemoteIdCanComeFromABusinessKey() {
        proxy.failNext(ORDER, 1, COMMIT_THEN_502);
        Exchange e = template.request("direct:by-key", x -> x.getMessage().setBody(Map.of("orderNumber", "A-17")));
        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals("shop-A-17", e.getMessage().getHeader(BillmgrConstants.REMOTE_ID));
        assertEquals(true, e.getMessage().getHeader(BillmgrConstants.RECOVERED));
        assertEquals(List.of("shop-A-17"),
                simulator.state().servicesOf("vds").stream().map(SimService::remoteId).toList());

        // the header still wins over the expression
        template.request("direct:by-key", x -> {
            x.getMessage().setBody(Map.of("orderNumber", "A-18"));
            x.getMessage().setHeader(BillmgrConstants.REMOTE_ID, "explicit-1");
        });
        assertEquals("explicit-1", simulator.state().servicesOf("vds").get(1).remoteId());
    }

    @Test
    void aBusinessKeyWithoutAValueFailsBeforeAnythingIsSent() {
        Exchange e = template.request("direct:by-key", x -> x.getMessage().setBody(Map.of("other", "x")));
        BillmgrInvalidInputException failure = assertInstanceOf(BillmgrInvalidInputException.class, e.getException());
        assertTrue(failure.getMessage().contains("remoteIdExpression 'shop-${body[orderNumber]}' gave no value"),
                failure.getMessage());
        assertEquals(0, orderRequests());
    }

    @Test
    void theExpressionIsEvaluatedForEachOrderOfAnExchange() {
        // the header the first order sets is an output, not the second order's input
        Exchange e = template.request("direct:keys-in-a-loop", null);
        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals(List.of("line-0", "line-1"),
                simulator.state().servicesOf("vds").stream().map(SimService::remoteId).sorted().toList());
    }

    @Test
    void anExpressionThatDoesNotParseFailsWhenTheEndpointIsCreated() {
        Exception e = assertThrows(Exception.class,
                () -> context.getEndpoint("billmgr:vds/order?pricelist=6&remoteIdExpression=${body[orderNumber}"));
        assertTrue(rootMessage(e).contains("Invalid remoteIdExpression"), rootMessage(e));
        Exception constant = assertThrows(Exception.class,
                () -> context.getEndpoint("billmgr:vds/order?pricelist=6&remoteIdExpression=orderNumber"));
        assertTrue(rootMessage(constant).contains("for one fixed remote id use the remoteId option"),
                rootMessage(constant));
    }

    private static String rootMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" / ");
        }
        return sb.toString();
    }

    @Test
    void aReplayOfAnOrderFindsTheServiceWhenLookupIsAlways() {
        BigDecimal before = balance();
        Exchange first
                = template.request("direct:replay", x -> x.getMessage().setHeader(BillmgrConstants.REMOTE_ID, "crm-9"));
        assertNull(first.getException());
        BigDecimal afterFirst = balance();
        // a new exchange with the same business key: a restart, or a replay from the dead letter queue
        Exchange replay
                = template.request("direct:replay", x -> x.getMessage().setHeader(BillmgrConstants.REMOTE_ID, "crm-9"));
        assertNull(replay.getException());
        assertEquals(true, replay.getMessage().getHeader(BillmgrConstants.RECOVERED));
        assertEquals(first.getMessage().getHeader(BillmgrConstants.SERVICE_ID),
                replay.getMessage().getHeader(BillmgrConstants.SERVICE_ID));
        assertEquals(1, simulator.state().servicesOf("vds").size());
        assertEquals(1, orderRequests());
        assertEquals(0, afterFirst.compareTo(balance()), "the replay charged nothing");
        assertTrue(before.compareTo(afterFirst) > 0);
    }

    @Test
    void aReplayedBatchOrdersOnlyTheLinesThatAreMissing() {
        template.request("direct:order", x -> x.getMessage().setHeader(BillmgrConstants.REMOTE_ID, "line-0"));
        Exchange e = template.request("direct:replay-lines", null);
        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals(List.of("line-0", "line-1"),
                simulator.state().servicesOf("vds").stream().map(SimService::remoteId).sorted().toList());
        assertEquals(2, orderRequests(), "line-0 was found, line-1 ordered");
        assertNull(e.getMessage().getHeader(BillmgrConstants.RECOVERED), "line-1 was not recovered");
        assertEquals("line-1", e.getMessage().getHeader(BillmgrConstants.REMOTE_ID));
    }

    @Test
    void aNewExchangeOrdersAtOnceByDefault() {
        // onRedelivery: only a redelivery of the same exchange looks first, a new exchange costs no list call
        template.request("direct:order", x -> x.getMessage().setHeader(BillmgrConstants.REMOTE_ID, "crm-10"));
        template.request("direct:order", x -> x.getMessage().setHeader(BillmgrConstants.REMOTE_ID, "crm-10"));
        assertEquals(2, orderRequests());
        assertEquals(0, simulator.requests().stream().filter(r -> "vds".equals(r.func())).count(), "no lookup");
    }

    @Test
    void aBusyAnswerKeepsTheRemoteIdPendingSoTheRedeliveryLooksFirst() {
        simulator.state().faults().failNext(ORDER, 1, "busy", null, "Request in process, please wait");
        Exchange e
                = template.request("direct:order", x -> x.getMessage().setHeader(BillmgrConstants.REMOTE_ID, "crm-11"));
        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals(1, simulator.state().servicesOf("vds").size());
        List<String> funcs = simulator.requests().stream().map(RecordedRequest::func).toList();
        assertEquals(List.of(ORDER, "vds", ORDER), funcs, "busy, then the redelivery looked the id up, then ordered");
    }

    @Test
    void aBusyAnswerInARedeliveryLeavesTheOutcomeUnknown() {
        // the first attempt's reply is lost, the redelivery finds nothing yet and is told an earlier request still runs
        proxy.failNext(ORDER, 1, DROP_WITH_502);
        simulator.state().faults().failNext(ORDER, 1, "busy", null, "Request in process, please wait");
        String uri = "billmgr:vds/order?pricelist=6&period=1&remoteId=crm-12&" + viaProxy();
        Exchange x = send(uri, null);
        assertInstanceOf(BillmgrOutcomeUnknownException.class, x.getException());
        x.setException(null);
        template.send(uri, x);
        BillmgrOutcomeUnknownException e = assertInstanceOf(BillmgrOutcomeUnknownException.class, x.getException());
        assertInstanceOf(BillmgrBusyException.class, e.getCause());
        assertEquals(BillmgrOutcome.UNKNOWN, e.getOutcome());
        assertEquals("crm-12", e.getRemoteId());
    }

    @Test
    void routeWithABadExpressionDoesNotStart() {
        assertThrows(FailedToCreateRouteException.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad").to("billmgr:vds/order?pricelist=6&remoteIdExpression=${header.x");
            }
        }));
    }
}

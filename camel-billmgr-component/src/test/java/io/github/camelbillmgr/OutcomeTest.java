package io.github.camelbillmgr;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every failure says which of the three states the operation ended in: refused and never-sent calls and reads are
 * NOT_DONE, a change whose reply was lost is UNKNOWN (and says what to do), and with throwExceptionOnFailure=false the
 * same goes to a header.
 */
class OutcomeTest extends BillmgrTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BillmgrComponent session = new BillmgrComponent();
        session.setConfiguration(context.getComponent("billmgr", BillmgrComponent.class).getConfiguration().copy());
        session.getConfiguration().setAuthMode(BillmgrAuthMode.session);
        context.addComponent("billmgrsession", session);
        return context;
    }

    @Test
    void anApiErrorIsNotDone() {
        BillmgrApiException e = failure("billmgr:vds/prolong?period=1", Map.of(BillmgrConstants.SERVICE_ID, 999999),
                BillmgrApiException.class);
        assertEquals(BillmgrOutcome.NOT_DONE, e.getOutcome());
    }

    @Test
    void invalidInputIsNotDone() {
        BillmgrInvalidInputException e
                = failure("billmgr:vds/prolong?period=1", null, BillmgrInvalidInputException.class);
        assertEquals(BillmgrOutcome.NOT_DONE, e.getOutcome());
    }

    @Test
    void aLostReplyOfAReadIsNotDone() {
        simulator.state().faults().httpStatusNext("vds", 1, 502);
        BillmgrTransportException e = failure("billmgr:vds/list", null, BillmgrTransportException.class);
        assertFalse(e instanceof BillmgrOutcomeUnknownException, e.toString());
        assertEquals(BillmgrOutcome.NOT_DONE, e.getOutcome());
        assertEquals(502, e.getStatusCode());

        simulator.state().faults().httpStatusNext("whoami", 1, 502);
        assertEquals(BillmgrOutcome.NOT_DONE,
                failure("billmgr:func/whoami", null, BillmgrTransportException.class).getOutcome());
    }

    @Test
    void aLostReplyOfAServiceActionIsUnknownAndNamesTheServices() {
        long id = orderVds(null);
        // 502, not 503: camel-http's HttpClient sends a request again after a 503 unless automaticRetriesDisabled
        simulator.state().faults().httpStatusNext("vds.delete", 1, 502);
        BillmgrOutcomeUnknownException e = failure("billmgr:vds/delete", Map.of(BillmgrConstants.SERVICE_ID, id),
                BillmgrOutcomeUnknownException.class);
        assertEquals(BillmgrOutcome.UNKNOWN, e.getOutcome());
        assertEquals(List.of(id), e.getServiceIds());
        assertNull(e.getRemoteId());
        assertEquals(502, e.getStatusCode());
        assertTrue(e.getMessage().contains("outcome of vds.delete is unknown")
                && e.getMessage().contains("check the status of the service(s)"), e.getMessage());
    }

    @Test
    void aFuncIsAChangeWithSokAndAReadWithout() {
        simulator.state().faults().httpStatusNext("vds.edit", 2, 502);
        BillmgrTransportException read = failure("billmgr:func/vds.edit", Map.of(BillmgrConstants.SERVICE_ID, 1),
                BillmgrTransportException.class);
        assertEquals(BillmgrOutcome.NOT_DONE, read.getOutcome());
        BillmgrTransportException change = failure("billmgr:func/vds.edit?param.sok=ok&param.comment=x",
                Map.of(BillmgrConstants.SERVICE_ID, 1), BillmgrTransportException.class);
        assertInstanceOf(BillmgrOutcomeUnknownException.class, change);
        assertEquals(BillmgrOutcome.UNKNOWN, change.getOutcome());
    }

    @Test
    void aFailedLoginBeforeAChangeIsNotDone() {
        // the change itself was never sent: only the login before it failed
        simulator.state().faults().httpStatusNext("auth", 1, 502);
        BillmgrTransportException e = failure("billmgrsession:vds/order?pricelist=6&period=1", null,
                BillmgrTransportException.class);
        assertFalse(e instanceof BillmgrOutcomeUnknownException, e.toString());
        assertEquals("auth", e.getFunc());
        assertEquals(BillmgrOutcome.NOT_DONE, e.getOutcome());
        assertEquals(0, simulator.state().servicesOf("vds").size());
    }

    @Test
    void anOrderThatNeverLeftIsNotDoneAndItsRedeliveryOrdersWithoutLookingFirst() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        // nothing listens there: the connection is refused, so the order cannot have left
        Exchange e = send("billmgr:vds/order?pricelist=6&period=1&baseUrl=http://127.0.0.1:" + closedPort + "/billmgr",
                null);
        BillmgrTransportException failure = assertInstanceOf(BillmgrTransportException.class, e.getException());
        assertFalse(failure instanceof BillmgrOutcomeUnknownException, failure.toString());
        assertEquals(BillmgrOutcome.NOT_DONE, failure.getOutcome());
        assertTrue(failure.getMessage().contains("the connection failed before the request was sent"),
                failure.getMessage());

        // the same exchange again, as a redelivery would send it: nothing to look for, it simply orders
        e.setException(null);
        template.send("billmgr:vds/order?pricelist=6&period=1", e);
        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertNull(e.getMessage().getHeader(BillmgrConstants.RECOVERED));
        assertEquals(1, simulator.state().servicesOf("vds").size());
        assertEquals(0, simulator.requests().stream().filter(r -> "vds".equals(r.func())).count(),
                "no lookup of an order that never left");
    }

    @Test
    void withoutExceptionsTheOutcomeIsAHeader() {
        Exchange ok = send("billmgr:func/whoami?throwExceptionOnFailure=false", null);
        assertEquals(BillmgrOutcome.DONE, ok.getMessage().getHeader(BillmgrConstants.OUTCOME));

        Exchange refused = send("billmgr:vds/prolong?period=1&throwExceptionOnFailure=false",
                Map.of(BillmgrConstants.SERVICE_ID, 999999));
        assertNull(refused.getException());
        assertEquals(BillmgrOutcome.NOT_DONE, refused.getMessage().getHeader(BillmgrConstants.OUTCOME));

        simulator.state().faults().httpStatusNext("v2.vds.order.param", 1, 502);
        Exchange lost
                = send("billmgr:vds/order?pricelist=6&period=1&remoteId=crm-1&throwExceptionOnFailure=false", null);
        assertNull(lost.getException());
        assertEquals(BillmgrOutcome.UNKNOWN, lost.getMessage().getHeader(BillmgrConstants.OUTCOME));
        assertEquals("transport", lost.getMessage().getHeader(BillmgrConstants.ERROR_TYPE));
        assertEquals("crm-1", lost.getMessage().getHeader(BillmgrConstants.REMOTE_ID));
        assertTrue(lost.getMessage().getHeader(BillmgrConstants.ERROR_MESSAGE, String.class).contains("redeliver"));
    }

    @Test
    void requestInProcessIsBusyAndNotDone() {
        simulator.state().faults().failNext("vds", 1, "busy", null, "Request in process, please wait");
        BillmgrBusyException e = failure("billmgr:vds/list", null, BillmgrBusyException.class);
        assertEquals(BillmgrOutcome.NOT_DONE, e.getOutcome());
        assertEquals("busy", e.getType());
        // BILLmanager's type for it is not documented: the message is enough
        simulator.state().faults().failNext("vds", 1, "queue", null, "Request in process, please wait");
        assertEquals("queue", failure("billmgr:vds/list", null, BillmgrBusyException.class).getType());
        // an ordinary error stays one
        simulator.state().faults().failNext("vds", 1, "value", "status", "The 'status' field has invalid value");
        assertFalse(failure("billmgr:vds/list", null, BillmgrApiException.class) instanceof BillmgrBusyException);
    }

    @Test
    void deniedRightsForOneFuncDoNotPauseTheOtherCalls() {
        // access with a fresh session again: the user lacks the rights for this func, the password is fine
        simulator.state().faults().failNext("dashboard.info", 2, "access", null);
        BillmgrAuthenticationException e = failure("billmgrsession:func/dashboard.info", null,
                BillmgrAuthenticationException.class);
        assertTrue(e.getMessage().contains("access denied again with a fresh session"), e.getMessage());
        Exchange next = send("billmgrsession:func/whoami", null);
        assertNull(next.getException(), () -> "the next call was paused: " + next.getException());

        // a refused password still pauses them
        simulator.state().setPassword(BillmgrSimulator.CLIENT_USER, "changed-" + System.nanoTime());
        simulator.state().dropSessions();
        failure("billmgrsession:func/whoami", null, BillmgrAuthenticationException.class);
        BillmgrAuthenticationException paused = failure("billmgrsession:func/whoami", null,
                BillmgrAuthenticationException.class);
        assertTrue(paused.getMessage().contains("not sent"), paused.getMessage());
    }
}

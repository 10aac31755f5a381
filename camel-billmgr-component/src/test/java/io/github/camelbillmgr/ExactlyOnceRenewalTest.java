package io.github.camelbillmgr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.model.BillmgrProlongResult;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import org.apache.camel.Exchange;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A renewal or a paid add-on change whose answer is lost is not charged twice: the redelivery compares the service
 * with what it was before the first attempt, and sends again only what did not land.
 */
class ExactlyOnceRenewalTest extends BillmgrTestSupport {

    private static final String PROLONG = "service.prolong";
    private static final String GROUPEDIT = "groupedit";
    private static final String EDIT = "vds.edit";
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

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String viaProxy = "baseUrl=" + proxy.baseUrl();
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(BillmgrOutcomeUnknownException.class)
                        .maximumRedeliveries(2).redeliveryDelay(0)
                        // lets a test change BILLmanager between the attempts
                        .onRedelivery(x -> {
                            Long id = x.getMessage().getHeader("undoRenewalOf", Long.class);
                            if (id != null) {
                                simulator.state().setExpireDate(id,
                                        x.getMessage().getHeader("undoTo", LocalDate.class));
                            }
                        });
                from("direct:prolong").to("billmgr:vds/prolong?period=1&" + viaProxy);
                from("direct:prolong-twice").loop(2).to("billmgr:vds/prolong?period=1&" + viaProxy).end();
                from("direct:edit").to("billmgr:vds/edit?addon.11=2048&" + viaProxy);
            }
        };
    }

    private static BigDecimal balance() {
        return simulator.state().balance(BillmgrSimulator.CLIENT_USER);
    }

    private static LocalDate expireDate(long id) {
        return service(id).expireDate();
    }

    private static List<RecordedRequest> executed(String func) {
        return simulator.requests().stream().filter(r -> func.equals(r.func()) && r.param("sok") != null).toList();
    }

    private long orderWithRam(int ram) {
        return orderVds("addon.11=" + ram);
    }

    @Test
    void aRenewalWhoseReplyWasLostIsNotChargedAgain() {
        long id = orderWithRam(1024);
        LocalDate before = expireDate(id);
        BigDecimal balance = balance();
        proxy.failNext(PROLONG, 1, COMMIT_THEN_502);

        Exchange e = template.request("direct:prolong", x -> x.getMessage().setHeader(BillmgrConstants.SERVICE_ID, id));

        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals(before.plusMonths(1), expireDate(id), "renewed once");
        assertEquals(0, service(id).cost().compareTo(balance.subtract(balance())), "charged once");
        assertEquals(1, executed(PROLONG).size());
        assertEquals(true, e.getMessage().getHeader(BillmgrConstants.RECOVERED));
        assertEquals(before.plusMonths(1), e.getMessage().getHeader(BillmgrConstants.EXPIRE_DATE));
        assertEquals(before.plusMonths(1), e.getMessage().getBody(BillmgrProlongResult.class).getNewExpireDate());
    }

    @Test
    void aRenewalThatNeverArrivedIsSentOnRedelivery() {
        long id = orderWithRam(1024);
        LocalDate before = expireDate(id);
        BigDecimal balance = balance();
        proxy.failNext(PROLONG, 1, DROP_WITH_502);

        Exchange e = template.request("direct:prolong", x -> x.getMessage().setHeader(BillmgrConstants.SERVICE_ID, id));

        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals(before.plusMonths(1), expireDate(id));
        assertEquals(0, service(id).cost().compareTo(balance.subtract(balance())), "charged once");
        assertEquals(1, executed(PROLONG).size(), "the first never reached BILLmanager, the redelivery did");
        assertNull(e.getMessage().getHeader(BillmgrConstants.RECOVERED));
    }

    @Test
    void aGroupRenewalRenewsAgainOnlyTheServicesWhoseDateDidNotMove() {
        long a = orderWithRam(1024);
        long b = orderWithRam(1024);
        LocalDate beforeA = expireDate(a);
        LocalDate beforeB = expireDate(b);
        proxy.failNext(GROUPEDIT, 1, COMMIT_THEN_502);

        Exchange e = template.request("direct:prolong", x -> {
            x.getMessage().setHeader(BillmgrConstants.SERVICE_ID, List.of(a, b));
            // as if only a's renewal had landed
            x.getMessage().setHeader("undoRenewalOf", b);
            x.getMessage().setHeader("undoTo", beforeB);
        });

        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals(beforeA.plusMonths(1), expireDate(a), "a renewed once");
        assertEquals(beforeB.plusMonths(1), expireDate(b), "b renewed by the redelivery");
        assertEquals(1, executed(GROUPEDIT).size());
        List<RecordedRequest> single = executed(PROLONG);
        assertEquals(1, single.size());
        assertEquals(String.valueOf(b), single.get(0).param("elid"), "only b was sent again");
        assertEquals(true, e.getMessage().getHeader(BillmgrConstants.RECOVERED));
        assertEquals(List.of(a, b), e.getMessage().getBody(BillmgrProlongResult.class).getServiceIds());
    }

    @Test
    void withoutRedeliveryTheExceptionNamesTheServicesAndWhatToDo() {
        long id = orderWithRam(1024);
        proxy.failNext(PROLONG, 1, COMMIT_THEN_502);
        BillmgrOutcomeUnknownException e = failure("billmgr:vds/prolong?period=1&baseUrl=" + proxy.baseUrl(),
                Map.of(BillmgrConstants.SERVICE_ID, id), BillmgrOutcomeUnknownException.class);
        assertEquals(BillmgrOutcome.UNKNOWN, e.getOutcome());
        assertEquals(List.of(id), e.getServiceIds());
        assertTrue(e.getMessage().contains("outcome of service.prolong is unknown")
                && e.getMessage().contains("compares each service's expire date"), e.getMessage());
    }

    @Test
    void aRenewalThatCouldNotBeCheckedIsNeverSentTwice() {
        long id = orderWithRam(1024);
        LocalDate before = expireDate(id);
        // BILLmanager refuses to show the details before the renewal, and the renewal's reply is lost
        simulator.state().faults().failNext(EDIT, 1, "access", null);
        proxy.failNext(PROLONG, 1, COMMIT_THEN_502);

        Exchange e = template.request("direct:prolong", x -> x.getMessage().setHeader(BillmgrConstants.SERVICE_ID, id));

        BillmgrOutcomeUnknownException failure
                = assertInstanceOf(BillmgrOutcomeUnknownException.class, e.getException());
        assertTrue(failure.getMessage().contains("cannot tell whether the earlier attempt renewed it"),
                failure.getMessage());
        assertEquals(before.plusMonths(1), expireDate(id), "renewed once, by the first attempt");
        assertEquals(1, executed(PROLONG).size());
    }

    @Test
    void anUnknownServiceFailsWithTheRenewalsOwnError() {
        BillmgrApiException e = failure("billmgr:vds/prolong?period=1", Map.of(BillmgrConstants.SERVICE_ID, 999999),
                BillmgrApiException.class);
        assertEquals("service.prolong", e.getFunc());
    }

    @Test
    void twoRenewalsInOneExchangeAreTwoRenewals() {
        long id = orderWithRam(1024);
        LocalDate before = expireDate(id);
        Exchange e = template.request("direct:prolong-twice",
                x -> x.getMessage().setHeader(BillmgrConstants.SERVICE_ID, id));
        assertNull(e.getException());
        assertEquals(before.plusMonths(2), expireDate(id), "the second renewal is not mistaken for a redelivery");
    }

    @Test
    void anAddonChangeWhoseReplyWasLostIsNotSentAgain() {
        long id = orderWithRam(1024);
        proxy.failNext(EDIT, 1, COMMIT_THEN_502);

        Exchange e = template.request("direct:edit", x -> x.getMessage().setHeader(BillmgrConstants.SERVICE_ID, id));

        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals("2048", service(id).addons().get(11));
        assertEquals(1, executed(EDIT).size(), "sent once");
        assertEquals(true, e.getMessage().getHeader(BillmgrConstants.RECOVERED));
    }

    @Test
    void anAddonChangeThatNeverArrivedIsSentOnRedelivery() {
        long id = orderWithRam(1024);
        proxy.failNext(EDIT, 1, DROP_WITH_502);

        Exchange e = template.request("direct:edit", x -> x.getMessage().setHeader(BillmgrConstants.SERVICE_ID, id));

        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals("2048", service(id).addons().get(11));
        assertEquals(1, executed(EDIT).size(), "the first never reached BILLmanager, the redelivery did");
        assertNull(e.getMessage().getHeader(BillmgrConstants.RECOVERED));
    }

    @Test
    void anEditWithoutAddonsIsUnknownButNeedsNoCheck() {
        long id = orderWithRam(1024);
        proxy.failNext(EDIT, 1, COMMIT_THEN_502);
        BillmgrOutcomeUnknownException e = failure("billmgr:vds/edit?comment=hello&baseUrl=" + proxy.baseUrl(),
                Map.of(BillmgrConstants.SERVICE_ID, id), BillmgrOutcomeUnknownException.class);
        assertTrue(e.getMessage().contains("safe to send again"), e.getMessage());
        assertEquals(0, simulator.requests().stream().filter(r -> EDIT.equals(r.func()) && r.param("sok") == null)
                .count(), "no details were read for a change that costs nothing");
        assertInstanceOf(BillmgrTransportException.class, e);
    }
}

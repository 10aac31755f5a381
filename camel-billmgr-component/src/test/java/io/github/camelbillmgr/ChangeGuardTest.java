package io.github.camelbillmgr;

import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelbillmgr.CannedReplyServer.Reply;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.op.guard.CannotTell;
import io.github.camelbillmgr.internal.op.guard.ChangeGuard;
import io.github.camelbillmgr.internal.op.guard.ChangeStrategy;
import io.github.camelbillmgr.internal.reply.UnreadableReply;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exactly-once guard's decision, once for every kind of change: what becomes an unknown outcome, what settles a
 * change as not done, when the record an attempt leaves on the exchange is kept for the next attempt's look-up, and
 * that a change found landed is not sent again. Against a loopback server that answers each case's reply.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeGuardTest {

    private static final String FUNC = "test.change";
    private static final String KEY = TestStrategy.PREFIX + "vds";
    private static final Reply OK = Reply.json("{\"doc\":{\"ok\":{}}}");
    private static final Reply REFUSED = Reply.json("{\"doc\":{\"error\":{\"$type\":\"value\",\"$object\":\"elid\","
            + "\"msg\":{\"$\":\"No such service\"}}}}");
    private static final Reply BUSY = Reply.json("{\"doc\":{\"error\":{\"$type\":\"busy\",\"msg\":{\"$\":\"Request in "
            + "process, please wait\"}}}}");

    private CannedReplyServer server;
    private CamelContext context;
    private BillmgrClient client;
    /** The client of an endpoint whose port nothing listens on: no request ever leaves. */
    private BillmgrClient unreachable;
    private final AtomicReference<Reply> reply = new AtomicReference<>();
    /** What the exchange held under the guard's key while the request was on its way. */
    private final AtomicReference<Object> recordedWhileSending = new AtomicReference<>();
    private Exchange exchange;

    @BeforeAll
    void start() throws Exception {
        server = CannedReplyServer.start().handle("/billmgr", http -> {
            recordedWhileSending.set(exchange.getProperty(KEY));
            CannedReplyServer.send(http, reply.get());
        });
        context = new DefaultCamelContext();
        // credentials on the component, never in an endpoint URI
        BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        conf.setUsername("guard");
        conf.setPassword("guard-secret");
        context.start();
        client = client("billmgr:vds/order?format=json&baseUrl=" + server.url("/billmgr"));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        unreachable = client("billmgr:vds/order?format=json&baseUrl=http://127.0.0.1:" + closedPort + "/billmgr");
    }

    private BillmgrClient client(String uri) throws Exception {
        BillmgrEndpoint endpoint = context.getEndpoint(uri, BillmgrEndpoint.class);
        ServiceHelper.startService(endpoint);
        return endpoint.getClient();
    }

    @AfterAll
    void stop() {
        context.stop();
        server.close();
    }

    @BeforeEach
    void newExchange() {
        exchange = new DefaultExchange(context);
        server.clearRequests();
        recordedWhileSending.set(null);
    }

    @Test
    void firstAttemptAnsweredIsSettledAndTheRecordWasThereWhileSending() throws Exception {
        reply.set(OK);
        var result = guard(new TestStrategy("rid-1")).run(client, request());
        assertTrue(result.sent());
        assertEquals("rid-1", recordedWhileSending.get(), "recorded before sending");
        assertNull(exchange.getProperty(KEY), "settled: the next change of the exchange is a new one");
    }

    @Test
    void refusedIsNotDoneAndClearsTheRecord() {
        reply.set(REFUSED);
        BillmgrApiException e = assertThrows(BillmgrApiException.class,
                () -> guard(new TestStrategy("rid-1")).run(client, request()));
        assertEquals(BillmgrOutcome.NOT_DONE, e.getOutcome());
        assertEquals("rid-1", recordedWhileSending.get());
        assertNull(exchange.getProperty(KEY));
    }

    @Test
    void lostReplyIsUnknownAndKeepsTheRecord() {
        reply.set(Reply.html(502, "<html>Bad gateway</html>"));
        BillmgrOutcomeUnknownException e = assertThrows(BillmgrOutcomeUnknownException.class,
                () -> guard(new TestStrategy("rid-1")).run(client, request()));
        assertEquals(BillmgrOutcome.UNKNOWN, e.getOutcome());
        assertInstanceOf(BillmgrTransportException.class, e.getCause());
        assertEquals(502, e.getStatusCode(), "the lost reply's status");
        assertEquals("rid-1", e.getRemoteId());
        assertTrue(e.getMessage().contains("what to do for test"), e.getMessage());
        assertEquals("rid-1", exchange.getProperty(KEY), "kept for the redelivery's look-up");
    }

    @Test
    void neverSentIsNotDoneAndClearsTheRecord() {
        BillmgrTransportException e = assertThrows(BillmgrTransportException.class,
                () -> guard(new TestStrategy("rid-1")).run(unreachable, request()));
        assertFalse(e instanceof BillmgrOutcomeUnknownException, e.toString());
        assertEquals(BillmgrOutcome.NOT_DONE, e.getOutcome());
        assertNull(exchange.getProperty(KEY), "nothing left: a redelivery need not look");
    }

    @Test
    void firstAttemptMeetingABusyBillmanagerFailsAsItIsAndKeepsTheRecord() {
        reply.set(BUSY);
        assertThrows(BillmgrBusyException.class, () -> guard(new TestStrategy("rid-1")).run(client, request()));
        assertEquals("rid-1", exchange.getProperty(KEY), "the request still running may be this one");
    }

    @Test
    void redeliveryFindsTheChangeLandedAndSendsNothing() throws Exception {
        exchange.setProperty(KEY, "rid-1");
        TestStrategy strategy = new TestStrategy("rid-1");
        strategy.landed = true;
        reply.set(OK);
        var guard = guard(strategy);
        assertTrue(guard.redelivery());
        var result = guard.run(client, request());
        assertFalse(result.sent());
        assertEquals(Boolean.TRUE, result.landedBefore());
        assertEquals(0, server.requestCount(), "not sent again");
        assertNull(exchange.getProperty(KEY));
    }

    @Test
    void redeliveryThatFindsNothingSendsAgain() throws Exception {
        exchange.setProperty(KEY, "rid-1");
        reply.set(OK);
        var result = guard(new TestStrategy("rid-1")).run(client, request());
        assertTrue(result.sent());
        assertEquals(1, server.requestCount());
        assertNull(exchange.getProperty(KEY));
    }

    @Test
    void aRecordOfAnotherChangeIsNotARedelivery() throws Exception {
        exchange.setProperty(KEY, "rid-other");
        TestStrategy strategy = new TestStrategy("rid-1");
        strategy.landed = true; // would stop the send, were it asked
        reply.set(OK);
        var guard = guard(strategy);
        assertFalse(guard.redelivery());
        assertTrue(guard.run(client, request()).sent());
        assertEquals(0, strategy.lookUps);
    }

    @Test
    void redeliveryMeetingABusyBillmanagerIsUnknownAgain() {
        exchange.setProperty(KEY, "rid-1");
        reply.set(BUSY);
        BillmgrOutcomeUnknownException e = assertThrows(BillmgrOutcomeUnknownException.class,
                () -> guard(new TestStrategy("rid-1")).run(client, request()));
        assertInstanceOf(BillmgrBusyException.class, e.getCause());
        assertEquals(0, e.getStatusCode(), "no lost reply: no HTTP status is made up");
        assertNull(e.getHttpResponseStatus());
        assertEquals("rid-1", exchange.getProperty(KEY));
    }

    @Test
    void redeliveryWhoseLookUpFailsIsUnknownAndSendsNothing() {
        exchange.setProperty(KEY, "rid-1");
        TestStrategy strategy = new TestStrategy("rid-1");
        strategy.lookUpFailure = new BillmgrException("the list failed", "vds");
        BillmgrOutcomeUnknownException e = assertThrows(BillmgrOutcomeUnknownException.class,
                () -> guard(strategy).run(client, request()));
        assertSame(strategy.lookUpFailure, e.getCause());
        assertEquals(0, server.requestCount());
        assertEquals("rid-1", exchange.getProperty(KEY));
    }

    @Test
    void aLookUpBeforeAFirstAttemptThatFailsFailsAsItIs() {
        TestStrategy strategy = new TestStrategy("rid-1");
        strategy.looksFirst = true;
        strategy.lookUpFailure = new BillmgrException("the list failed", "vds");
        BillmgrException e = assertThrows(BillmgrException.class, () -> guard(strategy).run(client, request()));
        assertSame(strategy.lookUpFailure, e, "nothing was sent: not an unknown outcome");
        assertEquals(0, server.requestCount());
    }

    @Test
    void aLookUpThatCannotTellIsUnknownWithItsOwnAdvice() {
        exchange.setProperty(KEY, "rid-1");
        TestStrategy strategy = new TestStrategy("rid-1");
        strategy.cannotTell = true;
        BillmgrOutcomeUnknownException e = assertThrows(BillmgrOutcomeUnknownException.class,
                () -> guard(strategy).run(client, request()));
        assertTrue(e.getMessage().endsWith(": look at it yourself"), e.getMessage());
        assertEquals(0, server.requestCount());
    }

    @Test
    void anUnreadableReplyIsUnknownAndKeepsTheRecord() {
        reply.set(OK);
        BillmgrOutcomeUnknownException e = assertThrows(BillmgrOutcomeUnknownException.class,
                () -> guard(new TestStrategy("rid-1")).run(client, r -> request(), root -> {
                    throw new UnreadableReply("says nothing useful");
                }));
        assertTrue(e.getMessage().contains("the reply of func '" + FUNC + "' says nothing useful"), e.getMessage());
        assertEquals(0, e.getStatusCode(), "a reply came: no HTTP failure to report, and none made up");
        assertEquals("rid-1", exchange.getProperty(KEY));
    }

    @Test
    void anUnguardedChangeRecordsNothingButALostReplyIsStillUnknown() {
        reply.set(Reply.html(502, "<html/>"));
        TestStrategy strategy = new TestStrategy(null);
        assertThrows(BillmgrOutcomeUnknownException.class, () -> guard(strategy).run(client, request()));
        assertNull(recordedWhileSending.get());
        assertNull(exchange.getProperty(KEY));
    }

    private ChangeGuard<String, Boolean> guard(TestStrategy strategy) {
        return new ChangeGuard<>(strategy, exchange.getMessage(), "vds");
    }

    private static BillmgrRequest request() {
        return new BillmgrRequest(FUNC).param("sok", "ok");
    }

    /** Records a remote id; a look-up answers what the test set. */
    private static final class TestStrategy implements ChangeStrategy<String, Boolean> {

        static final String PREFIX = "CamelBillmgrPendingTest.";
        final String remoteId;
        boolean landed;
        boolean looksFirst;
        boolean cannotTell;
        BillmgrException lookUpFailure;
        int lookUps;

        TestStrategy(String remoteId) {
            this.remoteId = remoteId;
        }

        @Override
        public String pendingPrefix() {
            return PREFIX;
        }

        @Override
        public Class<String> pendingType() {
            return String.class;
        }

        @Override
        public boolean guarded() {
            return remoteId != null;
        }

        @Override
        public boolean sameChange(String left) {
            return left.equals(remoteId);
        }

        @Override
        public boolean looksFirst() {
            return looksFirst;
        }

        @Override
        public Boolean landed(BillmgrClient client, String earlier) throws BillmgrException, CannotTell {
            lookUps++;
            if (lookUpFailure != null) {
                throw lookUpFailure;
            }
            if (cannotTell) {
                throw new CannotTell(new BillmgrException("it does not show", FUNC), "look at it yourself");
            }
            return landed;
        }

        @Override
        public boolean complete(Boolean found) {
            return Boolean.TRUE.equals(found);
        }

        @Override
        public String before(BillmgrClient client) {
            return remoteId;
        }

        @Override
        public String func() {
            return FUNC;
        }

        @Override
        public String remoteId() {
            return remoteId;
        }

        @Override
        public List<Long> serviceIds() {
            return List.of();
        }

        @Override
        public String whatToDo(boolean guarded) {
            return "what to do for test";
        }
    }

}

package io.github.camelbillmgr.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbillmgr.simulator.fault.Fault;
import io.github.camelbillmgr.simulator.fault.FaultKind;
import io.github.camelbillmgr.simulator.fault.SimFaults;
import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fault kind over real loopback HTTP: what the client sees, and whether the call changed
 * the state. The order used throughout costs 5.00 of the client's 1000.00.
 */
class FaultInjectionTest {

    private static final String ORDER = "v2.vds.order.param";
    private static final BigDecimal START_BALANCE = new BigDecimal("1000.00");
    private static final BigDecimal AFTER_ONE_ORDER = new BigDecimal("995.00");

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final BillmgrSimulator sim = billmgr.simulator();
    private final SimFaults faults = sim.state().faults();
    private final SimClient api = new SimClient(sim);
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler warningCatcher = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (warnings) {
                    warnings.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void catchWarnings() {
        Logger.getLogger("").addHandler(warningCatcher);
    }

    /** An injected fault is an expected outcome: nothing at WARNING or ERROR, from us or the JDK server. */
    @AfterEach
    void nothingLoggedAsAFailure() {
        Logger.getLogger("").removeHandler(warningCatcher);
        synchronized (warnings) {
            assertTrue(warnings.isEmpty(), () -> "logged: " + warnings.stream()
                    .map(r -> r.getLevel() + " " + r.getLoggerName() + " " + r.getMessage()).toList());
        }
    }

    private SimClient.Response order() {
        return api.client("func", ORDER, "pricelist", "6", "order_period", "1", "skipbasket", "on", "sok", "ok");
    }

    private static String orderForm() {
        return SimClient.encode("func", ORDER, "pricelist", "6", "order_period", "1", "skipbasket", "on", "sok", "ok",
                "out", "json", "authinfo", SimClient.CLIENT_AUTHINFO);
    }

    private void assertNothingOrdered() {
        assertEquals(0, sim.state().serviceCount());
        assertEquals(0, START_BALANCE.compareTo(sim.state().balance(BillmgrSimulator.CLIENT_USER)));
    }

    private void assertOrderedOnce() {
        assertEquals(1, sim.state().serviceCount());
        assertEquals(0, AFTER_ONE_ORDER.compareTo(sim.state().balance(BillmgrSimulator.CLIENT_USER)),
                () -> "balance " + sim.state().balance(BillmgrSimulator.CLIENT_USER));
    }

    // ---- connections dropped ------------------------------------------------------------------

    @Test
    void dropBeforeDispatchClosesTheConnectionAndChangesNothing() {
        faults.injectNext(ORDER, 1, Fault.dropBeforeDispatch());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, this::order);
        assertTrue(e.getCause() instanceof IOException);
        assertNothingOrdered();
        assertEquals(1, sim.requests().size(), "the request did arrive");
        assertTrue(order().ok(), "the next call goes through");
        assertOrderedOnce();
    }

    @Test
    void dropAfterCommitClosesTheConnectionButTheOrderWasPlacedAndCharged() {
        faults.injectNext(ORDER, 1, Fault.dropAfterCommit());
        assertThrows(UncheckedIOException.class, this::order);
        assertOrderedOnce();
        assertEquals(SimService.STATUS_ACTIVE, sim.state().services().get(0).status());
    }

    @Test
    void aRawClientSeesTheConnectionClosedWithoutAByte() {
        faults.injectNext(ORDER, 1, Fault.dropAfterCommit());
        RawHttp.Received dropped = RawHttp.post(sim.getPort(), orderForm(), 5000);
        assertTrue(dropped.closedByServer());
        assertEquals(0, dropped.bytes().length);
        assertOrderedOnce();

        RawHttp.Received normal = RawHttp.post(sim.getPort(), orderForm(), 300);
        assertFalse(normal.closedByServer(), "without a fault the connection stays open (keep-alive)");
        assertTrue(normal.head().startsWith("HTTP/1.1 200"), normal.head());
    }

    // ---- bodies cut ---------------------------------------------------------------------------

    @Test
    void truncatedBodyPromisesTheFullLengthThenCloses() {
        faults.injectNext(ORDER, 1, Fault.truncatedBody(10));
        RawHttp.Received raw = RawHttp.post(sim.getPort(), orderForm(), 5000);
        assertTrue(raw.closedByServer());
        assertTrue(raw.head().startsWith("HTTP/1.1 200"), raw.head());
        assertEquals(10, raw.bodyLength());
        assertTrue(raw.contentLength() > 10, raw.head());
        assertOrderedOnce();

        faults.injectNext(ORDER, 1, Fault.truncatedBody());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, this::order);
        assertTrue(e.getCause().getMessage().contains("content-length"), e.getCause().getMessage());
        assertEquals(2, sim.state().serviceCount());
    }

    @Test
    void malformedBodyIsWellFramedButNotJsonNorXml() throws Exception {
        faults.injectNext(ORDER, 1, Fault.malformedBody());
        HttpResponse<String> json = SimHttp.post(sim, orderForm(), Duration.ofSeconds(10));
        assertEquals(200, json.statusCode());
        assertEquals(String.valueOf(json.body().length()), json.headers().firstValue("Content-Length").orElseThrow());
        assertTrue(json.body().startsWith("{\"doc\""), json.body());
        assertThrows(IOException.class, () -> new ObjectMapper().readTree(json.body()));
        assertOrderedOnce();

        faults.injectNext("whoami", 1, Fault.malformedBody(30));
        SimClient.Response xml = api.client("func", "whoami");
        assertEquals(200, xml.status());
        assertEquals(30, xml.body().length());
        assertFalse(parsesAsXml(xml.body()), "cut XML must not parse: " + xml.body());
    }

    // ---- pages and statuses instead of the API --------------------------------------------------

    @Test
    void html200IsALoginPageAndNothingIsExecuted() {
        faults.injectNext(ORDER, 1, Fault.html200());
        SimClient.Response r = order();
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        assertTrue(r.body().contains("<form") && r.body().contains("password"), r.body());
        assertNothingOrdered();

        faults.injectNext("whoami", 1, Fault.html200("<html><body>Proxy says hi</body></html>"));
        assertEquals("<html><body>Proxy says hi</body></html>", api.client("func", "whoami").body());
    }

    @Test
    void html200AfterCommitExecutesTheCall() {
        faults.injectNext(ORDER, 1, Fault.html200().afterCommit());
        assertTrue(order().contentType().startsWith("text/html"));
        assertOrderedOnce();
    }

    @Test
    void serverErrorsAnswerHtmlWithoutExecuting() {
        faults.script(ORDER, Fault.httpStatus(500), Fault.httpStatus(502), Fault.httpStatus(503));
        for (int status : new int[] { 500, 502, 503 }) {
            SimClient.Response r = order();
            assertEquals(status, r.status());
            assertTrue(r.contentType().startsWith("text/html"), r.contentType());
            assertTrue(r.body().contains(String.valueOf(status)), r.body());
        }
        assertNothingOrdered();
    }

    @Test
    void a502AfterCommitIsAGatewayThatGaveUpOnABackendThatWentOn() {
        faults.injectNext(ORDER, 1, Fault.httpStatus(502).afterCommit());
        assertEquals(502, order().status());
        assertOrderedOnce();
    }

    // ---- busy, sessions, blocked logins ---------------------------------------------------------

    @Test
    void busyIsAnErrorDocumentWithTheConfiguredTypeAndNothingIsExecuted() {
        faults.injectNext(ORDER, 1, Fault.busy());
        SimClient.Response r = order();
        assertEquals(200, r.status());
        assertEquals("processing", r.errorType());
        assertEquals("Request in process, please wait", r.x("/doc/error/msg"));
        assertNothingOrdered();

        sim.settings().setBusyErrorType("lock").setBusyMessage("Busy, try later");
        faults.injectNext(ORDER, 1, Fault.busy());
        SimClient.Response changed = order();
        assertEquals("lock", changed.errorType());
        assertEquals("Busy, try later", changed.x("/doc/error/msg"));
        assertNothingOrdered();
        assertTrue(order().ok());
    }

    @Test
    void sessionExpiredLeavesTheCallerWithAnUnknownSession() {
        String sid = api.post("func", "auth", "username", BillmgrSimulator.CLIENT_USER,
                "password", BillmgrSimulator.CLIENT_PASSWORD).x("/doc/auth/@id");
        assertEquals(BillmgrSimulator.CLIENT_USER, api.post("func", "whoami", "auth", sid).x("/doc/user"));
        assertEquals(1, sim.state().sessionCount());

        faults.injectNext("whoami", 1, Fault.sessionExpired());
        assertEquals("access", api.post("func", "whoami", "auth", sid).errorType());
        assertEquals("access", api.post("func", "whoami", "auth", sid).errorType(), "the session stays gone");
        assertEquals(0, sim.state().sessionCount());
        assertEquals(BillmgrSimulator.CLIENT_USER, api.client("func", "whoami").x("/doc/user"), "authinfo still works");
    }

    @Test
    void blockLogonBlocksTheUserUntilTheBlockEndsOnTheClock() {
        faults.injectNext("auth", 1, Fault.blockLogon());
        String[] login = { "func", "auth", "username", BillmgrSimulator.CLIENT_USER,
                "password", BillmgrSimulator.CLIENT_PASSWORD };
        SimClient.Response blocked = api.post(login);
        assertEquals("auth", blocked.errorType());
        assertEquals("blocklogon", blocked.errorObject());
        assertEquals("blocklogon", api.post(login).errorObject(), "still blocked without a fault");
        assertEquals("blocklogon", api.client("func", "whoami").errorObject(), "authinfo logins too");

        sim.clock().advance(sim.settings().getLoginBlockDuration());
        assertFalse(api.post(login).x("/doc/auth/@id").isEmpty());
    }

    // ---- delays -------------------------------------------------------------------------------

    @Test
    void delayAnswersNormallyButLate() {
        faults.injectNext("whoami", 1, Fault.delay(Duration.ofMillis(300)));
        long started = System.nanoTime();
        assertEquals(BillmgrSimulator.CLIENT_USER, api.client("func", "whoami").x("/doc/user"));
        assertTrue(System.nanoTime() - started >= 250_000_000L);
    }

    @Test
    void delayAfterCommitTimesTheClientOutAfterTheOrderWasPlaced() {
        faults.injectNext(ORDER, 1, Fault.delayAfterCommit(Duration.ofSeconds(2)));
        assertThrows(HttpTimeoutException.class, () -> SimHttp.post(sim, orderForm(), Duration.ofMillis(300)));
        awaitTrue(() -> sim.state().serviceCount() == 1, "the order was committed before the delay");
        assertOrderedOnce();
    }

    @Test
    void latencyHoldsForEveryMatchingCallUntilRemoved() {
        faults.latency("whoami", Duration.ofMillis(150));
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            api.client("func", "whoami");
            assertTrue(System.nanoTime() - started >= 120_000_000L, "call " + i);
        }
        assertEquals(0, faults.pending(), "latency is not a countable rule");
        assertEquals(0, faults.injectedTotal(), "nor a counted fault");
        faults.latency("whoami", Duration.ZERO);
        assertEquals("none", faults.toString());
    }

    // ---- matching, combinations, random over HTTP ----------------------------------------------

    @Test
    void rulesMatchTheirFunctionOnly() {
        faults.injectNext("vds", 1, Fault.busy());
        faults.injectNext("*.order.param", 1, Fault.error("value", "period", null));
        assertEquals("", api.client("func", "whoami").errorType());
        assertEquals("value", order().errorType());
        assertEquals("processing", api.client("func", "vds").errorType());
        assertEquals(0, faults.pending());
    }

    @Test
    void delayNextStillStacksWithAnErrorOnTheSameCall() {
        faults.delayNext("vds", 1, Duration.ofMillis(200)).failNext("vds", 1, "processing", null);
        long started = System.nanoTime();
        assertEquals("processing", api.client("func", "vds").errorType());
        assertTrue(System.nanoTime() - started >= 150_000_000L);
        assertEquals("0", api.client("func", "vds").x("/doc/p_elems"));
    }

    /** Over HTTP, the n-th call gets what the n-th draw of the same seed says, whatever the kinds. */
    @Test
    void randomFaultsOverHttpFollowTheSeed() {
        Fault[] kinds = { Fault.busy(), Fault.httpStatus(503), Fault.error("injected") };
        faults.randomly("whoami", 0.3, 7L, kinds);
        SimFaults twin = new SimFaults().randomly("whoami", 0.3, 7L, kinds);
        for (int i = 0; i < 60; i++) {
            SimClient.Response r = api.client("func", "whoami");
            Fault expected = twin.decide("whoami").fault();
            String type = r.status() == 200 ? r.errorType() : "";
            String seen = r.status() == 503 ? "http_status=503"
                    : type.equals("processing") ? "busy"
                    : type.equals("injected") ? "error=injected" : "none";
            assertEquals(expected.toString(), seen, "call " + i);
        }
        assertEquals(twin.injected(), faults.injected());
        assertTrue(faults.injectedTotal() > 5, faults.injected().toString());
    }

    @Test
    void resetAndClearRemoveEveryRuleAndCount() {
        faults.injectNext(ORDER, 3, Fault.dropAfterCommit()).script("vds", Fault.busy())
                .randomly("whoami", 1.0, 1L, FaultKind.BUSY).latency("vds", Duration.ofSeconds(5));
        assertEquals("processing", api.client("func", "whoami").errorType());
        assertEquals(1, faults.injected(FaultKind.BUSY));
        sim.reset();
        assertEquals("none", faults.toString());
        assertEquals(0, faults.pending());
        assertEquals(0, faults.injectedTotal());
        assertTrue(order().ok());
        assertOrderedOnce();
        assertEquals("", api.client("func", "whoami").errorType());
        long started = System.nanoTime();
        assertEquals("", api.client("func", "vds").errorType());
        assertTrue(System.nanoTime() - started < 4_000_000_000L, "the latency is gone");
    }

    private static boolean parsesAsXml(String body) {
        try {
            DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());   // quiet: the failure is the expected outcome
            builder.parse(new InputSource(new StringReader(body)));
            return true;
        } catch (SAXException e) {
            return false;
        } catch (ParserConfigurationException | IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.onSpinWait();
        }
    }

    /** java.net.http with a per-test response timeout and the raw response. */
    static final class SimHttp {
        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        static HttpResponse<String> post(BillmgrSimulator sim, String form, Duration timeout)
                throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create(sim.getBaseUrl())).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

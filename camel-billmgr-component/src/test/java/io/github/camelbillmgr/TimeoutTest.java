package io.github.camelbillmgr;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A BILLmanager that never answers fails the exchange within the billmgr timeouts, whatever camel-http's own
 * timeouts are (its response timeout is infinite by default), and the exception says which timeout expired.
 */
class TimeoutTest extends BillmgrTestSupport {

    /** Far above every timeout used here, far below camel-http's three minutes. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static SilentServer silent;

    @BeforeAll
    static void startSilentServer() throws IOException {
        silent = new SilentServer();
    }

    @AfterAll
    static void stopSilentServer() throws IOException {
        silent.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // a pool of one connection, to make a request wait for it
        HttpComponent onePool = new HttpComponent();
        onePool.setMaxTotalConnections(1);
        onePool.setConnectionsPerRoute(1);
        context.getRegistry().bind("onePool", onePool);
        return context;
    }

    @Test
    void defaultsAreSecondsNotMinutes() {
        BillmgrConfiguration defaults = new BillmgrConfiguration();
        assertEquals(10_000L, defaults.getConnectTimeout());
        assertEquals(60_000L, defaults.getResponseTimeout());
        assertEquals(30_000L, defaults.getConnectionRequestTimeout());

        BillmgrConfiguration endpoint
                = context.getEndpoint("billmgr:vds/list", BillmgrEndpoint.class).getConfiguration();
        assertEquals(10_000L, endpoint.getConnectTimeout());
        assertEquals(60_000L, endpoint.getResponseTimeout());
        assertEquals(30_000L, endpoint.getConnectionRequestTimeout());
    }

    @Test
    void uriAndComponentOptionsOverrideTheDefaultsInMillisOrAsDurations() {
        BillmgrConfiguration c = context.getEndpoint(
                "billmgr:vds/list?connectTimeout=2500&responseTimeout=90s&connectionRequestTimeout=1m30s",
                BillmgrEndpoint.class).getConfiguration();
        assertEquals(2_500L, c.getConnectTimeout());
        assertEquals(90_000L, c.getResponseTimeout());
        assertEquals(90_000L, c.getConnectionRequestTimeout());

        // camel.component.billmgr.responseTimeout = 2m
        BillmgrComponent component = context.getComponent("billmgr", BillmgrComponent.class);
        PropertyBindingSupport.build().bind(context, component, "responseTimeout", "2m");
        assertEquals(120_000L, component.getConfiguration().getResponseTimeout());
        assertEquals(120_000L,
                context.getEndpoint("billmgr:vds/get", BillmgrEndpoint.class).getConfiguration().getResponseTimeout());
    }

    @Test
    void aTimeoutOfZeroIsRefusedBecauseItWouldWaitForever() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("billmgr:vds/list?responseTimeout=0"));
        assertTrue(e.getMessage().contains("Invalid responseTimeout '0'"), e.getMessage());
    }

    @Test
    void aListFromAServerThatNeverAnswersFailsAfterTheResponseTimeout() {
        long start = System.nanoTime();
        BillmgrTransportException e = assertTimeoutPreemptively(BOUND,
                () -> failure("billmgr:vds/list?responseTimeout=500ms&baseUrl=" + silent.url("http"), null,
                        BillmgrTransportException.class));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsed >= 500, "failed after " + elapsed + " ms, before the response timeout");
        assertFalse(e instanceof BillmgrOutcomeUnknownException, "a list changes nothing: " + e);
        assertEquals(0, e.getStatusCode());
        assertTrue(e.getMessage().contains("no reply within responseTimeout (500ms) after the request was sent"),
                e.getMessage());
        assertNoSecret(e.getMessage());
    }

    @Test
    void anOrderToAServerThatNeverAnswersHasAnUnknownOutcome() {
        BillmgrOutcomeUnknownException e = assertTimeoutPreemptively(BOUND,
                () -> failure("billmgr:vds/order?pricelist=6&period=1&responseTimeout=500ms&baseUrl="
                        + silent.url("http"), null, BillmgrOutcomeUnknownException.class));
        assertNotNull(e.getRemoteId(), "the remote id to look for");
        assertTrue(e.getMessage().contains("responseTimeout (500ms)"), e.getMessage());
        assertTrue(e.getMessage().contains("may or may not have run it"), e.getMessage());
        assertTrue(e.getMessage().contains(e.getRemoteId()), e.getMessage());
        assertNoSecret(e.getMessage());
    }

    @Test
    void aTlsHandshakeThatNeverCompletesFailsAfterTheConnectTimeout() {
        // the server accepts the connection and never answers the ClientHello; camel-http's soTimeout (three
        // minutes) is not what bounds it
        long start = System.nanoTime();
        BillmgrTransportException e = assertTimeoutPreemptively(BOUND,
                () -> failure("billmgr:func/whoami?connectTimeout=500ms&baseUrl=" + silent.url("https"), null,
                        BillmgrTransportException.class));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsed >= 500, "failed after " + elapsed + " ms, before the connect timeout");
        assertEquals(0, e.getStatusCode());
        assertTrue(e.getMessage().contains("the connection (TCP and TLS handshake) did not open within connectTimeout "
                + "(500ms), so the request was not sent"), e.getMessage());
        assertNoSecret(e.getMessage());
    }

    @Test
    void aRequestThatWaitsForAPooledConnectionGivesUpAfterTheConnectionRequestTimeout() throws Exception {
        String uri = "billmgr:func/whoami?httpComponentName=onePool&responseTimeout=3s&connectionRequestTimeout=300ms"
                + "&baseUrl=" + silent.url("http");
        // the first exchange takes the only connection and waits for an answer that never comes
        silent.forgetConnections();
        CompletableFuture<Exchange> first = template.asyncSend(uri, x -> {
        });
        assertTrue(silent.awaitConnection(10), "the first request reached the server");

        long start = System.nanoTime();
        BillmgrTransportException waiting = assertTimeoutPreemptively(BOUND,
                () -> failure(uri, null, BillmgrTransportException.class));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsed < 3_000, "gave up after " + elapsed + " ms, not after the pool wait");
        assertTrue(waiting.getMessage().contains("no connection of the camel-http pool became free within "
                + "connectionRequestTimeout (300ms), so the request was not sent"),
                waiting.getMessage());

        Exception firstFailure = first.get(BOUND.toSeconds(), TimeUnit.SECONDS).getException();
        assertTrue(firstFailure.getMessage().contains("responseTimeout (3s)"), String.valueOf(firstFailure));
    }

    @Test
    void aConnectionThatNeverOpensFailsAfterTheConnectTimeout() throws Exception {
        // A listening socket that accepts nothing, with its backlog full: Linux then drops new SYNs, so a connect
        // hangs as it would towards a host behind a firewall that drops packets.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> backlog = new ArrayList<>();
            try {
                assumeTrue(fillBacklog(full, backlog),
                        "this system refuses connections to a full backlog instead of dropping them");
                String url = "http://127.0.0.1:" + full.getLocalPort() + "/billmgr";
                long start = System.nanoTime();
                BillmgrTransportException e = assertTimeoutPreemptively(BOUND,
                        () -> failure("billmgr:func/whoami?connectTimeout=500ms&baseUrl=" + url, null,
                                BillmgrTransportException.class));
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(elapsed >= 500, "failed after " + elapsed + " ms, before the connect timeout");
                assertTrue(e.getMessage().contains("the connection did not open within connectTimeout (500ms), so the "
                        + "request was not sent"), e.getMessage());
            } finally {
                for (Socket s : backlog) {
                    s.close();
                }
            }
        }
    }

    /** Connects until a connection attempt hangs; true when one did. */
    private static boolean fillBacklog(ServerSocket server, List<Socket> sockets) throws IOException {
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            sockets.add(s);
            try {
                s.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 300);
            } catch (SocketTimeoutException hung) {
                return true;
            } catch (IOException refused) {
                return false;
            }
        }
        return false;
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(io.github.camelbillmgr.simulator.BillmgrSimulator.CLIENT_PASSWORD), text);
        assertFalse(text.contains("Cl1ent-P%40ss"), text);
    }
}

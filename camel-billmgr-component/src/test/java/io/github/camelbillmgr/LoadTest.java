package io.github.camelbillmgr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelbillmgr.corpus.LeakCheck;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * 1,000 orders in flight at once against a slow BILLmanager: camel-http's pool limits hold (the server never sees
 * more connections than the pool allows), the thread count does not grow with the number of exchanges, every
 * exchange completes, none fails but by the connection request timeout, and no connection stays leased.
 * <p>
 * The route hands the exchanges to more worker threads than the pool has connections, so workers queue for a
 * connection: with a generous connectionRequestTimeout they all get one in turn, with a short one some give up, and
 * those are then exactly the exchanges that fail, with the timeout's message, and never reached BILLmanager.
 */
class LoadTest extends BillmgrTestSupport {

    private static final int EXCHANGES = 1_000;
    /** camel-http's defaults are 200 in total and 20 per route; set here so the test does not depend on them. */
    private static final int MAX_TOTAL = 20;
    private static final int PER_ROUTE = 20;
    /** More workers than connections, so that some wait for one. */
    private static final int WORKERS = 50;
    private static final Duration LATENCY = Duration.ofMillis(200);
    /** Threads the JVM may start besides the workers and the simulator's server threads (one per connection). */
    private static final int THREAD_MARGIN = 25;
    private static final String ORDER = "v2.vds.order.param";
    private static final String ORDER_URI
            = "billmgr:vds/order?pricelist=6&period=1&ostempl=ISPsystem__Ubuntu-22.04-amd64"
                    + "&httpComponentName=loadPool";

    /** Holds the workers until every exchange has been handed over, so that all 1,000 are in flight together. */
    private final CountDownLatch allSent = new CountDownLatch(1);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HttpComponent pool = new HttpComponent();
        pool.setMaxTotalConnections(MAX_TOTAL);
        pool.setConnectionsPerRoute(PER_ROUTE);
        context.getRegistry().bind("loadPool", pool);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the exception stays on the exchange for the test to read; no error handler logs 1,000 of them
                errorHandler(noErrorHandler());
                from("direct:patient").threads(WORKERS, WORKERS).maxQueueSize(EXCHANGES).threadName("load-patient")
                        .process(e -> awaitAllSent())
                        .to(ORDER_URI + "&connectionRequestTimeout=30s");
                from("direct:impatient").threads(WORKERS, WORKERS).maxQueueSize(EXCHANGES).threadName("load-impatient")
                        .process(e -> awaitAllSent())
                        .to(ORDER_URI + "&connectionRequestTimeout=100ms");
            }
        };
    }

    private void awaitAllSent() throws InterruptedException {
        if (!allSent.await(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the exchanges were not all sent");
        }
    }

    @Test
    void aThousandOrdersInFlightAllCompleteWithinThePoolLimits() throws Exception {
        Run run = run("direct:patient");

        assertEquals(EXCHANGES, run.succeeded(), () -> "every order succeeds; failures: " + run.failures);
        assertEquals(EXCHANGES, simulator.state().servicesOf("vds").size(), "one VPS per exchange");
        assertEquals(EXCHANGES, run.orderRequests, "one order request per exchange");
        assertTrue(run.poolWaits(), "workers had to wait for a connection: " + run);
    }

    @Test
    void withAShortConnectionRequestTimeoutOnlyThoseThatTimedOutFailAndTheyWereNeverSent() throws Exception {
        Run run = run("direct:impatient");

        assertTrue(run.failures.size() > 0, "with 100 ms for a connection some orders give up: " + run);
        assertTrue(run.succeeded() > 0, "the first ones get a connection at once: " + run);
        for (Exception e : run.failures) {
            // NOT_DONE: no connection was leased, so the order was not sent, and repeating it is safe
            BillmgrTransportException t = assertInstanceOf(BillmgrTransportException.class, e);
            assertFalse(t instanceof BillmgrOutcomeUnknownException, () -> "never sent, so not unknown: " + t);
            assertEquals(BillmgrOutcome.NOT_DONE, t.getOutcome());
            assertInstanceOf(ConnectionRequestTimeoutException.class, t.getCause());
            assertTrue(t.getMessage().contains("no connection of the camel-http pool became free within "
                    + "connectionRequestTimeout (100ms), so the request was not sent"),
                    t.getMessage());
        }
        assertEquals(run.succeeded(), simulator.state().servicesOf("vds").size(), "one VPS per successful exchange");
        assertEquals(run.succeeded(), run.orderRequests, "the ones that timed out never reached BILLmanager");
    }

    /** Sends 1,000 orders to the route without waiting, lets them go at once, and collects what happened. */
    private Run run(String route) throws Exception {
        simulator.state().setBalance(BillmgrSimulator.CLIENT_USER, new BigDecimal("1000000"));
        simulator.state().faults().latency("*", LATENCY);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int baselineThreads = threads.getThreadCount();
        threads.resetPeakThreadCount();

        AsyncProducer producer = context.getEndpoint(route).createAsyncProducer();
        producer.start();
        CountDownLatch done = new CountDownLatch(EXCHANGES);
        Queue<Exception> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger completed = new AtomicInteger();
        try {
            for (int i = 0; i < EXCHANGES; i++) {
                Exchange exchange = producer.getEndpoint().createExchange();
                producer.process(exchange, doneSync -> {
                    if (exchange.getException() != null) {
                        failures.add(exchange.getException());
                    }
                    completed.incrementAndGet();
                    done.countDown();
                });
            }
            int inFlight = context.getInflightRepository().size();
            long start = System.nanoTime();
            allSent.countDown();
            if (!done.await(60, TimeUnit.SECONDS)) {
                fail(done.getCount() + " exchange(s) never completed");
            }
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int peakThreads = threads.getPeakThreadCount();

            assertEquals(EXCHANGES, inFlight, "every exchange was in flight at the same time");
            assertEquals(EXCHANGES, completed.get(), "none lost");
            List<PoolingHttpClientConnectionManager> pools = LeakCheck.pools(context);
            assertEquals(1, pools.size(), "every order went through the loadPool endpoint");
            PoolingHttpClientConnectionManager pool = pools.get(0);
            assertEquals(MAX_TOTAL, pool.getMaxTotal(), "the component's limits reached the pool");
            assertEquals(PER_ROUTE, pool.getDefaultMaxPerRoute());
            int serverPeak = simulator.peakConcurrentConnections();
            assertTrue(serverPeak <= PER_ROUTE, "BILLmanager saw " + serverPeak + " connections at once");
            assertTrue(simulator.connectionsSeen() <= PER_ROUTE,
                    "connections are reused, not opened per exchange: " + simulator.connectionsSeen());
            int threadBound = baselineThreads + WORKERS + PER_ROUTE + THREAD_MARGIN;
            assertTrue(peakThreads <= threadBound, "threads peaked at " + peakThreads + " (baseline " + baselineThreads
                    + "), above " + threadBound + ": they grow with the exchanges");
            int inUse = LeakCheck.connectionsInUse(context, Duration.ofSeconds(5));
            if (route.equals("direct:patient")) {
                assertEquals(0, inUse, () -> "connections still leased: " + pool.getTotalStats());
            } else if (inUse > 0) {
                // HttpClient 5's pool has a window in which a lease that timed out at the caller is still completed
                // (httpcomponents-core #277, httpcomponents-client #309): seen about once in ten runs on a loaded
                // machine, never with a timeout that does not expire. It is HttpClient's, not the component's; what
                // must hold is that it stays rare and the pool keeps serving.
                System.out.printf("load %s: %d connection(s) stayed leased after connection request timeouts (%s)%n",
                        route, inUse, pool.getTotalStats());
                assertTrue(inUse < PER_ROUTE / 4, () -> "connections leaked: " + pool.getTotalStats());
                // a read, so that the order counts below stay exact
                assertNotNull(template.requestBody("billmgr:func/whoami?httpComponentName=loadPool"
                        + "&connectionRequestTimeout=5s", (Object) null),
                        "the pool still serves");
            }

            long orders = simulator.requests().stream().filter(r -> ORDER.equals(r.func())).count();
            Run run = new Run(new ArrayList<>(failures), orders, serverPeak, elapsed);
            System.out.printf("load %s: %d in flight, %d completed, %d succeeded, %d failed by the connection request "
                    + "timeout, %d ms; server: %d connections at most at once, %d seen; threads: peak %d, "
                    + "baseline %d, %d workers; pool: maxTotal %d, per route %d; latency %d ms%n",
                    route, inFlight, completed.get(), run.succeeded(), failures.size(), elapsed, serverPeak,
                    simulator.connectionsSeen(), peakThreads, baselineThreads, WORKERS, MAX_TOTAL, PER_ROUTE,
                    LATENCY.toMillis());
            return run;
        } finally {
            allSent.countDown();
            producer.stop();
        }
    }

    private record Run(List<Exception> failures, long orderRequests, int serverPeak, long elapsedMillis) {

        int succeeded() {
            return EXCHANGES - failures.size();
        }

        /** Slower than the pool can serve in one round: workers queued for connections. */
        boolean poolWaits() {
            return serverPeak == PER_ROUTE && elapsedMillis >= (long) EXCHANGES / PER_ROUTE * LATENCY.toMillis();
        }

        @Override
        public String toString() {
            return succeeded() + " succeeded, " + failures.size() + " failed, server peak " + serverPeak + ", "
                    + elapsedMillis + " ms" + (failures.isEmpty() ? "" : ", first failure: " + failures.get(0));
        }
    }
}

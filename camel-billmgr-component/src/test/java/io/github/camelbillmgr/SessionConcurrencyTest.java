package io.github.camelbillmgr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.fault.Fault;
import io.github.camelbillmgr.simulator.fault.FaultKind;
import io.github.camelbillmgr.simulator.fault.SimFaults;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session that expires under a concurrent batch, before it or in its middle, costs one login and fails no exchange;
 * a refused password is tried once per pause, not once per exchange.
 */
class SessionConcurrencyTest extends BillmgrTestSupport {

    private static final int BATCH = 200;
    private static final int THREADS = 8;
    /**
     * Long enough for the first pause (1 s) to end and one call to try again, even after a slow start; short of the
     * end of the second pause (2 s more).
     */
    private static final Duration WINDOW = Duration.ofMillis(2_500);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BillmgrComponent wrong = new BillmgrComponent();
        wrong.getConfiguration().setBaseUrl(simulator.getBaseUrl());
        wrong.getConfiguration().setUsername(BillmgrSimulator.CLIENT_USER);
        wrong.getConfiguration().setPassword("Wrong-Pass-1");
        context.addComponent("billmgrwrong", wrong);
        BillmgrComponent wrongSession = new BillmgrComponent();
        wrongSession.setConfiguration(wrong.getConfiguration().copy());
        wrongSession.getConfiguration().setAuthMode(BillmgrAuthMode.session);
        context.addComponent("billmgrwrongsession", wrongSession);
        return context;
    }

    private long logins() {
        return simulator.requests().stream().filter(r -> "auth".equals(r.func())).count();
    }

    @Test
    void expiredSessionUnderConcurrentLoadCostsOneLogin() throws Exception {
        call("billmgr:func/whoami?authMode=session", null, JsonNode.class);
        assertEquals(1, logins());
        simulator.clock().advance(Duration.ofHours(2)); // the session has expired for everyone
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Exchange>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> send("billmgr:vds/list?authMode=session", null)));
            }
            for (Future<Exchange> f : results) {
                Exchange e = f.get(30, TimeUnit.SECONDS);
                assertNull(e.getException(), () -> "no exchange fails: " + e.getException());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, logins(), "one login at the start, exactly one after the expiry");
        System.out.printf("session expiry under 200 concurrent exchanges: %d re-login(s)%n", logins() - 1);
    }

    @Test
    void aSessionThatExpiresInTheMiddleOfAConcurrentBatchCostsOneLogin() throws Exception {
        call("billmgr:func/whoami?authMode=session", null, JsonNode.class);
        assertEquals(1, logins());
        SimFaults faults = simulator.state().faults();
        // slow enough that many requests carry the session when it goes, and are refused with it together
        faults.latency("vds", Duration.ofMillis(20));
        List<Fault> script = new ArrayList<>(Collections.nCopies(BATCH / 2, Fault.none()));
        script.add(Fault.sessionExpired()); // the list call after the first half drops the session
        faults.script("vds", script);

        List<Exchange> done = sendConcurrently("billmgr:vds/list?authMode=session", BATCH, 16);
        for (Exchange e : done) {
            assertNull(e.getException(), () -> "no exchange fails: " + e.getException());
        }

        assertEquals(1, faults.injected(FaultKind.SESSION_EXPIRED), "the session was dropped once");
        assertEquals(2, logins(), "one login at the start, exactly one after the expiry");
        List<RecordedRequest> log = simulator.requests();
        int relogin = indexOfLogin(log, 2);
        long listsBefore = log.subList(0, relogin).stream().filter(r -> "vds".equals(r.func())).count();
        long listsAfter = log.subList(relogin, log.size()).stream().filter(r -> "vds".equals(r.func())).count();
        assertTrue(listsBefore > BATCH / 2 && listsAfter > 0,
                "the session expired in the middle: " + listsBefore + " list calls before the re-login, " + listsAfter
                        + " after");
        // each request refused with the dropped session was sent once more, with the fresh one
        long refused = listsBefore + listsAfter - BATCH;
        assertTrue(refused >= 1, "at least the request that dropped it was refused: " + refused);
        System.out.printf("session expiry in the middle of %d concurrent exchanges: after %d served, %d request(s) "
                + "refused with the old session, %d re-login(s), %d failed%n",
                BATCH, BATCH / 2, refused, logins() - 1, 0);
    }

    @Test
    void aRefusedPasswordIsTriedOncePerPauseNotOncePerExchange() throws Exception {
        int exchanges = burst("billmgrwrong:func/whoami");
        long sent = simulator.requests().stream().filter(r -> "whoami".equals(r.func())).count();
        // with authinfo every request carries the password: the first round is the requests already on their way
        // when the first refusal comes back (one per thread at most); after the one-second pause one call tries again,
        // not every thread, and the next pause (two seconds) ends beyond the window
        assertTrue(sent <= THREADS + 1, exchanges + " exchanges with a refused password over " + WINDOW.toMillis()
                + " ms reached BILLmanager " + sent + " times");
        BillmgrAuthenticationException e
                = failure("billmgrwrong:func/whoami", null, BillmgrAuthenticationException.class);
        assertTrue(e.getMessage().contains("not sent"), e.getMessage());
        System.out.printf("refused password, authinfo: %d exchanges from %d threads over %d ms, %d request(s) sent%n",
                exchanges, THREADS, WINDOW.toMillis(), sent);
    }

    @Test
    void aRefusedLoginIsTriedOncePerPauseAndDoesNotGetTheUserBlocked() throws Exception {
        int exchanges = burst("billmgrwrongsession:func/whoami");
        long attempts = logins();
        // one login at the start (the threads waiting for it do not repeat it) and one after the one-second pause
        assertTrue(attempts <= 2, exchanges + " exchanges over " + WINDOW.toMillis() + " ms tried " + attempts
                + " logins");
        assertEquals(0, simulator.requests().stream().filter(r -> "whoami".equals(r.func())).count(),
                "nothing is sent without a session");
        // BILLmanager blocks a user after 5 failed logins within a minute (blocklogon): the right password still works
        Exchange right = send("billmgr:func/whoami?authMode=session", null);
        assertNull(right.getException(), () -> "the user got blocked: " + right.getException());
        System.out.printf("refused password, session: %d exchanges from %d threads over %d ms, %d login(s) tried%n",
                exchanges, THREADS, WINDOW.toMillis(), attempts);
    }

    /** Sends from every thread, one exchange after the other, for the window; each must fail on the credentials. */
    private int burst(String uri) throws Exception {
        AtomicInteger exchanges = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long end = System.nanoTime() + WINDOW.toNanos();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        Exchange e = send(uri, null);
                        assertInstanceOf(BillmgrAuthenticationException.class, e.getException());
                        exchanges.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(exchanges.get() > 100, "a real burst: " + exchanges.get());
        return exchanges.get();
    }

    private List<Exchange> sendConcurrently(String uri, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Exchange>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                results.add(pool.submit(() -> send(uri, null)));
            }
            List<Exchange> done = new ArrayList<>();
            for (Future<Exchange> f : results) {
                done.add(f.get(30, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The index in the log of the n-th login (1-based). */
    private static int indexOfLogin(List<RecordedRequest> log, int n) {
        int seen = 0;
        for (int i = 0; i < log.size(); i++) {
            if ("auth".equals(log.get(i).func()) && ++seen == n) {
                return i;
            }
        }
        throw new AssertionError("fewer than " + n + " logins in " + log.size() + " requests");
    }
}

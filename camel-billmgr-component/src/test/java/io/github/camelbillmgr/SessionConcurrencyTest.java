package io.github.camelbillmgr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session that expires under a concurrent batch costs one login, and a refused password is not sent again and
 * again.
 */
class SessionConcurrencyTest extends BillmgrTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BillmgrComponent wrong = new BillmgrComponent();
        wrong.getConfiguration().setBaseUrl(simulator.getBaseUrl());
        wrong.getConfiguration().setUsername(BillmgrSimulator.CLIENT_USER);
        wrong.getConfiguration().setPassword("Wrong-Pass-1");
        context.addComponent("billmgrwrong", wrong);
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
    void refusedPasswordBacksOffInsteadOfStorming() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Exchange>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> send("billmgrwrong:func/whoami", null)));
            }
            for (Future<Exchange> f : results) {
                assertInstanceOf(BillmgrAuthenticationException.class, f.get(30, TimeUnit.SECONDS).getException());
            }
        } finally {
            pool.shutdownNow();
        }
        long sent = simulator.requests().stream().filter(r -> "whoami".equals(r.func())).count();
        assertTrue(sent < 10, "50 exchanges with a refused password reached BILLmanager only " + sent + " times");
        BillmgrAuthenticationException e = failure("billmgrwrong:func/whoami", null, BillmgrAuthenticationException.class);
        assertTrue(e.getMessage().contains("not sent"), e.getMessage());
        System.out.printf("refused password: 51 exchanges, %d request(s) sent%n", sent);
    }
}

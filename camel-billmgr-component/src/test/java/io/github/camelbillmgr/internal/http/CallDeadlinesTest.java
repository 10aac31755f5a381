package io.github.camelbillmgr.internal.http;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallDeadlinesTest {

    private final ScheduledThreadPoolExecutor scheduler
            = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1);
    private final CallDeadlines deadlines = new CallDeadlines(scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aCallStillRunningAtItsDeadlineIsCancelledAndOneThatEndedIsNot() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicInteger cancels = new AtomicInteger();
        CallDeadline slow = deadlines.start(200, () -> {
            cancels.incrementAndGet();
            cancelled.countDown();
            return true;
        });
        CallDeadline quick = deadlines.start(200, () -> {
            cancels.addAndGet(100);
            return true;
        });
        quick.close();
        assertTrue(cancelled.await(10, TimeUnit.SECONDS), "the running call is cancelled");
        assertTrue(slow.expired());
        assertFalse(quick.expired());
        Thread.sleep(3 * CallDeadlines.SWEEP_MILLIS);
        assertEquals(1, cancels.get(), "cancelled once, and the call that ended never");
        slow.close();
    }

    @Test
    void theSweepStopsWhenNoCallRunsAndStartsAgainWithTheNext() throws Exception {
        deadlines.start(60_000, () -> true).close();
        Thread.sleep(3 * CallDeadlines.SWEEP_MILLIS);
        assertEquals(0, scheduler.getQueue().size(), "nothing scheduled while idle");
        CountDownLatch cancelled = new CountDownLatch(1);
        CallDeadline next = deadlines.start(50, () -> {
            cancelled.countDown();
            return true;
        });
        assertTrue(cancelled.await(10, TimeUnit.SECONDS), "a call after an idle time still has its deadline");
        assertTrue(next.expired());
    }
}

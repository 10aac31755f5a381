package io.github.camelbillmgr.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.core5.concurrent.Cancellable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the {@link CallDeadline}s of one client's running calls, a tenth of a second apart, with one sweep on the
 * component's scheduler thread while calls are running (none while the client is idle). A timer per call would cost
 * each call a task, the scheduler queue's lock and a wake-up of the scheduler thread, to be cancelled a few
 * milliseconds later in nearly every case; a call here costs an entry in a concurrent set. A call is cancelled at
 * most {@link #SWEEP_MILLIS} after its deadline.
 */
final class CallDeadlines {

    /** How often the running calls are checked while there are any. */
    static final long SWEEP_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(CallDeadlines.class);

    private final ScheduledExecutorService scheduler;
    private final Set<CallDeadline> running = ConcurrentHashMap.newKeySet();
    /** Whether a sweep is scheduled; set by the call that finds none, cleared by the sweep that finds no call. */
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final Runnable sweep = this::sweep;

    CallDeadlines(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** The deadline of a call that starts now and may take {@code millis}; close it when the call is over. */
    CallDeadline start(long millis, Cancellable request) {
        CallDeadline deadline
                = new CallDeadline(this, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis), request);
        running.add(deadline);
        if (!sweeping.get() && sweeping.compareAndSet(false, true)) {
            schedule();
        }
        return deadline;
    }

    void finished(CallDeadline deadline) {
        running.remove(deadline);
    }

    private void schedule() {
        try {
            scheduler.schedule(sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the component is stopping: its calls end with it
            sweeping.set(false);
            LOG.debug("No callTimeout sweep: the scheduler is shut down");
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (CallDeadline d : running) {
            try {
                if (d.expireIfDue(now)) {
                    running.remove(d);
                }
            } catch (RuntimeException e) {
                // one call that cannot be cancelled must not end the sweep of the others
                running.remove(d);
                LOG.warn("Could not cancel a call past its callTimeout: {}", e.toString());
            }
        }
        if (running.isEmpty()) {
            sweeping.set(false);
            // a call that started since the check saw a sweep still scheduled and left it to this one
            if (running.isEmpty() || !sweeping.compareAndSet(false, true)) {
                return;
            }
        }
        schedule();
    }
}

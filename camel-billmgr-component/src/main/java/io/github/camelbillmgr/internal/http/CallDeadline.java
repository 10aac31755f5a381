package io.github.camelbillmgr.internal.http;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The whole-call deadline ({@code callTimeout}) of one HTTP call. HttpClient's timeouts bound each wait (for a pooled
 * connection, for the connection, for the next bytes of the reply), so a server that sends a byte every few seconds
 * keeps a call going for ever. When the deadline passes, the request is cancelled: HttpClient closes its connection,
 * and whatever the call was doing fails at once.
 */
final class CallDeadline implements AutoCloseable {

    private final ScheduledFuture<?> timer;
    private volatile boolean expired;

    CallDeadline(ScheduledExecutorService scheduler, long millis, Cancellable request) {
        this.timer = scheduler.schedule(() -> {
            expired = true;
            request.cancel();
        }, millis, TimeUnit.MILLISECONDS);
    }

    /** True when the deadline passed and the call was cancelled. */
    boolean expired() {
        return expired;
    }

    @Override
    public void close() {
        timer.cancel(false);
    }

    /** What a call that ran out of time failed with; {@code sent} says whether its request had left. */
    static final class ExpiredException extends java.io.InterruptedIOException {
        private static final long serialVersionUID = 1L;
        private final boolean sent;

        ExpiredException(String message, boolean sent) {
            super(message);
            this.sent = sent;
        }

        boolean sent() {
            return sent;
        }
    }
}

package io.github.camelbillmgr.internal.http;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The whole-call deadline ({@code callTimeout}) of one HTTP call. HttpClient's timeouts bound each wait (for a pooled
 * connection, for the connection, for the next bytes of the reply), so a server that sends a byte every few seconds
 * keeps a call going for ever. When the deadline passes, the request is cancelled: HttpClient closes its connection,
 * and whatever the call was doing fails at once. {@link CallDeadlines} checks the deadlines of the running calls.
 */
final class CallDeadline implements AutoCloseable {

    private final CallDeadlines owner;
    /** When the call runs out of time, in {@link System#nanoTime()}. */
    private final long dueNanos;
    private final Cancellable request;
    private volatile boolean expired;

    CallDeadline(CallDeadlines owner, long dueNanos, Cancellable request) {
        this.owner = owner;
        this.dueNanos = dueNanos;
        this.request = request;
    }

    /** Cancels the call if its deadline passed by {@code nowNanos}; true when it did. */
    boolean expireIfDue(long nowNanos) {
        if (nowNanos - dueNanos < 0) {
            return false;
        }
        expired = true;
        request.cancel();
        return true;
    }

    /** True when the deadline passed and the call was cancelled. */
    boolean expired() {
        return expired;
    }

    /** The call is over, however it ended: its deadline is no longer checked. */
    @Override
    public void close() {
        owner.finished(this);
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

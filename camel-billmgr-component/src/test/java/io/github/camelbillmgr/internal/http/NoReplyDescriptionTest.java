package io.github.camelbillmgr.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;

import io.github.camelbillmgr.BillmgrConfiguration;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.Deadline;
import org.apache.hc.core5.util.DeadlineTimeoutException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two ways HttpClient reports an expired wait for a pooled connection are one failure, which never sent the
 * request. The second way depends on a race that a load test meets only now and then, so it is built here.
 */
class NoReplyDescriptionTest {

    private static final URI TARGET = URI.create("http://billing.example.com/billmgr");

    private static RequestTimeouts timeouts() {
        BillmgrConfiguration c = new BillmgrConfiguration();
        c.setConnectionRequestTimeout(100);
        return RequestTimeouts.of(c);
    }

    @Test
    void thePoolsOwnDeadlineIsTheConnectionRequestTimeout() {
        // what HttpClient throws when the pool, handing a released connection on, finds the wait already expired
        DeadlineTimeoutException deadline = DeadlineTimeoutException.from(Deadline.MIN_VALUE);
        IOException failed = new RequestFailedException("Request execution failed", deadline);

        IOException e = NoReplyDescription.normalized(failed);
        assertInstanceOf(ConnectionRequestTimeoutException.class, e);
        assertSame(failed, e.getCause(), "the original stays visible");
        assertTrue(NoReplyDescription.neverSent(e));
        assertTrue(NoReplyDescription.describe(e, false, TARGET, timeouts())
                .startsWith(
                        "no connection of the camel-http pool became free within connectionRequestTimeout (100ms)"));
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        IOException timeout = new ConnectionRequestTimeoutException("Timeout deadline: 100 MILLISECONDS");
        assertSame(timeout, NoReplyDescription.normalized(timeout));
        IOException aborted = new RequestFailedException("Request aborted");
        assertSame(aborted, NoReplyDescription.normalized(aborted));
        assertFalse(NoReplyDescription.neverSent(aborted), "an abort may come once the request is on the wire");
    }

    @Test
    void onlyFailuresBeforeAnyConnectionCountAsNeverSent() {
        assertTrue(NoReplyDescription.neverSent(new ConnectException("Connection refused")));
        assertFalse(NoReplyDescription.neverSent(new SocketTimeoutException("Read timed out")));
        assertFalse(NoReplyDescription.neverSent(new IOException("Connection reset")));
    }
}

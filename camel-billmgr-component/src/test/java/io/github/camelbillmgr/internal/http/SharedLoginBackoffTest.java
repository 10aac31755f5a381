package io.github.camelbillmgr.internal.http;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelbillmgr.BillmgrAuthenticationException;
import io.github.camelbillmgr.BillmgrLoginGuard;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes' LoginBackoffs sharing their pause through a {@link BillmgrLoginGuard} (here in memory; the JDBC one is
 * tested with PostgreSQL in itests/cluster), on a clock the test moves.
 */
class SharedLoginBackoffTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final MemoryGuard guard = new MemoryGuard();
    private final LoginBackoff nodeA = new LoginBackoff(now::get, guard, "http://billing|user");
    private final LoginBackoff nodeB = new LoginBackoff(now::get, guard, "http://billing|user");

    private static BillmgrAuthenticationException refusal() {
        return new BillmgrAuthenticationException("auth", "auth", "badpassword", null, Map.of(), "Invalid password");
    }

    @Test
    void aRefusalOnOneNodePausesTheOtherAndOnlyOneNodeTriesAfterThePause() throws Exception {
        long t0 = now.get();
        assertFalse(nodeB.check()); // B read the guard: no pause
        nodeA.refused(refusal());
        nodeA.refused(refusal()); // a second refusal of the same round
        assertEquals(1, guard.rounds, "refusals within one pause are one round");
        now.set(t0 + LoginBackoff.GUARD_REFRESH_MILLIS - 1);
        assertFalse(nodeB.check(), "B reads the guard at most once a second");

        now.set(t0 + LoginBackoff.FIRST_PAUSE_MILLIS);
        assertTrue(nodeA.check(), "A's pause is over: A is the cluster's probe");
        nodeA.refused(refusal()); // refused again: two seconds for everyone
        nodeA.probeDone();
        assertEquals(2, guard.rounds);
        BillmgrAuthenticationException e = assertThrows(BillmgrAuthenticationException.class, nodeB::check);
        assertTrue(e.getErrorMessage().contains("another node's login with these credentials was refused"),
                e.getErrorMessage());

        now.set(t0 + 3 * LoginBackoff.FIRST_PAUSE_MILLIS);
        assertTrue(nodeB.check(), "after the pause, B claimed the probe");
        BillmgrAuthenticationException a = assertThrows(BillmgrAuthenticationException.class, nodeA::check);
        assertTrue(a.getErrorMessage().contains("another node is trying them again now"), a.getErrorMessage());

        nodeB.accepted(); // the password works again: the pause is gone for everyone
        nodeB.probeDone();
        assertEquals(0, guard.until);
        assertTrue(nodeA.check(), "A, which was refused last, tries once more, and is accepted");
        nodeA.accepted();
        nodeA.probeDone();
        assertFalse(nodeA.check());
        assertFalse(nodeB.check());
    }

    @Test
    void aGuardThatFailsLeavesEachNodeItsOwnPause() throws Exception {
        guard.broken = true;
        nodeA.refused(refusal());
        assertThrows(BillmgrAuthenticationException.class, nodeA::check);
        assertFalse(nodeB.check(), "B knows nothing, and is not held back by a broken guard");
        now.addAndGet(LoginBackoff.FIRST_PAUSE_MILLIS);
        assertTrue(nodeA.check(), "A tries again after its own pause");
    }

    /** The cluster's pause in memory, with BillmgrLoginGuard's rules. */
    private static final class MemoryGuard implements BillmgrLoginGuard {
        long until;
        long pause;
        long probeUntil;
        int rounds;
        boolean broken;

        private void failIfBroken() {
            if (broken) {
                throw new IllegalStateException("database down");
            }
        }

        @Override
        public synchronized long pausedUntil(String identity) {
            failIfBroken();
            return until;
        }

        @Override
        public synchronized boolean claimProbe(String identity, long at, long probeMillis) {
            failIfBroken();
            if (until == 0) {
                return true;
            }
            if (until <= at && probeUntil <= at) {
                probeUntil = at + probeMillis;
                return true;
            }
            return false;
        }

        @Override
        public synchronized long refused(String identity, long at, long first, long max) {
            failIfBroken();
            if (until != 0 && at < until) {
                return until;
            }
            pause = until == 0 ? first : Math.min(pause * 2, max);
            until = at + pause;
            probeUntil = 0;
            rounds++;
            return until;
        }

        @Override
        public synchronized void accepted(String identity) {
            failIfBroken();
            until = 0;
            pause = 0;
            probeUntil = 0;
        }
    }
}

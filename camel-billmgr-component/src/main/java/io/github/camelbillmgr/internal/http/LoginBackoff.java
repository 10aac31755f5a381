package io.github.camelbillmgr.internal.http;

import java.util.Map;
import java.util.function.LongSupplier;

import io.github.camelbillmgr.BillmgrAuthenticationException;
import io.github.camelbillmgr.BillmgrLoginGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After BILLmanager refuses the credentials, fails the next calls at once for a while instead of sending them:
 * every refused login brings BILLmanager closer to blocking the user ({@code blocklogon}) or the IP, so a burst of
 * exchanges must not storm it with the same bad password. The pause doubles with each refused round, from one second
 * up to a minute, and ends with the first accepted call.
 * <p>
 * A round is one try of the credentials: the refusals of requests that were already on their way when the first
 * refusal came back belong to it and do not lengthen the pause. When a pause is over, one call tries the credentials
 * again (the probe) and the others keep failing at once until its answer is in; without that, every exchange that
 * was waiting would send the bad password together.
 * <p>
 * With a {@link BillmgrLoginGuard} (several nodes), the pause and the probe are the cluster's: a refusal is recorded
 * in the guard, a node that has no refusal of its own reads the guard's pause (at most once a second) and keeps to
 * it, and after a pause exactly one node of the cluster claims the probe.
 * <p>
 * About 250 lines, most of them comments: the node's pause, the probe and the cluster's pause are one state under one
 * monitor, and split into classes they would have to share that monitor.
 */
public final class LoginBackoff {

    static final long FIRST_PAUSE_MILLIS = 1_000;
    static final long MAX_PAUSE_MILLIS = 60_000;
    /** How often a node without a refusal of its own reads the cluster's pause. */
    static final long GUARD_REFRESH_MILLIS = 1_000;
    /** How long a claimed probe keeps the others waiting if its node dies before it reports. */
    static final long PROBE_CLAIM_MILLIS = 120_000;

    private static final Logger LOG = LoggerFactory.getLogger(LoginBackoff.class);

    private final LongSupplier clock;
    private final BillmgrLoginGuard guard;
    private final String identity;
    private long nextGuardRead;
    private long sharedUntil;
    private long pauseMillis;
    private long blockedUntil;
    /** Volatile so that the common case, no refusal at all, is checked without taking the monitor. */
    private volatile BillmgrAuthenticationException lastRefusal;
    private boolean probing;
    /** For JMX, the dev console and the metrics: pauses begun, and calls failed at once because of one. */
    private long pauses;
    private long held;

    /** Shares the pause through a guard (null: this node's pause only); identity: base URL and user, no password. */
    public LoginBackoff(BillmgrLoginGuard guard, String identity) {
        this(System::currentTimeMillis, guard, identity);
    }

    /** With a clock of its own (milliseconds), for tests. */
    LoginBackoff(LongSupplier clock) {
        this(clock, null, null);
    }

    LoginBackoff(LongSupplier clock, BillmgrLoginGuard guard, String identity) {
        this.clock = clock;
        this.guard = guard;
        this.identity = identity;
    }

    /**
     * Throws the last refusal again while the pause lasts, or while another call is trying the credentials after it.
     *
     * @return true when this call is the one that tries the credentials again after a pause: it must call
     *         {@link #probeDone()} once it has its answer, whatever the answer
     */
    public boolean check() throws BillmgrAuthenticationException {
        if (lastRefusal == null && guard == null) {
            // every call passes here: no monitor unless a refusal was recorded (or a cluster shares the pause)
            return false;
        }
        return checkRefused();
    }

    private synchronized boolean checkRefused() throws BillmgrAuthenticationException {
        if (lastRefusal == null) {
            return guard != null && checkGuard();
        }
        if (clock.getAsLong() < blockedUntil) {
            throw notSent("BILLmanager refused these credentials " + (pauseMillis / 1000) + " s ago or less, "
                    + "retrying only after a pause");
        }
        if (probing) {
            throw notSent("BILLmanager refused these credentials, and another call is trying them again now");
        }
        if (guard != null && !claimProbe()) {
            throw notSent("BILLmanager refused these credentials, and another node is trying them again now");
        }
        probing = true;
        return true;
    }

    /**
     * No refusal of this node's own: keeps to the cluster's pause, read at most once a second. When the pause is
     * over, this call may be the cluster's probe.
     */
    private boolean checkGuard() throws BillmgrAuthenticationException {
        long now = clock.getAsLong();
        if (now >= nextGuardRead) {
            nextGuardRead = now + GUARD_REFRESH_MILLIS;
            try {
                sharedUntil = guard.pausedUntil(identity);
            } catch (Exception e) {
                LOG.warn("Could not read the shared login pause, keeping to this node's own: {}", e.getMessage());
                sharedUntil = 0;
            }
        }
        if (sharedUntil == 0) {
            return false;
        }
        if (now < sharedUntil) {
            throw notSentShared("another node's login with these credentials was refused, retrying only after a pause");
        }
        if (probing || !claimProbe()) {
            throw notSentShared("another node's login with these credentials was refused, and a node is trying them "
                    + "again now");
        }
        probing = true;
        return true;
    }

    private boolean claimProbe() {
        try {
            return guard.claimProbe(identity, clock.getAsLong(), PROBE_CLAIM_MILLIS);
        } catch (Exception e) {
            LOG.warn("Could not claim the shared login probe, trying anyway: {}", e.getMessage());
            return true;
        }
    }

    /**
     * Throws the last refusal again while the pause lasts, ignoring a probe. For a thread that waited for a login
     * someone else was making: if that login was just refused, this one is not tried.
     */
    public synchronized void checkPause() throws BillmgrAuthenticationException {
        if (lastRefusal != null && clock.getAsLong() < blockedUntil) {
            throw notSent("the login just made with these credentials was refused, retrying only after a pause");
        }
        if (lastRefusal == null && clock.getAsLong() < sharedUntil) {
            throw notSentShared("another node's login with these credentials was refused, retrying only after a pause");
        }
    }

    /**
     * BILLmanager refused the credentials; within a pause, a refusal of the same round (or a copy) changes nothing.
     *
     * @return true when this refusal began a pause
     */
    public synchronized boolean refused(BillmgrAuthenticationException e) {
        long now = clock.getAsLong();
        if (lastRefusal != null && now < blockedUntil) {
            return false;
        }
        pauseMillis = pauseMillis == 0 ? FIRST_PAUSE_MILLIS : Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
        blockedUntil = now + pauseMillis;
        lastRefusal = e;
        if (guard != null) {
            try {
                // the cluster's pause, which may be further along than this node's
                sharedUntil = guard.refused(identity, now, FIRST_PAUSE_MILLIS, MAX_PAUSE_MILLIS);
                nextGuardRead = now + GUARD_REFRESH_MILLIS;
                blockedUntil = Math.max(blockedUntil, sharedUntil);
            } catch (Exception failed) {
                LOG.warn("Could not record the refused login in the shared pause: {}", failed.getMessage());
            }
        }
        pauses++;
        return true;
    }

    /**
     * Ends the pause at once (an operator's decision, through JMX, after the user was unblocked or the password
     * fixed in BILLmanager): the next call tries the credentials again.
     */
    public synchronized void endPause() {
        blockedUntil = 0;
    }

    /** What the backoff holds now, for JMX and the dev console; never the refused credentials. */
    public synchronized State state() {
        long remaining = lastRefusal == null ? 0 : Math.max(0, blockedUntil - clock.getAsLong());
        String refusal = lastRefusal == null ? null
                : lastRefusal.getType() + (lastRefusal.getObject() == null ? "" : "/" + lastRefusal.getObject());
        return new State(remaining > 0, remaining, lastRefusal == null ? 0 : pauseMillis, refusal, pauses, held);
    }

    /**
     * A snapshot of the backoff.
     *
     * @param paused           whether calls fail at once now
     * @param remainingMillis  how much longer they do
     * @param pauseMillis      the length of the current (or last) pause; 0 once BILLmanager accepted the credentials
     * @param lastRefusal      the error type and object of the refusal that is being waited out, e.g. auth/badpassword
     * @param pauses           pauses begun since the start
     * @param heldCalls        calls failed at once, unsent, since the start
     */
    public record State(boolean paused, long remainingMillis, long pauseMillis, String lastRefusal, long pauses,
                        long heldCalls) {
    }

    /** BILLmanager accepted the credentials: no more pauses. */
    public void accepted() {
        if (lastRefusal == null && guard == null) {
            // nothing to clear and no cluster to tell: a pause is only ever set together with a refusal
            return;
        }
        clear();
    }

    private synchronized void clear() {
        if (guard != null && (lastRefusal != null || sharedUntil != 0)) {
            try {
                guard.accepted(identity);
            } catch (Exception e) {
                LOG.warn("Could not clear the shared login pause: {}", e.getMessage());
            }
        }
        pauseMillis = 0;
        blockedUntil = 0;
        lastRefusal = null;
        sharedUntil = 0;
    }

    /** The probe has its answer (see {@link #check()}); the next call after the pause may try again. */
    public synchronized void probeDone() {
        probing = false;
    }

    /** A call held by the cluster's pause; called under the monitor, like {@link #notSent}. */
    private BillmgrAuthenticationException notSentShared(String why) {
        held++;
        return new BillmgrAuthenticationException("auth", "auth", "badpassword", null, Map.of(), "not sent: " + why);
    }

    /** A call held by this node's pause: counted here, so that every way of holding one is counted once. */
    private BillmgrAuthenticationException notSent(String why) {
        held++;
        return new BillmgrAuthenticationException(lastRefusal.getFunc(), lastRefusal.getType(), lastRefusal.getObject(),
                lastRefusal.getValue(), lastRefusal.getParams(),
                "not sent: " + why + " (" + lastRefusal.getErrorMessage()
                        + ")");
    }
}

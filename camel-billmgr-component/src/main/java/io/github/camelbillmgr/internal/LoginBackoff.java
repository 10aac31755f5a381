package io.github.camelbillmgr.internal;

import java.util.function.LongSupplier;

import io.github.camelbillmgr.BillmgrAuthenticationException;

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
 */
public final class LoginBackoff {

    static final long FIRST_PAUSE_MILLIS = 1_000;
    static final long MAX_PAUSE_MILLIS = 60_000;

    private final LongSupplier clock;
    private long pauseMillis;
    private long blockedUntil;
    /** Volatile so that the common case, no refusal at all, is checked without taking the monitor. */
    private volatile BillmgrAuthenticationException lastRefusal;
    private boolean probing;

    public LoginBackoff() {
        this(System::currentTimeMillis);
    }

    /** With a clock of its own (milliseconds), for tests. */
    LoginBackoff(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Throws the last refusal again while the pause lasts, or while another call is trying the credentials after it.
     *
     * @return true when this call is the one that tries the credentials again after a pause: it must call
     *         {@link #probeDone()} once it has its answer, whatever the answer
     */
    public boolean check() throws BillmgrAuthenticationException {
        if (lastRefusal == null) {
            // every call passes here: no monitor unless a refusal was recorded
            return false;
        }
        return checkRefused();
    }

    private synchronized boolean checkRefused() throws BillmgrAuthenticationException {
        if (lastRefusal == null) {
            return false;
        }
        if (clock.getAsLong() < blockedUntil) {
            throw notSent("BILLmanager refused these credentials " + (pauseMillis / 1000) + " s ago or less, "
                          + "retrying only after a pause");
        }
        if (probing) {
            throw notSent("BILLmanager refused these credentials, and another call is trying them again now");
        }
        probing = true;
        return true;
    }

    /**
     * Throws the last refusal again while the pause lasts, ignoring a probe. For a thread that waited for a login
     * someone else was making: if that login was just refused, this one is not tried.
     */
    public synchronized void checkPause() throws BillmgrAuthenticationException {
        if (lastRefusal != null && clock.getAsLong() < blockedUntil) {
            throw notSent("the login just made with these credentials was refused, retrying only after a pause");
        }
    }

    /** BILLmanager refused the credentials; within a pause, a refusal of the same round (or a copy) changes nothing. */
    public synchronized void refused(BillmgrAuthenticationException e) {
        long now = clock.getAsLong();
        if (lastRefusal != null && now < blockedUntil) {
            return;
        }
        pauseMillis = pauseMillis == 0 ? FIRST_PAUSE_MILLIS : Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
        blockedUntil = now + pauseMillis;
        lastRefusal = e;
    }

    /** BILLmanager accepted the credentials: no more pauses. */
    public void accepted() {
        if (lastRefusal == null) {
            // nothing to clear: a pause is only ever set together with a refusal, under the monitor
            return;
        }
        clear();
    }

    private synchronized void clear() {
        pauseMillis = 0;
        blockedUntil = 0;
        lastRefusal = null;
    }

    /** The probe has its answer (see {@link #check()}); the next call after the pause may try again. */
    public synchronized void probeDone() {
        probing = false;
    }

    private BillmgrAuthenticationException notSent(String why) {
        return new BillmgrAuthenticationException(lastRefusal.getFunc(), lastRefusal.getType(), lastRefusal.getObject(),
                lastRefusal.getValue(), lastRefusal.getParams(), "not sent: " + why + " (" + lastRefusal.getErrorMessage()
                                                                     + ")");
    }
}

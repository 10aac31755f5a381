package io.github.camelbillmgr.internal;

import io.github.camelbillmgr.BillmgrAuthenticationException;

/**
 * After BILLmanager refuses the credentials, fails the next calls at once for a while instead of sending them:
 * every refused login brings BILLmanager closer to blocking the user ({@code blocklogon}) or the IP, so a burst of
 * exchanges must not storm it with the same bad password. The pause doubles with each refusal, from one second up
 * to a minute, and ends with the first accepted call.
 */
public final class LoginBackoff {

    static final long FIRST_PAUSE_MILLIS = 1_000;
    static final long MAX_PAUSE_MILLIS = 60_000;

    private long pauseMillis;
    private long blockedUntil;
    private BillmgrAuthenticationException lastRefusal;

    /** Throws the last refusal again while the pause lasts. */
    public synchronized void check() throws BillmgrAuthenticationException {
        if (lastRefusal != null && System.currentTimeMillis() < blockedUntil) {
            throw new BillmgrAuthenticationException(lastRefusal.getFunc(), lastRefusal.getType(),
                    lastRefusal.getObject(), lastRefusal.getValue(), lastRefusal.getParams(),
                    "not sent: BILLmanager refused these credentials " + (pauseMillis / 1000)
                                                                                  + " s ago or less, retrying only "
                                                                                  + "after a pause (" + lastRefusal
                                                                                          .getErrorMessage()
                                                                                  + ")");
        }
    }

    public synchronized void refused(BillmgrAuthenticationException e) {
        pauseMillis = pauseMillis == 0 ? FIRST_PAUSE_MILLIS : Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
        blockedUntil = System.currentTimeMillis() + pauseMillis;
        lastRefusal = e;
    }

    public synchronized void accepted() {
        pauseMillis = 0;
        blockedUntil = 0;
        lastRefusal = null;
    }
}

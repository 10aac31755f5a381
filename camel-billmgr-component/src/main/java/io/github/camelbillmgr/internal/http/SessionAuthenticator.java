package io.github.camelbillmgr.internal.http;

import java.util.concurrent.locks.ReentrantLock;

import io.github.camelbillmgr.BillmgrException;

/**
 * Holds the BILLmanager session ({@code func=auth}) shared by every endpoint with the same base URL and credentials.
 * Logins are single flight: when many exchanges find the session expired at once, one of them logs in and the others
 * wait for and reuse its session.
 */
public final class SessionAuthenticator {

    /** Performs the actual {@code func=auth} call and returns the new session id. */
    @FunctionalInterface
    public interface Login {
        String login() throws BillmgrException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private volatile String sessionId;
    private volatile long logins;
    private volatile long lastLoginMillis;

    /**
     * The current session id, logging in first when there is none.
     */
    public String sessionId(Login login) throws BillmgrException {
        String sid = sessionId;
        if (sid != null) {
            return sid;
        }
        lock.lock();
        try {
            if (sessionId == null) {
                sessionId = login.login();
                logins++;
                lastLoginMillis = System.currentTimeMillis();
            }
            return sessionId;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets the session that BILLmanager refused, unless another exchange has already replaced it, so a burst of
     * refusals of the same stale session causes one login, not one each.
     */
    public void invalidate(String staleSessionId) {
        lock.lock();
        try {
            if (staleSessionId != null && staleSessionId.equals(sessionId)) {
                sessionId = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The current session id without logging in, or null. */
    public String peek() {
        return sessionId;
    }

    /** Whether a session is held now (for JMX and the dev console, which never show the session id). */
    public boolean isActive() {
        return sessionId != null;
    }

    /** When the last login succeeded (epoch milliseconds), or 0 before the first. */
    public long getLastLoginMillis() {
        return lastLoginMillis;
    }

    /** How many logins this session holder has made (for health checks and tests). */
    public long getLoginCount() {
        return logins;
    }
}

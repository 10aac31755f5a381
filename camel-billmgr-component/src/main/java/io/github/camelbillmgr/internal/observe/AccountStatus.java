package io.github.camelbillmgr.internal.observe;

import java.time.Instant;

import io.github.camelbillmgr.internal.http.LoginBackoff;
import io.github.camelbillmgr.internal.http.SessionAuthenticator;

/**
 * The state of an account's session and login backoff, as JMX and the dev console show it: never the session id
 * (it logs anyone in as the user) nor the refused credentials.
 *
 * @param session      true with authMode=session; false with authinfo, where there is no session
 * @param sessionActive whether a session is held now
 * @param logins       session logins made
 * @param lastLogin    when the last login succeeded, or null
 * @param backoff      the login backoff (calls fail at once after BILLmanager refused the credentials)
 */
public record AccountStatus(boolean session, boolean sessionActive, long logins, Instant lastLogin,
                            LoginBackoff.State backoff) {

    private static final LoginBackoff.State NO_BACKOFF = new LoginBackoff.State(false, 0, 0, null, 0, 0);

    public static AccountStatus of(SessionAuthenticator session, LoginBackoff backoff) {
        LoginBackoff.State b = backoff == null ? NO_BACKOFF : backoff.state();
        if (session == null) {
            return new AccountStatus(false, false, 0, null, b);
        }
        long last = session.getLastLoginMillis();
        return new AccountStatus(true, session.isActive(), session.getLoginCount(),
                last == 0 ? null : Instant.ofEpochMilli(last), b);
    }

    /** Logins that replaced a session BILLmanager no longer accepted: every login after the first. */
    public long renewals() {
        return Math.max(0, logins - 1);
    }
}

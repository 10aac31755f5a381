package io.github.camelbillmgr.simulator.engine;

import java.time.Instant;
import java.util.Optional;

import io.github.camelbillmgr.simulator.model.SimAccount;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/** Turns {@code authinfo}, {@code auth} and {@code su} into a {@link Principal}, or refuses. */
public final class Authenticator {

    private final Store store;

    public Authenticator(Store store) {
        this.store = store;
    }

    /** Password login shared by {@code authinfo} and {@code func=auth}; counts failures towards {@code blocklogon}. */
    public SimAccount verifyPassword(String user, String password) {
        SimSettings settings = store.settings();
        Instant now = store.clock().now();
        if (store.loginThrottle().isBlocked(user, now)) {
            throw Errors.blockLogon(settings);
        }
        SimAccount account = store.account(user);
        if (account == null || password == null || !account.password().equals(password)) {
            store.loginThrottle().recordFailure(user, now, settings.getLoginFailureThreshold(),
                    settings.getLoginFailureWindow(), settings.getLoginBlockDuration());
            throw Errors.badPassword(settings);
        }
        store.loginThrottle().recordSuccess(user);
        return account;
    }

    /** Login with a {@code session.newkey} key. */
    public SimAccount verifyKey(String user, String key) {
        SimSettings settings = store.settings();
        if (store.loginThrottle().isBlocked(user, store.clock().now())) {
            throw Errors.blockLogon(settings);
        }
        SimAccount account = store.account(user);
        if (account == null || !store.ssoKeys().redeem(user, key, settings.isSsoKeySingleUse())) {
            store.loginThrottle().recordFailure(user, store.clock().now(), settings.getLoginFailureThreshold(),
                    settings.getLoginFailureWindow(), settings.getLoginBlockDuration());
            throw Errors.badPassword(settings);
        }
        return account;
    }

    /**
     * {@code authinfo} wins over {@code auth} when both are sent: it carries credentials, and a
     * stale session id should not mask them. No credentials at all is {@code access}.
     */
    public Principal authenticate(RequestParams params, String remoteIp) {
        String authinfo = params.get("authinfo");
        Principal principal;
        if (authinfo != null && !authinfo.isEmpty()) {
            int colon = authinfo.indexOf(':');
            if (colon < 0) {
                throw Errors.badPassword(store.settings());
            }
            SimAccount account = verifyPassword(authinfo.substring(0, colon), authinfo.substring(colon + 1));
            principal = new Principal(account, account, null);
        } else if (params.has("auth")) {
            principal = fromSession(params.opt("auth"), remoteIp);
        } else {
            throw Errors.access();
        }
        return applySu(principal, params.opt("su"));
    }

    private Principal fromSession(String sid, String remoteIp) {
        SimSettings settings = store.settings();
        Optional<SessionStore.Session> session = store.sessions().touch(sid, store.clock().now(),
                settings.getSessionLifetime(), remoteIp, settings.isSessionBoundToIp());
        SimAccount account = session.map(s -> store.account(s.user())).orElse(null);
        if (account == null) {
            throw Errors.access();
        }
        return new Principal(account, account, sid);
    }

    private Principal applySu(Principal principal, String su) {
        if (su == null || su.equals(principal.authenticated().user())) {
            return principal;
        }
        if (!store.settings().isSuAllowed() || !principal.authenticated().admin()) {
            throw Errors.access();
        }
        SimAccount target = store.account(su);
        if (target == null) {
            throw Errors.missedObject("su", su);
        }
        return new Principal(target, principal.authenticated(), principal.sessionId());
    }
}

package io.github.camelbillmgr.simulator.fault;

import io.github.camelbillmgr.simulator.engine.ApiRequest;
import io.github.camelbillmgr.simulator.engine.RequestParams;
import io.github.camelbillmgr.simulator.engine.Store;

/**
 * What two injected faults do to the server's state before the call runs: the session the call
 * carries expires ({@code SESSION_EXPIRED}), or the caller's user is blocked as after too many
 * failed logins ({@code BLOCKLOGON}). Both take the store's monitor, as a call does.
 */
public final class CredentialFaults {

    private final Store store;

    public CredentialFaults(Store store) {
        this.store = store;
    }

    /** Forgets the {@code auth=} session of the request; true if there was one. */
    public boolean expireSession(ApiRequest request) {
        synchronized (store) {
            String sid = params(request).opt("auth");
            return sid != null && store.sessions().remove(sid);
        }
    }

    /**
     * Blocks the user named by {@code authinfo}, by {@code username} in a {@code func=auth} login,
     * or owning the {@code auth=} session, for the settings' {@code loginBlockDuration} on the
     * simulator's clock; true if a user was found.
     */
    public boolean blockUser(ApiRequest request) {
        synchronized (store) {
            String user = user(params(request));
            if (user == null) {
                return false;
            }
            store.loginThrottle().block(user, store.clock().now().plus(store.settings().getLoginBlockDuration()));
            return true;
        }
    }

    private String user(RequestParams params) {
        String authinfo = params.get("authinfo");
        if (authinfo != null && authinfo.indexOf(':') > 0) {
            return authinfo.substring(0, authinfo.indexOf(':'));
        }
        if ("auth".equals(params.opt("func")) && params.has("username")) {
            return params.opt("username");
        }
        String sid = params.opt("auth");
        if (sid == null) {
            return null;
        }
        return store.sessions().peekUser(sid).orElse(null);
    }

    private RequestParams params(ApiRequest request) {
        return new RequestParams(request.params(), store.settings().getRepeatedParam());
    }
}

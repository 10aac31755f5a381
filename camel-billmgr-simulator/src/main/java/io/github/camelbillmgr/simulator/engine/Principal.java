package io.github.camelbillmgr.simulator.engine;

import io.github.camelbillmgr.simulator.model.SimAccount;

/**
 * Who a call runs as. {@code acting} differs from {@code authenticated} only under {@code su=}:
 * then the call has the client's rights and pays from the client's account.
 */
public record Principal(SimAccount acting, SimAccount authenticated, String sessionId) {

    public String user() {
        return acting.user();
    }

    public boolean admin() {
        return acting.admin();
    }

    /** The access level {@code func=auth} reports: 29 for admins, 16 for clients. */
    public static int level(SimAccount account) {
        return account.admin() ? 29 : 16;
    }
}

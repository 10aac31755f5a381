package io.github.camelbillmgr;

/**
 * Shares the pause after refused credentials between the nodes of a cluster. Each component pauses the calls with
 * credentials BILLmanager refused (one second, doubling to a minute) and then lets one call try them again; with a
 * guard in the registry (exactly one bean of this type), the pause and that one try are the cluster's, not the node's:
 * N nodes with a wrong password cost BILLmanager's failed-login counter what one node costs.
 * <p>
 * The identity is the base URL and the user name, never the password: BILLmanager counts failed logins per user.
 * Times are epoch milliseconds of the calling node's clock: keep the nodes' clocks synchronised (NTP). A guard that
 * fails (its database is down) is logged and ignored: the node falls back to its own pause.
 *
 * @see JdbcBillmgrLoginGuard
 */
public interface BillmgrLoginGuard {

    /** Until when calls with these credentials must not be sent, or 0 when no pause is recorded. */
    long pausedUntil(String identity) throws Exception;

    /**
     * After a pause: whether this node may try the credentials now. True for exactly one caller per pause, cluster
     * wide, until that caller reports {@link #refused} or {@link #accepted}, or {@code probeMillis} passed.
     */
    boolean claimProbe(String identity, long now, long probeMillis) throws Exception;

    /**
     * BILLmanager refused the credentials. Within a pause a refusal changes nothing (it belongs to the round that
     * started the pause); after it, the pause doubles, from {@code firstPauseMillis} up to {@code maxPauseMillis}.
     *
     * @return until when everyone pauses
     */
    long refused(String identity, long now, long firstPauseMillis, long maxPauseMillis) throws Exception;

    /** BILLmanager accepted the credentials: no more pause. */
    void accepted(String identity) throws Exception;
}

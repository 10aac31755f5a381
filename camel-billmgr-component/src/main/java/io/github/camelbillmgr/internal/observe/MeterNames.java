package io.github.camelbillmgr.internal.observe;

/** The names and tags of the component's Micrometer meters, as documented in docs/monitoring.md. */
public final class MeterNames {

    /** Counter: producer exchanges, by {@link #FUNC} and {@link #OUTCOME}. */
    public static final String CALLS = "billmgr.calls";
    /** Counter: busy answers ("Request in process, please wait"), by {@link #FUNC}. */
    public static final String BUSY = "billmgr.busy";
    /** Counter: session logins, by {@link #REASON} ({@code first} or {@code renewal}). */
    public static final String LOGINS = "billmgr.logins";
    /** Counter: pauses begun after BILLmanager refused the credentials. */
    public static final String LOGIN_PAUSES = "billmgr.login.pauses";
    /** Counter: calls failed at once, never sent, during such a pause. */
    public static final String LOGIN_HELD = "billmgr.login.held";
    /** Timer: consumer polls, by {@link #FUNC} and {@link #RESULT} ({@code success} or {@code failure}). */
    public static final String POLL = "billmgr.poll";
    /** Distribution summary: rows read by one consumer poll, by {@link #FUNC}. Its total's rate is rows per second. */
    public static final String POLL_ROWS = "billmgr.poll.rows";

    /** Tag of every meter: the base URL, without user info or query. */
    public static final String URL = "url";
    /** Tag of every meter: the BILLmanager user. */
    public static final String USER = "user";
    /** Tag of every meter: the CamelContext's name, as camel-micrometer tags its own meters. */
    public static final String CAMEL_CONTEXT = "camelContext";
    public static final String FUNC = "func";
    public static final String OUTCOME = "outcome";
    public static final String REASON = "reason";
    public static final String RESULT = "result";

    private MeterNames() {
    }
}

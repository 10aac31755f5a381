package io.github.camelbillmgr.simulator.fault;

/**
 * What an injected {@link Fault} does to one API call. The kinds differ in two things a client
 * cannot tell apart from the outside, and which exactly-once logic must handle: what the client
 * sees, and whether the call was executed (the state changed) before the client saw it.
 */
public enum FaultKind {

    /** No fault: the call is executed and answered normally. A "pass" in a script or a random rule. */
    NONE(Execution.ALWAYS),
    /** An error document (HTTP 200) of a given type; the call is not executed. */
    ERROR(Execution.NEVER),
    /**
     * BILLmanager's "Request in process, please wait": an error document whose type and message
     * come from the settings ({@code busyErrorType}, {@code busyMessage}); not executed.
     */
    BUSY(Execution.NEVER),
    /** An HTTP status (e.g. 500, 502, 503) with an HTML body; not executed unless {@link Fault#afterCommit()}. */
    HTTP_STATUS(Execution.OPTIONAL),
    /** An HTML page with HTTP 200, as a proxy or a login page sends; not executed unless {@link Fault#afterCommit()}. */
    HTML_200(Execution.OPTIONAL),
    /** The call waits, then is executed and answered normally (a client that times out meanwhile still gets it executed). */
    DELAY(Execution.ALWAYS),
    /** The call is executed at once, but the answer comes only after the delay (client timeouts after a commit). */
    DELAY_AFTER_COMMIT(Execution.ALWAYS),
    /** Executed; the real answer is cut after N bytes, sent with its full Content-Length, then the connection closes. */
    TRUNCATED_BODY(Execution.ALWAYS),
    /** Executed; the real answer is cut after N bytes and sent well framed (HTTP 200, exact Content-Length): broken JSON or XML. */
    MALFORMED_BODY(Execution.ALWAYS),
    /** The connection closes before anything is executed or answered. */
    DROP_BEFORE_DISPATCH(Execution.NEVER),
    /** The call is executed (an order placed, a balance charged), then the connection closes before any response byte. */
    DROP_AFTER_COMMIT(Execution.ALWAYS),
    /** The session the call carries ({@code auth=}) has expired just before the call: it gets {@code access}. */
    SESSION_EXPIRED(Execution.ALWAYS),
    /** The caller's user is blocked as after too many failed logins: logins get {@code blocklogon} until the block ends. */
    BLOCKLOGON(Execution.ALWAYS);

    /** Whether a fault of this kind lets the call reach the engine. */
    enum Execution { ALWAYS, NEVER, OPTIONAL }

    private final Execution execution;

    FaultKind(Execution execution) {
        this.execution = execution;
    }

    Execution execution() {
        return execution;
    }
}

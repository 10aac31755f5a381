package io.github.camelbillmgr.simulator.fault;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One injected misbehaviour, applied to one API call. Build it with the factory methods
 * ({@link #dropAfterCommit()}, {@link #httpStatus(int)}, ...) and hand it to
 * {@link SimFaults#injectNext(String, int, Fault)}, {@link SimFaults#script(String, Fault...)}
 * or {@link SimFaults#randomly(String, double, long, Fault...)}.
 *
 * @param kind        what happens
 * @param httpStatus  for {@link FaultKind#HTTP_STATUS}: the status, e.g. 502 (3xx ones carry a Location header)
 * @param errorType   for {@link FaultKind#ERROR}: the {@code error type}
 * @param object      for {@link FaultKind#ERROR}: the {@code error object}, may be null
 * @param message     for {@link FaultKind#ERROR}: the {@code msg}, may be null (then "Injected failure")
 * @param body        for {@link FaultKind#HTTP_STATUS} and {@link FaultKind#HTML_200}: the HTML sent, null for the default page
 * @param keepBytes   for {@link FaultKind#TRUNCATED_BODY} and {@link FaultKind#MALFORMED_BODY}: bytes of the real
 *                    answer kept, {@code -1} for half of it; at least one byte is always cut
 * @param delay       for {@link FaultKind#DELAY} and {@link FaultKind#DELAY_AFTER_COMMIT}: how long the server waits
 * @param dispatchFirst for {@link FaultKind#HTTP_STATUS} and {@link FaultKind#HTML_200}: the call is executed first
 *                    (a gateway that gave up on a backend which went on and committed)
 */
public record Fault(FaultKind kind, int httpStatus, String errorType, String object, String message, String body,
                    int keepBytes, Duration delay, boolean dispatchFirst) {

    /** What {@link #of(FaultKind)} waits for the two delay kinds. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
    /** What {@link #of(FaultKind)} answers for {@link FaultKind#HTTP_STATUS}. */
    public static final int DEFAULT_HTTP_STATUS = 503;
    /** What {@link #of(FaultKind)} uses as the error type of {@link FaultKind#ERROR}. */
    public static final String DEFAULT_ERROR_TYPE = "injected";

    private static final Fault NONE = new Fault(FaultKind.NONE, 0, null, null, null, null, -1, null, false);

    public Fault {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case HTTP_STATUS -> {
                if (httpStatus < 100 || httpStatus > 599) {
                    throw new IllegalArgumentException("HTTP status out of range: " + httpStatus);
                }
            }
            case ERROR -> Objects.requireNonNull(errorType, "errorType");
            case DELAY, DELAY_AFTER_COMMIT -> {
                Objects.requireNonNull(delay, "delay");
                if (delay.isNegative()) {
                    throw new IllegalArgumentException("negative delay: " + delay);
                }
            }
            default -> {
            }
        }
        if (keepBytes < -1) {
            throw new IllegalArgumentException("keepBytes must be -1 (half) or more: " + keepBytes);
        }
        if (dispatchFirst && kind.execution() != FaultKind.Execution.OPTIONAL) {
            throw new IllegalArgumentException(kind + " has no afterCommit variant");
        }
    }

    /** No fault: a pass in a script or in a random rule's list. */
    public static Fault none() {
        return NONE;
    }

    /** An error document with this type (and no object); the call is not executed. */
    public static Fault error(String errorType) {
        return error(errorType, null, null);
    }

    /** An error document; object and message may be null. The call is not executed. */
    public static Fault error(String errorType, String object, String message) {
        return new Fault(FaultKind.ERROR, 0, errorType, object, message, null, -1, null, false);
    }

    /** "Request in process, please wait", type and message from the settings; the call is not executed. */
    public static Fault busy() {
        return simple(FaultKind.BUSY);
    }

    /** This HTTP status with a small HTML page; the call is not executed (see {@link #afterCommit()}). */
    public static Fault httpStatus(int status) {
        return httpStatus(status, null);
    }

    /** This HTTP status with this HTML body; the call is not executed (see {@link #afterCommit()}). */
    public static Fault httpStatus(int status, String html) {
        return new Fault(FaultKind.HTTP_STATUS, status, null, null, null, html, -1, null, false);
    }

    /** HTTP 200 with a BILLmanager-style login page instead of the answer; not executed (see {@link #afterCommit()}). */
    public static Fault html200() {
        return html200(null);
    }

    /** HTTP 200 with this HTML, e.g. a proxy's error page; not executed (see {@link #afterCommit()}). */
    public static Fault html200(String html) {
        return new Fault(FaultKind.HTML_200, 0, null, null, null, html, -1, null, false);
    }

    /** Waits, then executes and answers normally. */
    public static Fault delay(Duration delay) {
        return new Fault(FaultKind.DELAY, 0, null, null, null, null, -1, delay, false);
    }

    /** Executes at once, answers after the delay. */
    public static Fault delayAfterCommit(Duration delay) {
        return new Fault(FaultKind.DELAY_AFTER_COMMIT, 0, null, null, null, null, -1, delay, false);
    }

    /** Executes; sends half the answer under its full Content-Length, then closes the connection. */
    public static Fault truncatedBody() {
        return truncatedBody(-1);
    }

    /** Executes; sends the first {@code keepBytes} of the answer under its full Content-Length, then closes. */
    public static Fault truncatedBody(int keepBytes) {
        return new Fault(FaultKind.TRUNCATED_BODY, 0, null, null, null, null, keepBytes, null, false);
    }

    /** Executes; answers HTTP 200 with the first half of the real body, correctly framed. */
    public static Fault malformedBody() {
        return malformedBody(-1);
    }

    /** Executes; answers HTTP 200 with the first {@code keepBytes} of the real body, correctly framed. */
    public static Fault malformedBody(int keepBytes) {
        return new Fault(FaultKind.MALFORMED_BODY, 0, null, null, null, null, keepBytes, null, false);
    }

    /** Closes the connection without executing or answering anything. */
    public static Fault dropBeforeDispatch() {
        return simple(FaultKind.DROP_BEFORE_DISPATCH);
    }

    /** Executes, then closes the connection before any response byte. */
    public static Fault dropAfterCommit() {
        return simple(FaultKind.DROP_AFTER_COMMIT);
    }

    /** The call's {@code auth=} session expires just before it is processed. */
    public static Fault sessionExpired() {
        return simple(FaultKind.SESSION_EXPIRED);
    }

    /** The call's user is blocked (blocklogon) for the settings' {@code loginBlockDuration}, then the call runs. */
    public static Fault blockLogon() {
        return simple(FaultKind.BLOCKLOGON);
    }

    /**
     * A fault of this kind with default parameters: error type {@value #DEFAULT_ERROR_TYPE},
     * status {@value #DEFAULT_HTTP_STATUS}, delays of {@link #DEFAULT_DELAY}, half bodies,
     * default HTML pages, nothing executed where that is optional.
     */
    public static Fault of(FaultKind kind) {
        return switch (kind) {
            case NONE -> none();
            case ERROR -> error(DEFAULT_ERROR_TYPE);
            case HTTP_STATUS -> httpStatus(DEFAULT_HTTP_STATUS);
            case HTML_200 -> html200();
            case DELAY -> delay(DEFAULT_DELAY);
            case DELAY_AFTER_COMMIT -> delayAfterCommit(DEFAULT_DELAY);
            case TRUNCATED_BODY -> truncatedBody();
            case MALFORMED_BODY -> malformedBody();
            default -> simple(kind);
        };
    }

    /**
     * A fault from its text form {@code KIND[=PARAM][+commit]}, e.g. {@code drop_after_commit},
     * {@code http_status=502+commit}, {@code delay=1500} (milliseconds, or {@code 2s}),
     * {@code truncated_body=40}, {@code error=value}; the same as {@link #toString()} gives.
     */
    public static Fault parse(String spec) {
        return FaultSpec.fault(spec);
    }

    /**
     * The same HTTP status or HTML page, but sent after the call was executed: the state changed
     * although the client got no API answer. Only for {@link FaultKind#HTTP_STATUS} and
     * {@link FaultKind#HTML_200}.
     */
    public Fault afterCommit() {
        return new Fault(kind, httpStatus, errorType, object, message, body, keepBytes, delay, true);
    }

    /** Whether the call reaches the engine (and may change the state) under this fault. */
    public boolean executes() {
        return switch (kind.execution()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case OPTIONAL -> dispatchFirst;
        };
    }

    /** The spec form {@link #parse(String)} reads, e.g. {@code http_status=502+commit}. */
    @Override
    public String toString() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        String param = switch (kind) {
            case HTTP_STATUS -> String.valueOf(httpStatus);
            case ERROR -> errorType;
            case DELAY, DELAY_AFTER_COMMIT -> String.valueOf(delay.toMillis());
            case TRUNCATED_BODY, MALFORMED_BODY -> keepBytes < 0 ? null : String.valueOf(keepBytes);
            default -> null;
        };
        return name + (param == null ? "" : "=" + param) + (dispatchFirst ? "+commit" : "")
                + (body == null ? "" : " (custom HTML)");
    }

    private static Fault simple(FaultKind kind) {
        return new Fault(kind, 0, null, null, null, null, -1, null, false);
    }
}

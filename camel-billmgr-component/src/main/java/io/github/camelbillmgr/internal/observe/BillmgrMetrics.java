package io.github.camelbillmgr.internal.observe;

/**
 * The meters of one BILLmanager account (base URL and user). {@link #NONE} when the application has no Micrometer
 * {@code MeterRegistry}: callers on the hot path test {@link #enabled()} once, when they start, and skip even the
 * arguments afterwards. Every other event (a busy answer, a login, a pause) is rare, and simply calls the method.
 */
public interface BillmgrMetrics {

    /** Meters nothing. */
    BillmgrMetrics NONE = new BillmgrMetrics() {
    };

    /** False for {@link #NONE}: nothing is recorded, so there is nothing worth computing for it. */
    default boolean enabled() {
        return false;
    }

    /** A producer exchange ended with this outcome ({@link CallOutcomes}) for this func. */
    default void call(String func, String outcome) {
    }

    /** BILLmanager answered "Request in process, please wait" to this func (also {@code auth}, a login). */
    default void busy(String func) {
    }

    /** A session login succeeded; {@code renewal} when it replaced a session BILLmanager no longer accepted. */
    default void login(boolean renewal) {
    }

    /** BILLmanager refused the credentials and a pause began (or grew) in which no call is sent. */
    default void loginPause() {
    }

    /** A call failed at once, unsent, because of such a pause. */
    default void heldByLoginPause() {
    }

    /** A consumer poll of this list func ended after so many nanoseconds, having read so many rows. */
    default void poll(String func, long nanos, long rows, boolean failed) {
    }
}

package io.github.camelbillmgr.internal.observe;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOutcome;
import org.apache.camel.Message;

/** The {@code outcome} tag of a producer exchange: {@code done}, {@code not_done}, {@code unknown} or {@code recovered}. */
public final class CallOutcomes {

    public static final String DONE = "done";
    public static final String NOT_DONE = "not_done";
    public static final String UNKNOWN = "unknown";
    /** Done by an earlier attempt of the same exchange, found instead of being sent again. */
    public static final String RECOVERED = "recovered";

    private CallOutcomes() {
    }

    /**
     * The outcome of an exchange the producer completed.
     *
     * @param outcomeHeader true with throwExceptionOnFailure=false: the producer has just set the outcome header
     *                      (a failure turned into a message); otherwise the header may be another call's
     * @param recovers      true for the operations that set the recovered header afresh on every call (order,
     *                      prolong, edit); for the others it may be left by an earlier call of the exchange
     */
    public static String of(Message message, boolean outcomeHeader, boolean recovers) {
        if (outcomeHeader) {
            Object outcome = message.getHeader(BillmgrConstants.OUTCOME);
            if (outcome instanceof BillmgrOutcome o && o != BillmgrOutcome.DONE) {
                return tag(o);
            }
        }
        return recovers && Boolean.TRUE.equals(message.getHeader(BillmgrConstants.RECOVERED)) ? RECOVERED : DONE;
    }

    /**
     * The outcome of an exchange the producer failed. Anything but a BillmgrException is a failure nobody planned
     * for: whether it happened before or after the request left is not known, so it counts as unknown.
     */
    public static String of(Exception failure) {
        return failure instanceof BillmgrException e ? tag(e.getOutcome()) : UNKNOWN;
    }

    private static String tag(BillmgrOutcome outcome) {
        return switch (outcome) {
            case DONE -> DONE;
            case NOT_DONE -> NOT_DONE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}

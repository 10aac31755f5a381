package io.github.camelbillmgr;

import org.apache.camel.CamelException;

/**
 * Base of every failure the billmgr component reports: catch it in {@code onException(BillmgrException.class)} to
 * handle all of them, or one of its subclasses to treat a case on its own. {@link #getOutcome()} says whether the
 * operation was done, not done, or may have been done.
 * <p>
 * Messages never contain passwords, session ids or {@code authinfo} values.
 */
public class BillmgrException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String func;
    private final BillmgrOutcome outcome;

    /** A failure whose effect is not known: its outcome is {@link BillmgrOutcome#UNKNOWN}. */
    public BillmgrException(String message, String func) {
        this(message, func, BillmgrOutcome.UNKNOWN, null);
    }

    /** A failure whose effect is not known: its outcome is {@link BillmgrOutcome#UNKNOWN}. */
    public BillmgrException(String message, String func, Throwable cause) {
        this(message, func, BillmgrOutcome.UNKNOWN, cause);
    }

    public BillmgrException(String message, String func, BillmgrOutcome outcome, Throwable cause) {
        super(message, cause);
        this.func = func;
        this.outcome = outcome == null ? BillmgrOutcome.UNKNOWN : outcome;
    }

    /**
     * The BILLmanager function that was called (or was about to be called), e.g. {@code v2.vds.order.param}; null
     * when the failure happened before a function was chosen.
     */
    public String getFunc() {
        return func;
    }

    /**
     * What the failed operation left behind: {@link BillmgrOutcome#NOT_DONE} (refused, never sent, or a read: nothing
     * changed) or {@link BillmgrOutcome#UNKNOWN} (sent, no answer: check before repeating). Never
     * {@link BillmgrOutcome#DONE} for an exception.
     */
    public BillmgrOutcome getOutcome() {
        return outcome;
    }

    /**
     * The failure whose BILLmanager answer (an error document, or an HTTP reply) a route sees in the body and headers
     * with {@code throwExceptionOnFailure=false}: this one, unless a subclass knows better.
     */
    BillmgrException answer() {
        return this;
    }
}

package io.github.camelbillmgr;

/**
 * What a failed (or, with {@code throwExceptionOnFailure=false}, any) call left behind in BILLmanager: the question a
 * route must answer before it repeats an order, a renewal or a paid change. Every {@link BillmgrException} has one
 * ({@link BillmgrException#getOutcome()}).
 */
public enum BillmgrOutcome {

    /** BILLmanager did it. */
    DONE,

    /**
     * Nothing was changed: BILLmanager refused the call (an error document), the call was never sent (bad input, no
     * connection to be had, a pause after refused credentials), or the call only reads (list, get, pricelist, a
     * reading func), so whatever happened to it changed nothing. Repeating cannot do anything twice; whether it can
     * succeed depends on the cause (a busy BILLmanager: yes, later; a refused tariff: not until the input changes).
     */
    NOT_DONE,

    /**
     * A call that changes something (order, prolong, edit, suspend, resume, delete, a func with {@code sok}) was sent
     * and no BILLmanager answer came back: it may or may not have been done. Do not simply repeat it: redeliver the
     * exchange (the component checks before it repeats an order, a renewal or a paid change), or check by the remote
     * id or service id first. Always a {@link BillmgrOutcomeUnknownException}.
     */
    UNKNOWN
}

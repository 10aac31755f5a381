package io.github.camelbillmgr.internal.op.guard;

import java.util.List;

import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.http.BillmgrClient;

/**
 * How one kind of change is recognised as already made by an earlier attempt of the same exchange: what an attempt
 * records on the exchange before it is sent, and how a later attempt asks BILLmanager whether it landed.
 * {@link ChangeGuard} runs the steps; an implementation is made for one call and holds that call's details.
 *
 * @param <P> what an attempt records on the exchange before it is sent (kept as an exchange property)
 * @param <L> what a later attempt found of it in BILLmanager
 */
public interface ChangeStrategy<P, L> {

    /** The exchange property an attempt leaves, followed by the item type, e.g. {@code CamelBillmgrPendingOrder.}. */
    String pendingPrefix();

    Class<P> pendingType();

    /** Whether this call is guarded at all (an order without a remote id, a change in the cart are not). */
    boolean guarded();

    /** Whether what an earlier attempt left is about this very change (and not another one of the same exchange). */
    boolean sameChange(P left);

    /** Whether to look even when no earlier attempt of this exchange was sent (lookupBeforeOrder=always). */
    default boolean looksFirst() {
        return false;
    }

    /**
     * Asks BILLmanager what of the change has landed. {@code earlier} is what the earlier attempt recorded, null when
     * this call {@link #looksFirst() looks first} without one.
     *
     * @throws CannotTell when BILLmanager's answer does not settle the question
     */
    L landed(BillmgrClient client, P earlier) throws BillmgrException, CannotTell;

    /** Whether {@code landed} (null when not looked) is the whole change: then nothing is sent. */
    boolean complete(L landed);

    /** What to record on the exchange before the first attempt is sent (e.g. values read from BILLmanager now). */
    P before(BillmgrClient client) throws BillmgrException;

    /** The function a failed look-up leaves unknown. */
    String func();

    /** The remote id an order was sent with, for the unknown-outcome exception; null for other changes. */
    default String remoteId() {
        return null;
    }

    /** The services the change is about, for the unknown-outcome exception; empty for orders. */
    List<Long> serviceIds();

    /** What the user can do about an unknown outcome, with or without the guard in force for this call. */
    String whatToDo(boolean guarded);
}

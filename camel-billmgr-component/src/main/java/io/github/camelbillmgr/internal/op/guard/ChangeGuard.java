package io.github.camelbillmgr.internal.op.guard;

import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrBusyException;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOutcomeUnknownException;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.http.NoReplyDescription;
import io.github.camelbillmgr.internal.reply.UnreadableReply;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The exactly-once guard of a call that changes something, for one call: reads what an earlier attempt of the same
 * exchange left, asks the {@link ChangeStrategy} whether that attempt already landed, records this attempt on the
 * exchange before sending it, sends it, and then either settles it (clears the record) or leaves it for the next
 * attempt, whose look-up decides. Every failure whose effect on BILLmanager is open becomes a
 * {@link BillmgrOutcomeUnknownException}; the decision is made here and nowhere else:
 * <ul>
 * <li>the request left and its reply was lost (a transport failure of this func): unknown, the record is kept;</li>
 * <li>BILLmanager refused it, or (in a first attempt) it never left: not done, the record is cleared;</li>
 * <li>busy, or the login before it failed: not sent this time, but in a redelivery the earlier attempt is still
 * neither found nor ruled out, so unknown again; in a first attempt the failure is thrown as it is.</li>
 * </ul>
 *
 * @param <P> what an attempt records on the exchange
 * @param <L> what a look-up finds of an earlier attempt
 */
public final class ChangeGuard<P, L> {

    /** What a guarded call came to: the earlier attempt made it all (nothing sent), or the reply of this one. */
    public record Result<L, T>(L landedBefore, T reply, boolean sent) {
    }

    /** Reads a change's reply; may find it unreadable, which leaves the outcome unknown. */
    @FunctionalInterface
    public interface ReplyReader<T> {
        T read(ObjectNode root) throws UnreadableReply;
    }

    private final ChangeStrategy<P, L> strategy;
    private final Exchange exchange;
    private final String key;
    private final boolean guarded;
    private final boolean redelivery;
    private P pending;

    public ChangeGuard(ChangeStrategy<P, L> strategy, Message message, String itemType) {
        this.strategy = strategy;
        this.exchange = message.getExchange();
        this.guarded = strategy.guarded() && exchange != null;
        this.key = strategy.pendingPrefix() + itemType;
        P left = guarded ? exchange.getProperty(key, strategy.pendingType()) : null;
        this.pending = left != null && strategy.sameChange(left) ? left : null; // else a later, different change
        this.redelivery = pending != null;
    }

    /** What an earlier attempt of this exchange left under {@code prefix + itemType}, whatever change it was. */
    public static <T> T left(Message message, String prefix, String itemType, Class<T> type) {
        Exchange exchange = message.getExchange();
        return exchange == null ? null : exchange.getProperty(prefix + itemType, type);
    }

    /** Whether an earlier attempt of this exchange sent this change and got no settled answer. */
    public boolean redelivery() {
        return redelivery;
    }

    /** Sends a change whose reply is used as it is. */
    public Result<L, ObjectNode> run(BillmgrClient client, BillmgrRequest request) throws BillmgrException {
        return run(client, landed -> request, root -> root);
    }

    /**
     * Runs the change: looks first when an earlier attempt is pending (or the strategy always looks), sends what is
     * left to send, and reads the reply.
     *
     * @param requestFor the request, given what the look-up found landed (null when it did not look)
     */
    public <T> Result<L, T> run(BillmgrClient client, Function<L, BillmgrRequest> requestFor, ReplyReader<T> reader)
            throws BillmgrException {
        L landed = null;
        if (redelivery || strategy.looksFirst()) {
            landed = lookUp(client);
            if (strategy.complete(landed)) {
                clear();
                return new Result<>(landed, null, false);
            }
        }
        if (guarded) {
            if (!redelivery) {
                pending = strategy.before(client);
            }
            exchange.setProperty(key, pending); // before sending: a redelivery must look first, whatever happens next
        }
        BillmgrRequest request = requestFor.apply(landed);
        ObjectNode root = send(client, request);
        T reply;
        try {
            reply = reader.read(root);
        } catch (UnreadableReply e) {
            // kept pending: the redelivery's look-up decides
            throw unknown(new BillmgrException("the reply of func '" + request.func() + "' " + e.getMessage(),
                    request.func()), request.func());
        }
        clear();
        return new Result<>(landed, reply, true);
    }

    private L lookUp(BillmgrClient client) throws BillmgrException {
        try {
            return strategy.landed(client, pending);
        } catch (CannotTell e) {
            throw new BillmgrOutcomeUnknownException(e.reason(), strategy.func(), strategy.remoteId(),
                    strategy.serviceIds(), e.whatToDo());
        } catch (BillmgrException e) {
            if (redelivery) {
                throw unknown(e, strategy.func()); // the earlier attempt is neither found nor ruled out
            }
            throw e; // a look-up before a first attempt: nothing was sent
        }
    }

    /**
     * Sends the change. When this request was sent but its reply was lost (a transport failure of this func, not of
     * the login before it), BILLmanager may have done it: the outcome is unknown. When no connection could be had
     * (the pool stayed full for connectionRequestTimeout, the connection did not open), the request never left and
     * the failure stays NOT_DONE: under load, a pool that is too small must not turn every order it delays into an
     * unknown outcome.
     */
    private ObjectNode send(BillmgrClient client, BillmgrRequest request) throws BillmgrException {
        try {
            return client.call(request);
        } catch (BillmgrException e) {
            if (e instanceof BillmgrTransportException && request.func().equals(e.getFunc())
                    && !NoReplyDescription.neverSent(e.getCause())) {
                throw unknown(e, request.func());
            }
            if (refused(e) || (!redelivery && notSent(e))) {
                clear(); // BILLmanager refused it, or it never left: settled, nothing was done
            } else if (redelivery) {
                // busy, or the login failed: the earlier attempt is neither found nor ruled out
                throw unknown(e, request.func());
            }
            throw e;
        }
    }

    /**
     * True when a call failed without its request ever leaving (see {@link #send}): a first attempt that ended so
     * settles that nothing was done, and a redelivery need not look for it.
     */
    private static boolean notSent(BillmgrException e) {
        return e instanceof BillmgrTransportException && NoReplyDescription.neverSent(e.getCause());
    }

    /**
     * True when BILLmanager's answer settles that a call was not done: it refused it. A busy BILLmanager does not
     * settle it, since the request still running may be an earlier attempt of the same exchange.
     */
    public static boolean refused(BillmgrException e) {
        return e instanceof BillmgrApiException && !(e instanceof BillmgrBusyException);
    }

    private void clear() {
        if (guarded) {
            exchange.removeProperty(key);
        }
    }

    private BillmgrOutcomeUnknownException unknown(BillmgrException cause, String func) {
        return new BillmgrOutcomeUnknownException(cause, func, strategy.remoteId(), strategy.serviceIds(),
                strategy.whatToDo(guarded));
    }
}

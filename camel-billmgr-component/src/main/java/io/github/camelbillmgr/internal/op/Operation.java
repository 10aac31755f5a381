package io.github.camelbillmgr.internal.op;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrBusyException;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOutcomeUnknownException;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.http.NoReplyDescription;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import org.apache.camel.Message;

/**
 * One operation of {@code billmgr:itemType/operation}: builds the request from the exchange, calls BILLmanager and
 * puts the result on the message. Implementations are stateless and shared by all exchanges of an endpoint.
 */
public abstract class Operation {

    protected final BillmgrConfiguration config;

    protected Operation(BillmgrConfiguration config) {
        this.config = config;
    }

    /** The func this operation calls for this exchange (before anything is sent, for error messages). */
    public abstract String func(Message message);

    public abstract void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException;

    /** Adds the extra raw parameters (param.* options and the params header). */
    protected static void addExtra(BillmgrRequest request, ExchangeInput input) throws BillmgrException {
        for (Map.Entry<String, Object> e : input.extraParams().entrySet()) {
            request.params(e.getKey(), e.getValue());
        }
    }

    protected static void addAddons(BillmgrRequest request, ExchangeInput input) throws BillmgrException {
        for (Map.Entry<String, String> e : input.addons().entrySet()) {
            request.param("addon_" + e.getKey(), e.getValue());
        }
    }

    /** The documented elid list separator is comma and space: {@code elid=1, 2, 3}. */
    protected static String elid(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Makes the exception of a call that changes something and whose reply was lost. */
    @FunctionalInterface
    protected interface UnknownOutcome {
        BillmgrOutcomeUnknownException of(BillmgrException cause);
    }

    /**
     * Calls a function that changes something. When this request was sent but its reply was lost (a transport
     * failure of this func, not of the login before it), BILLmanager may have done it: the outcome is unknown.
     * When no connection could be had (the pool stayed full for connectionRequestTimeout, the connection did not
     * open), the request never left and the failure stays NOT_DONE: under load, a pool that is too small must not
     * turn every order it delays into an unknown outcome.
     */
    protected static ObjectNode callChanging(BillmgrClient client, BillmgrRequest request, UnknownOutcome unknown)
            throws BillmgrException {
        try {
            return client.call(request);
        } catch (BillmgrOutcomeUnknownException e) {
            throw e;
        } catch (BillmgrTransportException e) {
            if (request.func().equals(e.getFunc()) && !NoReplyDescription.neverSent(e.getCause())) {
                throw unknown.of(e);
            }
            throw e; // the login before it failed, or no connection was had: the request itself was never sent
        }
    }

    /**
     * True when a call failed without its request ever leaving (see {@link #callChanging}): a first attempt that
     * ended so settles that nothing was done, and a redelivery need not look for it.
     */
    protected static boolean notSent(BillmgrException e) {
        return e instanceof BillmgrTransportException && !(e instanceof BillmgrOutcomeUnknownException)
                && NoReplyDescription.neverSent(e.getCause());
    }

    /**
     * True when BILLmanager's answer settles that a call was not done: it refused it. A busy BILLmanager does not
     * settle it, since the request still running may be an earlier attempt of the same exchange.
     */
    protected static boolean refused(BillmgrException e) {
        return e instanceof BillmgrApiException && !(e instanceof BillmgrBusyException);
    }

    /** The body of a change that was not sent again because an earlier attempt had made it: a plain {@code ok}. */
    protected static ObjectNode okDocument() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("doc").putObject("ok");
        return root;
    }

    protected void setOut(Message message, BillmgrRequest request, Object body) {
        message.setHeader(BillmgrConstants.FUNC, request.func());
        message.setHeader(BillmgrConstants.ITEM_TYPE, config.getItemType());
        message.setBody(body);
    }
}

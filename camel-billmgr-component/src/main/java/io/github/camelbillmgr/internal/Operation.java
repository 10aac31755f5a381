package io.github.camelbillmgr.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
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

    protected void setOut(Message message, BillmgrRequest request, Object body) {
        message.setHeader(BillmgrConstants.FUNC, request.func());
        message.setHeader(BillmgrConstants.ITEM_TYPE, config.getItemType());
        message.setBody(body);
    }
}

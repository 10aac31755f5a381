package io.github.camelbillmgr.internal.op;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import io.github.camelbillmgr.internal.op.guard.ChangeGuard;
import io.github.camelbillmgr.internal.op.guard.NoGuard;
import org.apache.camel.Message;

/**
 * One operation of {@code billmgr:itemType/operation}: builds the request from the exchange, calls BILLmanager and
 * puts the result on the message. {@link Operations#create} makes one per producer and binds it to the endpoint's
 * configuration before the producer is used; it is then shared by all exchanges of that producer.
 */
public abstract class Operation {

    /** The endpoint's configuration; set once by {@link #bind}, before any exchange. */
    protected BillmgrConfiguration config;
    private String func;
    private Operations.Entry entry;

    final Operation bind(BillmgrConfiguration config, String func, Operations.Entry entry) {
        this.config = config;
        this.func = func;
        this.entry = entry;
        return this;
    }

    /** The func this operation calls (before anything is sent, for error messages and metrics). */
    public final String func() {
        return func;
    }

    /** Whether a redelivery may find the change made and say so (CamelBillmgrRecovered); false for func/. */
    public final boolean recovers() {
        return entry != null && entry.guard().recovers();
    }

    public abstract void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException;

    /** Adds the extra raw parameters (param.* options and the params header). */
    protected static void addExtra(BillmgrRequest request, ExchangeInput input) throws BillmgrException {
        for (Map.Entry<String, Object> e : input.extraParams().entrySet()) {
            request.params(e.getKey(), e.getValue());
        }
    }

    /** The documented elid list separator is comma and space: {@code elid=1, 2, 3}. */
    protected static String elid(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /**
     * Sends a change that nothing can look up afterwards (suspend, resume, delete, a func that executes): a lost
     * reply becomes an unknown outcome that says what to check.
     */
    protected ObjectNode callChanging(BillmgrClient client, Message message, BillmgrRequest request, List<Long> ids,
                                      String whatToDo)
            throws BillmgrException {
        NoGuard unchecked = new NoGuard(request.func(), ids, whatToDo);
        return new ChangeGuard<>(unchecked, message, config.getItemType()).run(client, request).reply();
    }

    /** Adds the add-on values, {@code addon_<id>=value}. */
    protected static void addAddons(BillmgrRequest request, Map<String, String> addons) {
        addons.forEach((addonId, value) -> request.param("addon_" + addonId, value));
    }

    protected void setOut(Message message, String func, Object body) {
        message.setHeader(BillmgrConstants.FUNC, func);
        message.setHeader(BillmgrConstants.ITEM_TYPE, config.getItemType());
        message.setBody(body);
    }
}

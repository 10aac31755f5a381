package io.github.camelbillmgr.internal.op;

import java.util.List;
import java.util.Set;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOutcomeUnknownException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import org.apache.camel.Message;

/**
 * {@code billmgr:func/<name>}: calls any function with the param.* options and the params header; a service id
 * header becomes {@code elid}. The body is the normalised reply document.
 */
public final class FuncOperation extends Operation {

    /** Functions that act without {@code sok}: the license API calls suspend, resume and delete that way. */
    static final Set<String> ACTIONS = Set.of("suspend", "resume", "delete", "prolong", "groupedit");

    public FuncOperation(BillmgrConfiguration config) {
        super(config);
    }

    @Override
    public String func(Message message) {
        return config.getOperation();
    }

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        BillmgrRequest request = new BillmgrRequest(func(message));
        var extra = input.extraParams();
        if (message.getHeader(BillmgrConstants.SERVICE_ID) != null && !extra.containsKey("elid")) {
            request.param("elid", elid(input.serviceIds()));
        }
        addExtra(request, input);
        if (!changesState(request)) {
            setOut(message, request, client.call(request));
            return;
        }
        setOut(message, request, callChanging(client, request,
                cause -> new BillmgrOutcomeUnknownException(cause, request.func(), null, List.of(),
                        "check in BILLmanager whether " + request.func() + " took effect before calling it again")));
    }

    /**
     * Whether a lost reply may hide a change. BILLmanager's convention: a function executes with {@code sok} (or a
     * {@code clicked_button}), and without it returns its form or data; the service actions also act without it.
     * Anything else is taken as a read, whose failure changed nothing.
     */
    static boolean changesState(BillmgrRequest request) {
        String sok = request.get("sok");
        if ((sok != null && !sok.isBlank()) || request.has("clicked_button")) {
            return true;
        }
        String func = request.func();
        return ACTIONS.contains(func.substring(func.lastIndexOf('.') + 1));
    }
}

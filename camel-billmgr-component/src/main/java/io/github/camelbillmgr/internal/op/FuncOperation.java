package io.github.camelbillmgr.internal.op;

import java.util.List;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import org.apache.camel.Message;

/**
 * {@code billmgr:func/<name>}: calls any function with the param.* options and the params header; a service id
 * header becomes {@code elid}. The body is the normalised reply document.
 */
public final class FuncOperation extends Operation {

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        BillmgrRequest request = new BillmgrRequest(func());
        var extra = input.extraParams();
        if (message.getHeader(BillmgrConstants.SERVICE_ID) != null && !extra.containsKey("elid")) {
            request.param("elid", elid(input.serviceIds()));
        }
        addExtra(request, input);
        if (!changesState(request)) {
            setOut(message, func(), client.call(request));
            return;
        }
        setOut(message, func(), callChanging(client, message, request, List.of(),
                "check in BILLmanager whether " + func() + " took effect before calling it again"));
    }

    /**
     * Whether a lost reply may hide a change. BILLmanager's convention: a function executes with {@code sok} (or a
     * {@code clicked_button}), and without it returns its form or data; the functions of the operations that act
     * without it ({@link Operations}) also change state. Anything else is taken as a read, whose failure changed
     * nothing.
     */
    static boolean changesState(BillmgrRequest request) {
        String sok = request.get("sok");
        if ((sok != null && !sok.isBlank()) || request.has("clicked_button")) {
            return true;
        }
        return Operations.actsWithoutSok(request.func());
    }
}

package io.github.camelbillmgr.internal;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import org.apache.camel.Message;

/**
 * {@code billmgr:func/<name>}: calls any function with the param.* options and the params header; a service id
 * header becomes {@code elid}. The body is the normalised reply document.
 */
public final class FuncOperation extends Operation {

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
        setOut(message, request, client.call(request));
    }
}

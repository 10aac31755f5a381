package io.github.camelbillmgr.internal.op;

import java.util.List;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOutcomeUnknownException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import org.apache.camel.Message;

/** {@code suspend}, {@code resume}, {@code delete}: {@code TYPE.action&elid=1, 2, 3}. The body is the reply document. */
public final class ServiceActionOperation extends Operation {

    private final String action;

    public ServiceActionOperation(BillmgrConfiguration config, String action) {
        super(config);
        this.action = action;
    }

    @Override
    public String func(Message message) {
        return FuncNames.action(config, action);
    }

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        List<Long> ids = input.serviceIds();
        BillmgrRequest request = new BillmgrRequest(func(message)).param("elid", elid(ids));
        addExtra(request, input);
        request.param("sok", "ok");
        setOut(message, request, callChanging(client, request,
                cause -> new BillmgrOutcomeUnknownException(cause, request.func(), null, ids,
                        "check the status of the service(s) (billmgr:" + config.getItemType() + "/get or list) before "
                                + "sending " + action + " again")));
    }
}

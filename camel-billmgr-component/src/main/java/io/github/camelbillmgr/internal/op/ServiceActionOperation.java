package io.github.camelbillmgr.internal.op;

import java.util.List;

import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import org.apache.camel.Message;

/**
 * {@code suspend}, {@code resume}, {@code delete}: {@code TYPE.action&elid=1, 2, 3} with {@code sok=ok}. The body is
 * the reply document. Nothing can tell afterwards whether a lost one landed: a lost reply is an unknown outcome.
 */
public final class ServiceActionOperation extends Operation {

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        List<Long> ids = input.serviceIds();
        BillmgrRequest request = new BillmgrRequest(func()).param("elid", elid(ids));
        addExtra(request, input);
        request.param("sok", "ok");
        String action = func().substring(func().lastIndexOf('.') + 1);
        setOut(message, func(),
                callChanging(client, message, request, ids, "check the status of the service(s) (billmgr:"
                        + config.getItemType() + "/get or list) before sending " + action + " again"));
    }
}

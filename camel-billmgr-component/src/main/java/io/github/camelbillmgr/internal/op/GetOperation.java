package io.github.camelbillmgr.internal.op;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import io.github.camelbillmgr.internal.reply.ServiceDetails;
import io.github.camelbillmgr.model.BillmgrService;
import org.apache.camel.Message;

/** {@code get}: {@code TYPE.edit} without {@code sok} returns a service's details, as a {@link BillmgrService}. */
public final class GetOperation extends Operation {

    public GetOperation(BillmgrConfiguration config) {
        super(config);
    }

    @Override
    public String func(Message message) {
        return FuncNames.edit(config);
    }

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        long id = input.singleServiceId();
        BillmgrService service = ServiceDetails.read(client, config, id, input.extraParams());
        setOut(message, new BillmgrRequest(func(message)), service);
    }
}

package io.github.camelbillmgr.internal;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
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
        Long id = input.singleServiceId();
        BillmgrRequest request = new BillmgrRequest(func(message)).param("elid", id);
        addExtra(request, input);
        BillmgrService service = ServiceMapper.map(config.getItemType(), Nodes.doc(client.call(request)));
        if (service.getId() == null) {
            // A details form does not always repeat its own id.
            service = new BillmgrService(service.getItemType(), id, service.getStatus(), service.getExpireDate(),
                    service.getAutoprolong(), service.getRemoteId(), service.getCost(), service.getCurrency(),
                    service.getColumns());
        }
        setOut(message, request, service);
    }
}

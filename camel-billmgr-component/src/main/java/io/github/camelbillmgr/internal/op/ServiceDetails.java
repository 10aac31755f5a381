package io.github.camelbillmgr.internal.op;

import java.util.Map;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOperation;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.reply.Nodes;
import io.github.camelbillmgr.internal.reply.ServiceMapper;
import io.github.camelbillmgr.model.BillmgrService;

/**
 * Reads one service's details ({@code TYPE.edit} without {@code sok}, which changes nothing): for {@code get}, and for
 * the checks that keep a redelivered renewal or add-on change from being charged twice.
 */
public final class ServiceDetails {

    private ServiceDetails() {
    }

    public static BillmgrService read(BillmgrClient client, BillmgrConfiguration config, long id,
                                      Map<String, Object> extra)
            throws BillmgrException {
        BillmgrRequest request = new BillmgrRequest(Operations.func(BillmgrOperation.get, config)).param("elid", id)
                .onlyScalars(); // ServiceMapper reads the form's scalar fields only
        extra.forEach(request::params);
        BillmgrService service = ServiceMapper.map(config.getItemType(), Nodes.doc(client.call(request)));
        if (service.getId() == null) {
            // A details form does not always repeat its own id.
            service = new BillmgrService(service.getItemType(), id, service.getStatus(), service.getExpireDate(),
                    service.getAutoprolong(), service.getRemoteId(), service.getCost(), service.getCurrency(),
                    service.getColumns());
        }
        return service;
    }
}

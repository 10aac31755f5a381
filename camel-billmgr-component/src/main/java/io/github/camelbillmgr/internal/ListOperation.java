package io.github.camelbillmgr.internal;

import java.util.ArrayList;
import java.util.List;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.model.BillmgrService;
import org.apache.camel.Message;

/** {@code list}: the {@code TYPE} list, filtered, every page; the body is a {@code List<BillmgrService>}. */
public final class ListOperation extends Operation {

    public ListOperation(BillmgrConfiguration config) {
        super(config);
    }

    @Override
    public String func(Message message) {
        return FuncNames.list(config);
    }

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        List<BillmgrService> services = new ArrayList<>();
        ServiceLister lister = new ServiceLister(client, config);
        long total = lister.list(input.extraParams(), services::add);
        setOut(message, new BillmgrRequest(func(message)), services);
        // with a client-side filter BILLmanager's own count (p_elems) is not what the body holds
        message.setHeader(BillmgrConstants.TOTAL_COUNT, config.getExpiringWithinDays() == null ? total : services.size());
    }
}

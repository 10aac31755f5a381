package io.github.camelbillmgr.internal.op;

import java.util.ArrayList;
import java.util.List;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOutputType;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import io.github.camelbillmgr.model.BillmgrService;
import org.apache.camel.Message;

/**
 * {@code list}: the {@code TYPE} list, filtered, every page. The body is a {@code List<BillmgrService>}, or with
 * {@code outputType=iterator} a {@link ServiceIterator} that reads one page at a time as it is consumed.
 */
public final class ListOperation extends Operation {

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        ServiceLister lister = new ServiceLister(client, config);
        if (config.getOutputType() == BillmgrOutputType.iterator) {
            // the first page is read here, so a refused login or a bad filter fails this exchange, not the split
            ServiceIterator services = lister.iterate(input.extraParams()).open();
            setOut(message, func(), services);
            if (config.getExpiringWithinDays() == null && services.reportedTotal() != null) {
                message.setHeader(BillmgrConstants.TOTAL_COUNT, services.reportedTotal());
            }
            return;
        }
        List<BillmgrService> services = new ArrayList<>();
        long total = lister.list(input.extraParams(), services::add);
        setOut(message, func(), services);
        // with a client-side filter BILLmanager's own count (p_elems) is not what the body holds
        message.setHeader(BillmgrConstants.TOTAL_COUNT,
                config.getExpiringWithinDays() == null ? total : services.size());
    }
}

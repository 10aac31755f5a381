package io.github.camelbillmgr.internal;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.model.BillmgrProlongResult;
import org.apache.camel.Message;

/**
 * {@code prolong}: {@code service.prolong} for one service, {@code groupedit} with {@code faction=service.prolong}
 * for several at once.
 */
public final class ProlongOperation extends Operation {

    public ProlongOperation(BillmgrConfiguration config) {
        super(config);
    }

    @Override
    public String func(Message message) {
        return FuncNames.PROLONG;
    }

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        List<Long> ids = input.serviceIds();
        int period = input.period(true);
        BillmgrRequest request;
        if (ids.size() == 1) {
            request = new BillmgrRequest(FuncNames.PROLONG);
        } else {
            request = new BillmgrRequest(FuncNames.GROUPEDIT).param("faction", FuncNames.PROLONG);
        }
        request.param("elid", elid(ids));
        request.param("period", period);
        if (config.isSkipBasket()) {
            request.param("skipbasket", "on");
        }
        addExtra(request, input);
        request.param("sok", "ok");
        JsonNode doc = Nodes.doc(client.call(request));
        // BILLmanager nests the answer: /doc/doc/newexpiredate. Read both places.
        String date = doc.has("doc") ? Nodes.text(doc.get("doc"), "newexpiredate") : null;
        if (date == null) {
            date = Nodes.text(doc, "newexpiredate");
        }
        LocalDate newExpire = ServiceMapper.parseDate(date);
        boolean inCart = !config.isSkipBasket();
        setOut(message, request, new BillmgrProlongResult(ids, period, newExpire, inCart));
        if (newExpire != null) {
            message.setHeader(BillmgrConstants.EXPIRE_DATE, newExpire);
        }
    }
}

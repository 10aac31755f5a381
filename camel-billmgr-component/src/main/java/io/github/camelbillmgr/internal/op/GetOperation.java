package io.github.camelbillmgr.internal.op;

import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import org.apache.camel.Message;

/** {@code get}: {@code TYPE.edit} without {@code sok} returns a service's details, as a {@code BillmgrService}. */
public final class GetOperation extends Operation {

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        setOut(message, func(), ServiceDetails.read(client, config, input.singleServiceId(), input.extraParams()));
    }
}

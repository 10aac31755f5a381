package io.github.camelbillmgr.internal;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import org.apache.camel.Message;

/**
 * {@code edit}: {@code TYPE.edit} with {@code sok=ok}: add-ons, auto-renewal, comment, and any other field (admin
 * fields such as {@code username}, {@code userpassword}, {@code serverid}) through the params header or options.
 * The body is the reply document.
 */
public final class EditOperation extends Operation {

    public EditOperation(BillmgrConfiguration config) {
        super(config);
    }

    @Override
    public String func(Message message) {
        return FuncNames.edit(config);
    }

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        BillmgrRequest request = new BillmgrRequest(func(message));
        request.param("elid", input.singleServiceId());
        request.param("autoprolong", input.autoprolong());
        addAddons(request, input);
        request.param("comment", input.comment());
        if (config.isSkipBasket()) {
            // a paid change (a bigger add-on) is charged at once instead of waiting in the cart
            request.param("skipbasket", "on");
        }
        addExtra(request, input);
        request.param("sok", "ok");
        setOut(message, request, client.call(request));
    }
}

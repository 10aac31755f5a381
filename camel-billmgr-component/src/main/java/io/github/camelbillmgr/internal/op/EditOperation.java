package io.github.camelbillmgr.internal.op;

import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import io.github.camelbillmgr.internal.op.guard.ByAddonValues;
import io.github.camelbillmgr.internal.op.guard.ChangeGuard;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code edit}: {@code TYPE.edit} with {@code sok=ok}: add-ons, auto-renewal, comment, and any other field (admin
 * fields such as {@code username}, {@code userpassword}, {@code serverid}) through the params header or options.
 * The body is the reply document.
 * <p>
 * A change of add-ons paid at once may charge, so it is guarded against a redelivery after a lost reply by the add-on
 * values ({@link ByAddonValues}). Other changes (comment, auto-renewal, fields) set a value and are safe to send twice.
 */
public final class EditOperation extends Operation {

    private static final Logger LOG = LoggerFactory.getLogger(EditOperation.class);

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        message.removeHeader(BillmgrConstants.RECOVERED); // left by an earlier call of the same exchange
        BillmgrRequest request = new BillmgrRequest(func());
        long id = input.singleServiceId();
        request.param("elid", id);
        request.param("autoprolong", input.autoprolong());
        Map<String, String> addons = input.addons();
        addAddons(request, addons);
        request.param("comment", input.comment());
        if (config.isSkipBasket()) {
            // a paid change (a bigger add-on) is charged at once instead of waiting in the cart
            request.param("skipbasket", "on");
        }
        addExtra(request, input);
        request.param("sok", "ok");

        var guard = new ChangeGuard<>(new ByAddonValues(config, func(), id, addons), message, config.getItemType());
        var result = guard.run(client, request);
        if (result.sent()) {
            setOut(message, func(), result.reply());
            return;
        }
        LOG.info("The add-on change of service {} was already applied by an earlier attempt of this exchange; "
                + "not sent again", id);
        setOut(message, func(), okDocument());
        message.setHeader(BillmgrConstants.RECOVERED, true);
    }

    /** The body of a change that was not sent again because an earlier attempt had made it: a plain {@code ok}. */
    private static ObjectNode okDocument() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("doc").putObject("ok");
        return root;
    }
}

package io.github.camelbillmgr.internal.op;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOutcomeUnknownException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import io.github.camelbillmgr.internal.reply.ServiceDetails;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code edit}: {@code TYPE.edit} with {@code sok=ok}: add-ons, auto-renewal, comment, and any other field (admin
 * fields such as {@code username}, {@code userpassword}, {@code serverid}) through the params header or options.
 * The body is the reply document.
 * <p>
 * A change of add-ons paid at once may charge, so it is protected against a redelivery after a lost reply: before it
 * is sent, the service's current values of those add-ons are read and kept on the exchange; a redelivery reads them
 * again and does not send the change when it shows that the earlier attempt applied it. Other changes (comment,
 * auto-renewal, fields) set a value and are safe to send twice.
 */
public final class EditOperation extends Operation {

    private static final Logger LOG = LoggerFactory.getLogger(EditOperation.class);
    /** Exchange property: the add-on change of this item type whose outcome is not settled yet (a {@link Pending}). */
    static final String PENDING_PREFIX = "CamelBillmgrPendingEdit.";

    /** An add-on change that may have been sent: the service, the requested values, the values before. */
    record Pending(long id, Map<String, String> requested, Map<String, String> before) {
    }

    public EditOperation(BillmgrConfiguration config) {
        super(config);
    }

    @Override
    public String func(Message message) {
        return FuncNames.edit(config);
    }

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        message.removeHeader(BillmgrConstants.RECOVERED); // left by an earlier call of the same exchange
        BillmgrRequest request = new BillmgrRequest(func(message));
        long id = input.singleServiceId();
        request.param("elid", id);
        request.param("autoprolong", input.autoprolong());
        Map<String, String> addons = input.addons();
        addons.forEach((addonId, value) -> request.param("addon_" + addonId, value));
        request.param("comment", input.comment());
        if (config.isSkipBasket()) {
            // a paid change (a bigger add-on) is charged at once instead of waiting in the cart
            request.param("skipbasket", "on");
        }
        addExtra(request, input);
        request.param("sok", "ok");

        Exchange exchange = message.getExchange();
        // in the cart nothing changes until it is paid: there is nothing to compare, and nothing is charged
        boolean guarded = !addons.isEmpty() && config.isSkipBasket() && exchange != null;
        String key = PENDING_PREFIX + config.getItemType();
        Pending pending = guarded ? exchange.getProperty(key, Pending.class) : null;
        if (pending != null && (pending.id() != id || !pending.requested().equals(addons))) {
            pending = null; // a different change later in the same exchange
        }
        boolean redelivery = pending != null;
        if (redelivery) {
            if (alreadyApplied(client, pending)) {
                exchange.removeProperty(key);
                LOG.info("The add-on change of service {} was already applied by an earlier attempt of this exchange; "
                        + "not sent again", id);
                setOut(message, request, okDocument());
                message.setHeader(BillmgrConstants.RECOVERED, true);
                return;
            }
        } else if (guarded) {
            pending = new Pending(id, Map.copyOf(addons), addonValues(client, id, addons));
        }
        if (guarded) {
            exchange.setProperty(key, pending); // before sending: a redelivery must compare, whatever happens next
        }
        try {
            setOut(message, request,
                    callChanging(client, request, cause -> unknown(cause, request.func(), id, guarded)));
        } catch (BillmgrException e) {
            if (refused(e) || (!redelivery && notSent(e))) {
                if (guarded) {
                    exchange.removeProperty(key);
                }
            } else if (redelivery && !(e instanceof BillmgrOutcomeUnknownException)) {
                // busy, or the login failed: the earlier attempt's change is still neither seen nor ruled out
                throw unknown(e, request.func(), id, true);
            }
            throw e;
        }
        if (guarded) {
            exchange.removeProperty(key);
        }
    }

    /**
     * True when the service now shows a requested value for an add-on that had another value before the earlier
     * attempt: BILLmanager applies an edit as a whole, so that attempt landed. When every requested value was already
     * there before, the add-on part of the change costs nothing, and sending it again is harmless.
     */
    private boolean alreadyApplied(BillmgrClient client, Pending pending) throws BillmgrException {
        Map<String, String> now;
        try {
            now = addonValues(client, pending.id(), pending.requested());
        } catch (BillmgrException e) {
            throw unknown(e, FuncNames.edit(config), pending.id(), true);
        }
        for (Map.Entry<String, String> e : pending.requested().entrySet()) {
            String requested = e.getValue();
            if (!sameValue(pending.before().get(e.getKey()), requested) && sameValue(now.get(e.getKey()), requested)) {
                return true;
            }
        }
        for (Map.Entry<String, String> e : pending.requested().entrySet()) {
            if (now.get(e.getKey()) == null) {
                // without the values BILLmanager shows there is no telling whether the change landed
                throw new BillmgrOutcomeUnknownException(
                        new BillmgrException("service " + pending.id() + " does not show add-on " + e.getKey(),
                                FuncNames.edit(config)),
                        FuncNames.edit(config), null, List.of(pending.id()),
                        "the service's details do not show the add-on, so the component cannot tell whether the "
                                + "earlier attempt applied the change: "
                                + "check the service's add-ons in "
                                + "BILLmanager before changing them again");
            }
        }
        return false;
    }

    /** The service's current values of the given add-ons ({@code addon_<id>} of its details), null when not shown. */
    private Map<String, String> addonValues(BillmgrClient client, long id, Map<String, String> addons)
            throws BillmgrException {
        Map<String, String> columns = ServiceDetails.read(client, config, id, Map.of()).getColumns();
        Map<String, String> values = new LinkedHashMap<>();
        for (String addonId : addons.keySet()) {
            values.put(addonId, columns.get("addon_" + addonId));
        }
        return values;
    }

    /** Add-on values as BILLmanager shows them may be formatted differently ("2048" and "2048.00"). */
    static boolean sameValue(String shown, String requested) {
        if (shown == null || requested == null) {
            return false;
        }
        String a = shown.trim();
        String b = requested.trim();
        if (a.equals(b)) {
            return true;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static BillmgrOutcomeUnknownException unknown(BillmgrException cause, String func, long id,
                                                          boolean guarded) {
        return new BillmgrOutcomeUnknownException(cause, func, null, List.of(id), guarded
                ? "redeliver this exchange (the component then compares the service's add-ons with the requested "
                        + "values and sends the change only if the earlier attempt did not apply it), or check the "
                        + "service's add-ons before changing them again"
                : "a change of comment, auto-renewal or fields is safe to send again: redeliver this exchange, or "
                        + "check the service first; a change of add-ons in the cart may have added a cart item");
    }
}

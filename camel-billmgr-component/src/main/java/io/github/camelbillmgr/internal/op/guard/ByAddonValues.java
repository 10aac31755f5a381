package io.github.camelbillmgr.internal.op.guard;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.op.ServiceDetails;

/**
 * Add-on changes paid at once: before the first attempt the service's current values of those add-ons are read and
 * recorded; a later attempt reads them again and does not send the change when it shows that the earlier attempt
 * applied it. Other changes (comment, auto-renewal, fields) set a value and are safe to send twice, and in the cart
 * nothing changes until it is paid: neither is guarded.
 */
public final class ByAddonValues extends AbstractChangeStrategy<ByAddonValues.Pending, Boolean> {

    /** Exchange property: the add-on change of this item type whose outcome is not settled yet (a {@link Pending}). */
    public static final String PENDING_PREFIX = "CamelBillmgrPendingEdit.";

    /** An add-on change that may have been sent: the service, the requested values, the values before. */
    public record Pending(long id, Map<String, String> requested, Map<String, String> before) {
    }

    private final BillmgrConfiguration config;
    private final long id;
    private final Map<String, String> addons;

    public ByAddonValues(BillmgrConfiguration config, String func, long id, Map<String, String> addons) {
        super(PENDING_PREFIX, Pending.class, func);
        this.config = config;
        this.id = id;
        this.addons = addons;
    }

    @Override
    public boolean guarded() {
        return !addons.isEmpty() && config.isSkipBasket();
    }

    @Override
    public boolean sameChange(Pending left) {
        return left.id() == id && left.requested().equals(addons);
    }

    /**
     * True when the service now shows a requested value for an add-on that had another value before the earlier
     * attempt: BILLmanager applies an edit as a whole, so that attempt landed. When every requested value was already
     * there before, the add-on part of the change costs nothing, and sending it again is harmless.
     */
    @Override
    public Boolean landed(BillmgrClient client, Pending pending) throws BillmgrException, CannotTell {
        Map<String, String> now = addonValues(client);
        for (Map.Entry<String, String> e : pending.requested().entrySet()) {
            String requested = e.getValue();
            if (!sameValue(pending.before().get(e.getKey()), requested) && sameValue(now.get(e.getKey()), requested)) {
                return true;
            }
        }
        for (String addonId : pending.requested().keySet()) {
            if (now.get(addonId) == null) {
                // without the values BILLmanager shows there is no telling whether the change landed
                throw new CannotTell(new BillmgrException("service " + id + " does not show add-on " + addonId, func()),
                        "the service's details do not show the add-on, so the component cannot tell whether the "
                                + "earlier attempt applied the change: check the service's add-ons in BILLmanager "
                                + "before changing them again");
            }
        }
        return false;
    }

    @Override
    public boolean complete(Boolean landed) {
        return Boolean.TRUE.equals(landed);
    }

    @Override
    public Pending before(BillmgrClient client) throws BillmgrException {
        return new Pending(id, Map.copyOf(addons), addonValues(client));
    }

    /** The service's current values of the add-ons ({@code addon_<id>} of its details), null when not shown. */
    private Map<String, String> addonValues(BillmgrClient client) throws BillmgrException {
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

    @Override
    public List<Long> serviceIds() {
        return List.of(id);
    }

    @Override
    public String whatToDo(boolean guarded) {
        return guarded
                ? "redeliver this exchange (the component then compares the service's add-ons with the requested "
                        + "values and sends the change only if the earlier attempt did not apply it), or check the "
                        + "service's add-ons before changing them again"
                : "a change of comment, auto-renewal or fields is safe to send again: redeliver this exchange, or "
                        + "check the service first; a change of add-ons in the cart may have added a cart item";
    }
}

package io.github.camelbillmgr.internal.op.guard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.op.ServiceDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renewals paid at once: before the first attempt each service's expire date is read and recorded; a later attempt
 * reads them again and takes every service whose date has moved forward since as renewed. What it finds may be part
 * of the renewal: then only the rest is sent. In the cart a renewal moves no date until it is paid, so there is
 * nothing to compare, and nothing is charged: it is not guarded.
 */
public final class ByExpireDate extends AbstractChangeStrategy<ByExpireDate.Pending, Map<Long, LocalDate>> {

    private static final Logger LOG = LoggerFactory.getLogger(ByExpireDate.class);
    /** Exchange property: the renewal of this item type whose outcome is not settled yet (a {@link Pending}). */
    public static final String PENDING_PREFIX = "CamelBillmgrPendingProlong.";

    /**
     * The services of a renewal that may have been sent, their expire dates read before it was, and the services whose
     * details BILLmanager refused to show then (the renewal itself was sent anyway: it may be allowed where the details
     * are not, and otherwise fails with BILLmanager's own error for it).
     */
    public record Pending(List<Long> ids, Map<Long, LocalDate> expireDates, Set<Long> unreadable) {
    }

    private final BillmgrConfiguration config;
    private final List<Long> ids;
    private final int period;
    /** The services this call renews: all of them, or those an earlier attempt has not renewed. */
    private List<Long> renewing;

    public ByExpireDate(BillmgrConfiguration config, String func, List<Long> ids, int period) {
        super(PENDING_PREFIX, Pending.class, func);
        this.config = config;
        this.ids = ids;
        this.period = period;
        this.renewing = ids;
    }

    @Override
    public boolean guarded() {
        return config.isSkipBasket();
    }

    @Override
    public boolean sameChange(Pending left) {
        return left.ids().equals(ids);
    }

    /**
     * The services of an earlier attempt whose expire date has moved forward since it was read before that attempt,
     * with their new date. Any forward move counts, not exactly the period: BILLmanager's date arithmetic (month
     * ends, daily tariffs) may differ from ours, and not charging a renewal that someone else made in between is the
     * cheaper mistake.
     */
    @Override
    public Map<Long, LocalDate> landed(BillmgrClient client, Pending pending) throws BillmgrException, CannotTell {
        Map<Long, LocalDate> renewed = new LinkedHashMap<>();
        for (Long id : pending.ids()) {
            if (pending.unreadable().contains(id)) {
                throw new CannotTell(new BillmgrException("the expire date of service " + id + " could not be read "
                        + "before the renewal", func()),
                        "without the expire date from before, the component cannot tell whether the earlier attempt "
                                + "renewed it: check the expire dates in BILLmanager before renewing again");
            }
            LocalDate before = pending.expireDates().get(id);
            LocalDate now = ServiceDetails.read(client, config, id, Map.of()).getExpireDate();
            if (now != null && (before == null || now.isAfter(before))) {
                if (before != null && !now.equals(before.plusMonths(period))) {
                    LOG.warn("The expire date of service {} moved from {} to {}, not by the {} month(s) renewed; "
                            + "taking it as renewed and not charging again", id, before, now, period);
                }
                renewed.put(id, now);
            }
        }
        List<Long> left = new ArrayList<>(ids);
        left.removeAll(renewed.keySet());
        renewing = left;
        return renewed;
    }

    @Override
    public boolean complete(Map<Long, LocalDate> landed) {
        return landed != null && renewing.isEmpty();
    }

    @Override
    public Pending before(BillmgrClient client) throws BillmgrException {
        Map<Long, LocalDate> dates = new LinkedHashMap<>();
        Set<Long> unreadable = new HashSet<>();
        for (Long id : ids) {
            try {
                dates.put(id, ServiceDetails.read(client, config, id, Map.of()).getExpireDate());
            } catch (BillmgrException e) {
                if (!ChangeGuard.refused(e)) {
                    throw e; // nothing was sent yet
                }
                LOG.debug("Cannot read the expire date of service {} before renewing it: {}", id, e.getMessage());
                unreadable.add(id);
            }
        }
        return new Pending(List.copyOf(ids), dates, Set.copyOf(unreadable));
    }

    /** The services this call sends the renewal for: after a look-up, those it did not find renewed. */
    @Override
    public List<Long> serviceIds() {
        return renewing;
    }

    @Override
    public String whatToDo(boolean guarded) {
        return guarded
                ? "redeliver this exchange (the component then compares each service's expire date with the one it "
                        + "read before the renewal and renews only those whose date has not moved), or check the "
                        + "expire dates before renewing again"
                : "the renewal may be in the cart: check the cart and the expire dates before renewing again";
    }
}

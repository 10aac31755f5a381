package io.github.camelbillmgr.internal.op.guard;

import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.op.ServiceLister;
import io.github.camelbillmgr.model.BillmgrService;

/**
 * Orders: an attempt records the remote id it is sent with; a later attempt looks that remote id up in the service
 * list and, when found, takes that service instead of ordering a second one. With a business key and
 * {@code lookupBeforeOrder=always}, every order looks first.
 */
public final class ByRemoteId extends AbstractChangeStrategy<String, BillmgrService> {

    /**
     * Exchange property holding the remote id of an order of this item type that was sent (or about to be) without a
     * settled answer yet; while it is set, an order with that remote id looks for it before ordering.
     */
    public static final String PENDING_PREFIX = "CamelBillmgrPendingOrder.";

    private final BillmgrConfiguration config;
    private final String remoteId;
    private final boolean looksFirst;

    /**
     * @param remoteId   the order's remote id, null when it has none (then it is not guarded)
     * @param looksFirst whether to look even in a first attempt (a business key and lookupBeforeOrder=always)
     */
    public ByRemoteId(BillmgrConfiguration config, String func, String remoteId, boolean looksFirst) {
        super(PENDING_PREFIX, String.class, func);
        this.config = config;
        this.remoteId = remoteId;
        this.looksFirst = looksFirst;
    }

    @Override
    public boolean guarded() {
        return remoteId != null;
    }

    @Override
    public boolean sameChange(String left) {
        return left.equals(remoteId);
    }

    @Override
    public boolean looksFirst() {
        return looksFirst;
    }

    @Override
    public BillmgrService landed(BillmgrClient client, String earlier) throws BillmgrException {
        BillmgrConfiguration lookup = config.copy();
        lookup.setStatus(null);
        lookup.setAccount(null);
        lookup.setExpiringWithinDays(null);
        lookup.setPageNumber(0);
        lookup.setFilters(Map.of("remoteid", remoteId));
        BillmgrService[] found = new BillmgrService[1];
        // BILLmanager may match filters by substring: only the exact remote id counts
        new ServiceLister(client, lookup).list(Map.of(), s -> {
            if (remoteId.equals(s.getRemoteId()) && found[0] == null) {
                found[0] = s;
            }
        });
        return found[0];
    }

    @Override
    public boolean complete(BillmgrService landed) {
        return landed != null;
    }

    @Override
    public String before(BillmgrClient client) {
        return remoteId;
    }

    @Override
    public String remoteId() {
        return remoteId;
    }

    @Override
    public List<Long> serviceIds() {
        return List.of();
    }

    @Override
    public String whatToDo(boolean guarded) {
        return remoteId != null
                ? "redeliver this exchange (the component then checks for that remote id before ordering again), or "
                        + "look for the service with that remote id"
                : "it was sent without a remote id (generateRemoteId=false), so nothing can find it for sure: look "
                        + "for the new service in the service list before ordering again";
    }
}

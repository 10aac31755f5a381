package io.github.camelbillmgr.simulator.engine.func;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.ApiFunction;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Paging;
import io.github.camelbillmgr.simulator.engine.ServiceFilter;
import io.github.camelbillmgr.simulator.engine.ServiceView;
import io.github.camelbillmgr.simulator.model.SimAccount;
import io.github.camelbillmgr.simulator.model.SimService;

/**
 * {@code func=ITEMTYPE}: the caller's services (an admin's: everyone's, with {@code account}).
 * {@code filter=on} filters by the request's column parameters only; otherwise the stored
 * filter applies. {@code clickstat} and other unknown parameters are ignored.
 */
public final class ListFunction implements ApiFunction {

    private final String itemType;

    public ListFunction(String itemType) {
        this.itemType = itemType;
    }

    @Override
    public Element call(CallContext ctx) {
        Map<String, String> criteria = new LinkedHashMap<>(ctx.params().isOn("filter")
                ? ServiceFilter.fromParams(ctx.params())
                : ctx.store().storedFilters().get(FilterFunction.scopeKey(ctx), itemType));
        boolean admin = ctx.isAdmin();
        if (!admin && !ownAccountMatches(ctx, criteria)) {
            return Paging.render(ctx, List.of());
        }
        ServiceFilter filter = new ServiceFilter(criteria);
        boolean showDeleted = ctx.settings().isListDeletedServices() || filter.asksForDeleted();
        ServiceView view = new ServiceView(ctx.store());
        List<SimService> listed = new ArrayList<>();
        for (SimService service : ctx.store().services()) {
            if (!service.itemType().equals(itemType) || (!admin && !service.owner().equals(ctx.user()))
                    || (!showDeleted && service.status() == SimService.STATUS_DELETED)
                    || !filter.mayMatch(service)) {
                continue;
            }
            listed.add(service);
        }
        List<Map<String, String>> rows;
        if (filter.criteria().isEmpty()) {
            // without a filter only the rows of the requested page are rendered: a long list pages in linear time
            rows = new AbstractList<>() {
                @Override
                public Map<String, String> get(int index) {
                    return view.row(listed.get(index), admin);
                }

                @Override
                public int size() {
                    return listed.size();
                }
            };
        } else {
            rows = new ArrayList<>();
            for (SimService service : listed) {
                Map<String, String> row = view.row(service, admin);
                if (filter.matches(row)) {
                    rows.add(row);
                }
            }
        }
        return Paging.render(ctx, rows);
    }

    /**
     * A client's rows have no {@code account} column, yet a client may filter by its own account (the whole Name, as
     * whoami and dashboard.info show it, or its id): every one of its rows matches, and another account's none. The
     * account criteria are taken out of {@code criteria} here; false when they name another account.
     */
    private static boolean ownAccountMatches(CallContext ctx, Map<String, String> criteria) {
        SimAccount own = ctx.principal().acting();
        String name = criteria.remove("account");
        String id = criteria.remove("account_id");
        return (name == null || name.equals(own.accountName())) && (id == null || id.equals(String.valueOf(own.id())));
    }
}

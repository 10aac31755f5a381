package io.github.camelbillmgr.simulator.engine.func;

import java.util.Map;

import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.ApiFunction;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Forms;
import io.github.camelbillmgr.simulator.engine.ServiceFilter;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings.FilterScope;

/**
 * {@code ITEMTYPE.filter}: without {@code sok} the stored filter's fields; with {@code sok} the
 * request's column parameters replace it (none: cleared). {@code ITEMTYPE.setfilter} stores
 * the same way with or without {@code sok}. The filter is kept per user or per session
 * (setting); a caller without a session always falls back to per user.
 */
public final class FilterFunction implements ApiFunction {

    private final String itemType;
    private final boolean setFilter;

    public FilterFunction(String itemType, boolean setFilter) {
        this.itemType = itemType;
        this.setFilter = setFilter;
    }

    static String scopeKey(CallContext ctx) {
        String sid = ctx.principal().sessionId();
        if (ctx.settings().getStoredFilterScope() == FilterScope.SESSION && sid != null) {
            return "session:" + sid + "|" + ctx.user();
        }
        return "user:" + ctx.user();
    }

    @Override
    public Element call(CallContext ctx) {
        if (setFilter || ctx.sok()) {
            ctx.store().storedFilters().put(scopeKey(ctx), itemType, ServiceFilter.fromParams(ctx.params()));
            return Element.doc().marker("ok");
        }
        Map<String, String> stored = ctx.store().storedFilters().get(scopeKey(ctx), itemType);
        Element doc = Element.doc();
        stored.forEach(doc::field);
        Element status = doc.child("slist").attr("name", "status");
        Forms.val(status, "", "All");
        for (int code = SimService.STATUS_ORDERED; code <= SimService.STATUS_PROCESSING; code++) {
            Forms.val(status, String.valueOf(code), SimService.statusName(code));
        }
        return doc;
    }
}

package io.github.camelbillmgr.simulator.engine.func;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.ApiFunction;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Errors;
import io.github.camelbillmgr.simulator.engine.Paging;
import io.github.camelbillmgr.simulator.model.SimHistoryEvent;
import io.github.camelbillmgr.simulator.model.SimService;

/** {@code service.history&elid=}: a paged list, newest first, of id, date, action, user and desc. */
public final class HistoryFunction implements ApiFunction {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public Element call(CallContext ctx) {
        String elid = ctx.opt("elid");
        if (elid == null) {
            throw Errors.missedParam("elid");
        }
        SimService service = ctx.visibleService(elid, null);
        List<Map<String, String>> rows = new ArrayList<>();
        List<SimHistoryEvent> events = service.history();
        for (int i = events.size() - 1; i >= 0; i--) {
            SimHistoryEvent event = events.get(i);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", String.valueOf(event.id()));
            row.put("date", DATE.format(event.date()));
            row.put("action", event.action());
            row.put("user", event.user());
            row.put("desc", event.description());
            rows.add(row);
        }
        return Paging.render(ctx, rows);
    }
}

package io.github.camelbillmgr.simulator.engine.func;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelbillmgr.simulator.catalog.Addon;
import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.ApiFunction;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Errors;
import io.github.camelbillmgr.simulator.engine.Forms;
import io.github.camelbillmgr.simulator.model.SimService;

/**
 * {@code service.changepricelist&elid&pricelist&period&sok=ok}: moves a service to another
 * tariff of its item type. Add-ons the new tariff lacks are dropped, missing ones get their
 * defaults, the period cost is recalculated; nothing is charged and the expire date stays.
 */
public final class ChangePricelistFunction implements ApiFunction {

    @Override
    public Element call(CallContext ctx) {
        String elid = ctx.opt("elid");
        if (elid == null) {
            throw Errors.missedParam("elid");
        }
        SimService service = ctx.visibleService(elid, null);
        if (service.status() == SimService.STATUS_DELETED) {
            throw ctx.invalid("elid", elid);
        }
        if (!ctx.sok()) {
            return form(ctx, service);
        }
        String raw = ctx.opt("pricelist");
        if (raw == null) {
            throw Errors.missedParam("pricelist");
        }
        Tariff tariff = parseTariff(ctx, raw, service.itemType());
        int period = period(ctx, tariff, service);
        Map<Integer, String> addons = new LinkedHashMap<>();
        for (Addon addon : tariff.addons()) {
            addons.put(addon.id(), service.addons().getOrDefault(addon.id(), String.valueOf(addon.defaultValue())));
        }
        Integer datacenter = service.datacenter() != null && tariff.datacenters().contains(service.datacenter())
                ? service.datacenter() : tariff.datacenters().stream().findFirst().orElse(null);
        ctx.store().put(service.toBuilder().pricelistId(tariff.id()).pricelistName(tariff.name()).period(period)
                .addons(addons).datacenter(datacenter).cost(tariff.cost(period, addons)).trial(false)
                .event(ctx.store().event("changepricelist", ctx.user(),
                        "Tariff changed from " + service.pricelistName() + " to " + tariff.name()))
                .build());
        return Element.doc().marker("ok");
    }

    private static Tariff parseTariff(CallContext ctx, String raw, String itemType) {
        try {
            return ctx.catalogue().tariff(Long.parseLong(raw)).filter(t -> t.itemType().equals(itemType))
                    .orElseThrow(() -> ctx.invalid("pricelist", raw));
        } catch (NumberFormatException e) {
            throw ctx.invalid("pricelist", raw);
        }
    }

    /** The requested period, else the current one if the new tariff has it, else its first. */
    private static int period(CallContext ctx, Tariff tariff, SimService service) {
        Integer requested = ctx.intParam("period");
        if (requested != null) {
            if (!tariff.paidPeriods().contains(requested)) {
                throw ctx.invalid("period", String.valueOf(requested));
            }
            return requested;
        }
        return tariff.paidPeriods().contains(service.period()) ? service.period() : tariff.defaultPeriod();
    }

    private static Element form(CallContext ctx, SimService service) {
        Element doc = Element.doc().field("elid", service.id()).field("pricelist", service.pricelistId());
        Element slist = doc.child("slist").attr("name", "pricelist");
        ctx.catalogue().tariffsOf(service.itemType()).stream().filter(Tariff::isAvailable)
                .forEach(t -> Forms.val(slist, String.valueOf(t.id()), t.name()));
        return doc;
    }
}

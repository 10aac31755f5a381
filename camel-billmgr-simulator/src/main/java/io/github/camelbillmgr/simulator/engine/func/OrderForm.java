package io.github.camelbillmgr.simulator.engine.func;

import java.util.Map;

import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Forms;
import io.github.camelbillmgr.simulator.engine.Money;
import io.github.camelbillmgr.simulator.engine.OrderParser;

/**
 * The order form: current values as fields, then the choices. The period field is
 * {@code order_period} under the BM6 {@code v2.} name and {@code period} under the BM5 name.
 * Values the caller sent are echoed when valid, so the form doubles as a price calculator.
 */
final class OrderForm {

    Element render(CallContext ctx, OrderParser parser, Tariff tariff) {
        String periodField = ctx.func().startsWith("v2.") ? "order_period" : "period";
        int period = echoPeriod(parser, tariff);
        Map<Integer, String> addons = parser.addons(tariff, false);
        Element doc = Element.doc();
        doc.field("pricelist", tariff.id());
        doc.field("pricelist_name", tariff.name());
        doc.field(periodField, period);
        if (!tariff.datacenters().isEmpty()) {
            String dc = OrderParser.requestedDatacenter(ctx);
            doc.field("datacenter", dc != null && tariff.datacenters().contains(parse(dc)) ? dc
                    : String.valueOf(tariff.datacenters().get(0)));
        }
        if (!tariff.osTemplates().isEmpty()) {
            String ostempl = ctx.opt("ostempl");
            doc.field("ostempl", ostempl != null && tariff.osTemplates().contains(ostempl) ? ostempl
                    : tariff.osTemplates().get(0));
            doc.field("recipe", Forms.NULL_KEY);
        }
        doc.field("autoprolong", Forms.NULL_KEY);
        addons.forEach((id, value) -> doc.field("addon_" + id, value));
        doc.field("cost", Money.format(tariff.cost(period, addons)));
        doc.field("currency", tariff.currency());
        if (!tariff.datacenters().isEmpty()) {
            doc.add(Forms.datacenterSlist(ctx.catalogue(), tariff.datacenters()));
        }
        doc.add(Forms.periodSlist(periodField, tariff, tariff.periods(), addons));
        if (!tariff.osTemplates().isEmpty()) {
            doc.add(Forms.ostemplSlist(ctx.catalogue(), tariff));
            doc.add(Forms.recipeSlist(ctx.catalogue(), tariff));
        }
        doc.add(Forms.autoprolongSlist(tariff));
        if (!tariff.addons().isEmpty()) {
            doc.add(Forms.addonList(tariff));
        }
        return doc;
    }

    /** Without a {@code pricelist}: the tariffs to choose from. */
    Element chooseTariff(CallContext ctx, String itemType) {
        Element doc = Element.doc();
        Element slist = doc.child("slist").attr("name", "pricelist");
        ctx.catalogue().tariffsOf(itemType).stream().filter(Tariff::isAvailable)
                .forEach(t -> Forms.val(slist, String.valueOf(t.id()), t.name()));
        return doc;
    }

    private static int echoPeriod(OrderParser parser, Tariff tariff) {
        String raw = parser.rawPeriod(tariff);
        Integer period = raw == null ? null : parse(raw);
        return period != null && tariff.allowsPeriod(period) ? period : tariff.defaultPeriod();
    }

    private static Integer parse(String raw) {
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package io.github.camelbillmgr.simulator.engine.func;

import io.github.camelbillmgr.simulator.catalog.Addon;
import io.github.camelbillmgr.simulator.catalog.Catalogue;
import io.github.camelbillmgr.simulator.catalog.Price;
import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Forms;
import io.github.camelbillmgr.simulator.engine.Money;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The catalogue: {@code [v2.]ITEMTYPE.order.pricelist} and the public {@code pricelist.export}. */
public final class CatalogueFunctions {

    /**
     * Data centres in {@code slist[0]} and tariffs in {@code list[0].elem[]}; an optional
     * {@code datacenter=} narrows the tariffs to those offered there.
     */
    public Element orderPricelist(CallContext ctx, String itemType) {
        Catalogue catalogue = ctx.catalogue();
        Integer datacenter = ctx.intParam("datacenter");
        List<Tariff> tariffs = catalogue.tariffsOf(itemType).stream().filter(Tariff::isAvailable)
                .filter(t -> datacenter == null || t.datacenters().contains(datacenter)).toList();
        Set<Integer> datacenters = new LinkedHashSet<>();
        catalogue.tariffsOf(itemType).forEach(t -> datacenters.addAll(t.datacenters()));
        Element doc = Element.doc();
        if (!datacenters.isEmpty()) {
            doc.add(Forms.datacenterSlist(catalogue, List.copyOf(datacenters)));
        }
        Element list = doc.child("list").attr("name", "pricelist");
        for (Tariff tariff : tariffs) {
            Element elem = list.child("elem").field("id", tariff.id()).field("title", tariff.name());
            Element prices = elem.child("prices");
            for (Price price : tariff.prices()) {
                prices.child("price").field("period", price.period()).field("cost", Money.format(price.cost()))
                        .field("currency", tariff.currency());
            }
            if (tariff.hasTrial()) {
                prices.child("price").field("period", Tariff.TRIAL_PERIOD).field("cost", "0.00")
                        .field("currency", tariff.currency());
            }
        }
        return doc;
    }

    /** {@code pricelist.export&itemtype=&project=1&onlyavailable=yes}: needs no login. */
    public Element export(CallContext ctx) {
        String itemType = ctx.opt("itemtype");
        boolean onlyAvailable = ctx.params().isOn("onlyavailable");
        Element doc = Element.doc();
        for (Tariff tariff : ctx.catalogue().tariffs()) {
            if ((itemType != null && !itemType.equals(tariff.itemType())) || (onlyAvailable && !tariff.isAvailable())) {
                continue;
            }
            Element elem = doc.child("elem").field("id", tariff.id()).field("name", tariff.name())
                    .field("itemtype", tariff.itemType()).field("currency", tariff.currency())
                    .field("trial_days", tariff.hasTrial() ? tariff.trialDays() : null);
            for (Price price : tariff.prices()) {
                elem.child("price").field("period", price.period()).field("cost", Money.format(price.cost()));
            }
            for (Addon addon : tariff.addons()) {
                elem.child("addon").field("id", addon.id()).field("name", addon.name())
                        .field("measure", addon.measure()).field("default", addon.defaultValue())
                        .field("min", addon.min()).field("max", addon.max())
                        .field("price", Money.format(addon.unitPrice()));
            }
        }
        return doc;
    }
}

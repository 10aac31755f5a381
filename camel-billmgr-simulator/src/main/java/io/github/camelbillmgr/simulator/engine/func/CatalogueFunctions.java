package io.github.camelbillmgr.simulator.engine.func;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.camelbillmgr.simulator.catalog.Addon;
import io.github.camelbillmgr.simulator.catalog.Catalogue;
import io.github.camelbillmgr.simulator.catalog.Price;
import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Forms;
import io.github.camelbillmgr.simulator.engine.Money;
import io.github.camelbillmgr.simulator.engine.OrderParser;

/** The catalogue: {@code [v2.]ITEMTYPE.order.pricelist} and the public {@code pricelist.export}. */
public final class CatalogueFunctions {

    /**
     * Data centres in {@code slist[0]} and tariffs in {@code list[0].elem[]}; an optional
     * {@code datacenter=} (or the data-centre part of {@code keyvalue=<pricelist>_<datacenter>}) narrows the tariffs
     * to those offered there. Each tariff row carries {@code id}, {@code title}, {@code description}, the data centre
     * it is shown for ({@code datacenter}: {@code id} and {@code value} with an {@code img} attribute), its
     * {@code detail} rows (the add-ons it includes) and {@code prices}.
     */
    public Element orderPricelist(CallContext ctx, String itemType) {
        Catalogue catalogue = ctx.catalogue();
        String rawDatacenter = OrderParser.requestedDatacenter(ctx);
        Integer datacenter;
        try {
            datacenter = rawDatacenter == null ? null : Integer.valueOf(rawDatacenter);
        } catch (NumberFormatException e) {
            throw ctx.invalid("datacenter", rawDatacenter);
        }
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
            elem.field("description", description(tariff));
            Integer shownFor = datacenter != null ? datacenter
                    : tariff.datacenters().isEmpty() ? null : tariff.datacenters().get(0);
            if (shownFor != null) {
                catalogue.datacenter(shownFor).ifPresent(dc -> {
                    Element node = elem.child("datacenter").field("id", dc.id());
                    node.child("value").attr("img", "/manimg/datacenter/" + dc.id() + ".png").text(dc.name());
                });
            }
            for (Addon addon : tariff.addons()) {
                elem.child("detail").field("name", addon.name()).field("value", included(addon));
            }
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

    /** The tariff's name and what it includes, e.g. {@code VDS-1: RAM, MB 1024 MB, CPU 1 cores}. */
    private static String description(Tariff tariff) {
        if (tariff.addons().isEmpty()) {
            return tariff.name();
        }
        StringBuilder text = new StringBuilder(tariff.name()).append(':');
        String separator = " ";
        for (Addon addon : tariff.addons()) {
            text.append(separator).append(addon.name()).append(' ').append(included(addon));
            separator = ", ";
        }
        return text.toString();
    }

    private static String included(Addon addon) {
        return addon.included() + (addon.measure() == null ? "" : " " + addon.measure());
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

package io.github.camelbillmgr.simulator.engine;

import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.simulator.catalog.Addon;
import io.github.camelbillmgr.simulator.catalog.Catalogue;
import io.github.camelbillmgr.simulator.catalog.Recipe;
import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.doc.Element;

/**
 * Choice lists of forms: {@code <slist name="F"><val key="K">label</val></slist>}, and the
 * add-on table {@code <list name="addon"><elem>id, name, default, min, max, measure, price</elem></list>}
 * (our own representation: the reference does not show one).
 */
public final class Forms {

    /** The key that switches auto-renewal off, and "no recipe". */
    public static final String NULL_KEY = "null";

    private Forms() {
    }

    public static Element slist(String name) {
        return new Element("slist").attr("name", name);
    }

    public static Element val(Element slist, String key, String label) {
        Element val = new Element("val").attr("key", key).text(label);
        slist.add(val);
        return val;
    }

    /** Periods with their prices, e.g. {@code <val key="3">3 months - 15.00 EUR</val>}. */
    public static Element periodSlist(String name, Tariff tariff, List<Integer> periods, Map<Integer, String> addons) {
        Element slist = slist(name);
        for (int period : periods) {
            String price = Money.withCurrency(tariff.cost(period, addons), tariff.currency());
            val(slist, String.valueOf(period), Labels.period(period, tariff.trialDays()) + " - " + price);
        }
        return slist;
    }

    public static Element autoprolongSlist(Tariff tariff) {
        Element slist = slist("autoprolong");
        val(slist, NULL_KEY, "Disabled");
        for (int period : tariff.paidPeriods()) {
            val(slist, String.valueOf(period), Labels.period(period, 0));
        }
        return slist;
    }

    public static Element datacenterSlist(Catalogue catalogue, List<Integer> ids) {
        Element slist = slist("datacenter");
        for (int id : ids) {
            catalogue.datacenter(id).ifPresent(dc -> val(slist, String.valueOf(dc.id()), dc.name()));
        }
        return slist;
    }

    public static Element ostemplSlist(Catalogue catalogue, Tariff tariff) {
        Element slist = slist("ostempl");
        for (String key : tariff.osTemplates()) {
            catalogue.osTemplate(key).ifPresent(template -> val(slist, template.key(), template.name()));
        }
        return slist;
    }

    /** Recipes carry {@code depend}: the {@code ostempl} key they need. */
    public static Element recipeSlist(Catalogue catalogue, Tariff tariff) {
        Element slist = slist("recipe");
        val(slist, NULL_KEY, "None");
        for (String key : tariff.recipes()) {
            catalogue.recipe(key).ifPresent(
                    (Recipe recipe) -> val(slist, recipe.key(), recipe.name()).attr("depend", recipe.depend()));
        }
        return slist;
    }

    public static Element addonList(Tariff tariff) {
        Element list = new Element("list").attr("name", "addon");
        for (Addon addon : tariff.addons()) {
            list.child("elem")
                    .field("id", addon.id())
                    .field("name", addon.name())
                    .field("default", addon.defaultValue())
                    .field("min", addon.min())
                    .field("max", addon.max())
                    .field("measure", addon.measure())
                    .field("included", addon.included())
                    .field("price", Money.format(addon.unitPrice()))
                    .field("currency", tariff.currency());
        }
        return list;
    }
}

package io.github.camelbillmgr.internal.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.model.BillmgrAddon;
import io.github.camelbillmgr.model.BillmgrChoice;
import io.github.camelbillmgr.model.BillmgrPrice;
import io.github.camelbillmgr.model.BillmgrTariff;

/**
 * Reads the catalogue: the tariffs and data centres of {@code TYPE.order.pricelist}, and the OS templates, recipes
 * and add-ons of a tariff's order form ({@code TYPE.order.param} without {@code sok}).
 */
public final class CatalogMapper {

    private CatalogMapper() {
    }

    /** The tariffs of a pricelist reply, wherever this version puts its list of them. */
    public static List<BillmgrTariff> tariffs(JsonNode doc) {
        JsonNode list = Nodes.named(doc, "list", "pricelist");
        List<JsonNode> rows = list != null ? Nodes.members(list, "elem") : Nodes.members(doc, "elem");
        if (rows.isEmpty()) {
            for (JsonNode l : Nodes.members(doc, "list")) {
                rows = Nodes.members(l, "elem");
                if (!rows.isEmpty()) {
                    break;
                }
            }
        }
        List<BillmgrTariff> tariffs = new ArrayList<>();
        for (JsonNode row : rows) {
            tariffs.add(tariff(row));
        }
        return tariffs;
    }

    private static BillmgrTariff tariff(JsonNode row) {
        Map<String, String> fields = Nodes.scalars(row);
        List<BillmgrPrice> prices = new ArrayList<>();
        JsonNode pricesNode = row.get("prices");
        List<JsonNode> priceRows
                = pricesNode != null ? Nodes.members(pricesNode, "price") : Nodes.members(row, "price");
        for (JsonNode p : priceRows) {
            Long period = ServiceMapper.parseLong(Nodes.text(p, "period"));
            Money money = Money.parse(Nodes.text(p, "cost"));
            String currency = Nodes.text(p, "currency");
            prices.add(new BillmgrPrice(period == null ? 0 : period.intValue(), money.amount(),
                    currency != null ? currency : money.currency()));
        }
        String title = fields.getOrDefault("title", fields.get("name"));
        return new BillmgrTariff(fields.get("id"), title, prices, fields);
    }

    /** The choices of a form's select list ({@code slist name="..."}): key, text and what it depends on. */
    public static List<BillmgrChoice> choices(JsonNode doc, String slist) {
        List<BillmgrChoice> out = new ArrayList<>();
        for (JsonNode v : Nodes.members(Nodes.named(doc, "slist", slist), "val")) {
            out.add(new BillmgrChoice(Nodes.attr(v, "key"), Nodes.text(v), Nodes.attr(v, "depend")));
        }
        return out;
    }

    /** The add-ons of a tariff's order form. */
    public static List<BillmgrAddon> addons(JsonNode form) {
        List<BillmgrAddon> out = new ArrayList<>();
        JsonNode list = Nodes.named(form, "list", "addon");
        if (list != null) {
            for (JsonNode e : Nodes.members(list, "elem")) {
                Map<String, String> f = Nodes.scalars(e);
                Long id = ServiceMapper.parseLong(f.get("id"));
                if (id != null) {
                    out.add(new BillmgrAddon(id.intValue(), f.get("name"), f.get("default"), f.get("min"), f.get("max"),
                            f));
                }
            }
        }
        if (out.isEmpty()) {
            // Without a description list, the form's addon_<id> fields still name the add-ons and their defaults.
            Nodes.scalars(form).forEach((k, v) -> {
                if (k.startsWith("addon_")) {
                    Long id = ServiceMapper.parseLong(k.substring(6));
                    if (id != null) {
                        out.add(new BillmgrAddon(id.intValue(), k, v, null, null, Map.of(k, v)));
                    }
                }
            });
        }
        return out;
    }
}

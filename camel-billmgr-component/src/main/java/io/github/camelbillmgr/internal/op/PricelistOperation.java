package io.github.camelbillmgr.internal.op;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import io.github.camelbillmgr.internal.reply.Money;
import io.github.camelbillmgr.internal.reply.Nodes;
import io.github.camelbillmgr.internal.reply.ServiceMapper;
import io.github.camelbillmgr.model.BillmgrAddon;
import io.github.camelbillmgr.model.BillmgrCatalog;
import io.github.camelbillmgr.model.BillmgrChoice;
import io.github.camelbillmgr.model.BillmgrPrice;
import io.github.camelbillmgr.model.BillmgrTariff;
import org.apache.camel.Message;

/**
 * {@code pricelist}: the tariffs and data centres ({@code v2.TYPE.order.pricelist}); when a tariff is named (option
 * or header), also its order form ({@code v2.TYPE.order.param} without {@code sok}): OS templates, recipes, add-ons.
 */
public final class PricelistOperation extends Operation {

    public PricelistOperation(BillmgrConfiguration config) {
        super(config);
    }

    @Override
    public String func(Message message) {
        return FuncNames.pricelist(config);
    }

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        BillmgrRequest request = new BillmgrRequest(func(message));
        addExtra(request, input);
        // all input is checked before the first call: bad input never sends anything
        String pricelist = input.pricelist(false);
        Integer period = pricelist == null ? null : input.period(false);
        JsonNode doc = Nodes.doc(client.call(request));
        List<BillmgrTariff> tariffs = new ArrayList<>();
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
        for (JsonNode row : rows) {
            tariffs.add(tariff(row));
        }
        JsonNode dcs = Nodes.named(doc, "slist", "datacenter");
        List<BillmgrChoice> datacenters = choices(dcs);

        List<BillmgrChoice> osTemplates = List.of();
        List<BillmgrChoice> recipes = List.of();
        List<BillmgrAddon> addons = List.of();
        if (pricelist != null) {
            BillmgrRequest form = new BillmgrRequest(FuncNames.order(config)).param("pricelist", pricelist);
            if (period != null) {
                form.param(FuncNames.orderPeriodParam(config), period);
            }
            JsonNode f = Nodes.doc(client.call(form));
            osTemplates = choices(Nodes.named(f, "slist", "ostempl"));
            recipes = choices(Nodes.named(f, "slist", "recipe"));
            addons = addons(f);
        }
        setOut(message, request,
                new BillmgrCatalog(config.getItemType(), tariffs, datacenters, pricelist, osTemplates, recipes,
                        addons));
    }

    private static BillmgrTariff tariff(JsonNode row) {
        Map<String, String> fields = Nodes.scalars(row);
        List<BillmgrPrice> prices = new ArrayList<>();
        JsonNode pricesNode = row.get("prices");
        List<JsonNode> priceRows
                = pricesNode != null ? Nodes.members(pricesNode, "price") : Nodes.members(row, "price");
        for (JsonNode p : priceRows) {
            Long period = ServiceMapper.parseLong(Nodes.text(p, "period"));
            String cost = Nodes.text(p, "cost");
            Money money = Money.parse(cost);
            String currency = Nodes.text(p, "currency");
            prices.add(new BillmgrPrice(period == null ? 0 : period.intValue(), money.amount(),
                    currency != null ? currency : money.currency()));
        }
        String title = fields.getOrDefault("title", fields.get("name"));
        return new BillmgrTariff(fields.get("id"), title, prices, fields);
    }

    private static List<BillmgrChoice> choices(JsonNode slist) {
        List<BillmgrChoice> out = new ArrayList<>();
        for (JsonNode v : Nodes.members(slist, "val")) {
            out.add(new BillmgrChoice(Nodes.attr(v, "key"), Nodes.text(v), Nodes.attr(v, "depend")));
        }
        return out;
    }

    private static List<BillmgrAddon> addons(JsonNode form) {
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

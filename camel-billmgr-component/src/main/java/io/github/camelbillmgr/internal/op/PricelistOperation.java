package io.github.camelbillmgr.internal.op;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOperation;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import io.github.camelbillmgr.internal.reply.CatalogMapper;
import io.github.camelbillmgr.internal.reply.Nodes;
import io.github.camelbillmgr.model.BillmgrAddon;
import io.github.camelbillmgr.model.BillmgrCatalog;
import io.github.camelbillmgr.model.BillmgrChoice;
import org.apache.camel.Message;

/**
 * {@code pricelist}: the tariffs and data centres ({@code v2.TYPE.order.pricelist}); when a tariff is named (option
 * or header), also its order form ({@code v2.TYPE.order.param} without {@code sok}): OS templates, recipes, add-ons.
 */
public final class PricelistOperation extends Operation {

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        BillmgrRequest request = new BillmgrRequest(func());
        addExtra(request, input);
        // all input is checked before the first call: bad input never sends anything
        String pricelist = input.pricelist(false);
        Integer period = pricelist == null ? null : input.period(false);
        JsonNode doc = Nodes.doc(client.call(request));

        List<BillmgrChoice> osTemplates = List.of();
        List<BillmgrChoice> recipes = List.of();
        List<BillmgrAddon> addons = List.of();
        if (pricelist != null) {
            BillmgrRequest form = new BillmgrRequest(Operations.func(BillmgrOperation.order, config))
                    .param("pricelist", pricelist);
            if (period != null) {
                form.param(Operations.orderPeriodParam(config), period);
            }
            JsonNode f = Nodes.doc(client.call(form));
            osTemplates = CatalogMapper.choices(f, "ostempl");
            recipes = CatalogMapper.choices(f, "recipe");
            addons = CatalogMapper.addons(f);
        }
        setOut(message, request.func(), new BillmgrCatalog(config.getItemType(), CatalogMapper.tariffs(doc),
                CatalogMapper.choices(doc, "datacenter"), pricelist, osTemplates, recipes, addons));
    }
}

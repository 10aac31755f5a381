package io.github.camelbillmgr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code order}: {@code v2.TYPE.order.param} (BILLmanager 6) or {@code TYPE.order.param} (BILLmanager 5, licenses)
 * with {@code sok=ok}. Never retried here: an order that may have reached BILLmanager must be checked, not repeated.
 */
public final class OrderOperation extends Operation {

    private static final Logger LOG = LoggerFactory.getLogger(OrderOperation.class);
    private static final Pattern ELID_IN_REDIRECT = Pattern.compile("[?&]?elid=([0-9]+)");

    public OrderOperation(BillmgrConfiguration config) {
        super(config);
    }

    @Override
    public String func(Message message) {
        return FuncNames.order(config);
    }

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        BillmgrRequest request = new BillmgrRequest(func(message));
        request.param("pricelist", input.pricelist(true));
        request.param("datacenter", config.getDatacenter());
        Integer period = input.period(false);
        if (period != null) {
            request.param(FuncNames.orderPeriodParam(config), period);
        }
        request.param("ostempl", config.getOstempl());
        request.param("recipe", config.getRecipe());
        request.param("domain", config.getDomain());
        request.param("autoprolong", input.autoprolong());
        addAddons(request, input);
        String remoteId = input.remoteId();
        request.param("remoteid", remoteId);
        request.param("comment", input.comment());
        if (config.isSkipBasket()) {
            request.param("skipbasket", "on");
        }
        if (FuncNames.isLicense(config.getItemType()) || config.isDragonCart()) {
            // the license and Dragon order wizards only place the order on their "finish" button
            request.param("clicked_button", "finish");
        }
        if (config.isDragonCart()) {
            // BILLmanager 6 puts an order in the Dragon cart only when it looks like the Dragon web interface.
            request.header("ISP-Client", "Web-interface");
            request.param("theme", "dragon");
            request.param("licence_agreement", "on");
        }
        addExtra(request, input);
        request.param("sok", "ok");

        ObjectNode root = client.call(request);
        JsonNode doc = Nodes.doc(root);
        Long serviceId = ServiceMapper.parseLong(firstText(doc, "id", "item.id"));
        if (serviceId == null && doc.has("doc")) {
            serviceId = ServiceMapper.parseLong(firstText(doc.get("doc"), "id", "item.id"));
        }
        String billorder = firstText(doc, "billorder", "lineitem.id");
        if (serviceId == null && billorder == null) {
            // Some versions answer only with ok and a redirect to the new item's form: func=vds.edit&elid=N.
            Matcher m = ELID_IN_REDIRECT.matcher(String.valueOf(Nodes.text(doc, "ok")));
            if (m.find()) {
                serviceId = Long.valueOf(m.group(1));
            }
        }
        if (serviceId == null && billorder == null && !doc.has("ok")) {
            // No ok, no id, no cart: BILLmanager showed its order form again, so nothing was ordered.
            throw new BillmgrApiException(request.func(), "form", null, null, Map.of(),
                    "BILLmanager answered with the order form instead of placing the order, so nothing was ordered; "
                                                                                    + "a parameter the tariff needs "
                                                                                    + "is probably missing (check "
                                                                                    + "billmgr:" + config.getItemType()
                                                                                    + "/pricelist for the form)");
        }
        if (serviceId == null && billorder == null) {
            // The order went through: failing the exchange now would invite a retry and a second order.
            LOG.warn("BILLmanager accepted the order (func '{}') but its reply names neither a new service id nor a "
                     + "cart order; find the service by its remoteid '{}'", request.func(), remoteId);
        }
        BillmgrOrderResult result
                = new BillmgrOrderResult(config.getItemType(), serviceId, serviceId == null ? billorder : null, remoteId,
                        request.func());
        setOut(message, request, result);
        if (serviceId != null) {
            message.setHeader(BillmgrConstants.SERVICE_ID, serviceId);
        } else if (billorder != null) {
            message.setHeader(BillmgrConstants.BILLORDER, billorder);
        }
        if (remoteId != null) {
            message.setHeader(BillmgrConstants.REMOTE_ID, remoteId);
        }
    }

    private static String firstText(JsonNode node, String... names) {
        for (String n : names) {
            String t = Nodes.text(node, n);
            if (t != null && !t.isBlank()) {
                return t.trim();
            }
        }
        return null;
    }
}

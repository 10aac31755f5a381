package io.github.camelbillmgr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOutcomeUnknownException;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code order}: {@code v2.TYPE.order.param} (BILLmanager 6) or {@code TYPE.order.param} (BILLmanager 5, licenses)
 * with {@code sok=ok}. Never retried here: an order that may have reached BILLmanager must be checked, not repeated.
 */
public final class OrderOperation extends Operation {

    private static final Logger LOG = LoggerFactory.getLogger(OrderOperation.class);
    /**
     * Exchange property holding the remote id of an order of this item type whose outcome is unknown; only while it
     * is set does an order look for that remote id before ordering.
     */
    static final String PENDING_PREFIX = "CamelBillmgrPendingOrder.";
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
        request.param("datacenter", input.datacenter());
        Integer period = input.period(false);
        if (period != null) {
            request.param(FuncNames.orderPeriodParam(config), period);
        }
        request.param("ostempl", input.ostempl());
        request.param("recipe", input.recipe());
        request.param("domain", input.domain());
        request.param("autoprolong", input.autoprolong());
        addAddons(request, input);
        String remoteId = remoteId(message, input);
        request.param("remoteid", remoteId);
        request.param("comment", input.comment());
        if (input.skipBasket()) {
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

        Exchange exchange = message.getExchange();
        String pending = pendingProperty();
        if (remoteId != null && exchange != null && remoteId.equals(exchange.getProperty(pending, String.class))) {
            // an earlier attempt of this exchange may have landed: find it before ordering again
            BillmgrService existing = findByRemoteId(client, remoteId);
            if (existing != null) {
                LOG.info("Order with remoteid '{}' was already placed by an earlier attempt: service {}", remoteId,
                        existing.getId());
                setOut(message, request, new BillmgrOrderResult(config.getItemType(), existing.getId(), null, remoteId,
                        request.func()));
                message.setHeader(BillmgrConstants.SERVICE_ID, existing.getId());
                message.setHeader(BillmgrConstants.RECOVERED, true);
                exchange.removeProperty(pending);
                return;
            }
        }
        ObjectNode root;
        try {
            root = client.call(request);
        } catch (BillmgrTransportException e) {
            if (remoteId == null || exchange == null) {
                throw e;
            }
            // not a BILLmanager answer: the order may or may not exist now; a redelivery looks for it first
            exchange.setProperty(pending, remoteId);
            throw e instanceof BillmgrOutcomeUnknownException ? e : new BillmgrOutcomeUnknownException(e, remoteId);
        }
        if (exchange != null) {
            // a definite answer: the next order of this exchange (a loop, a second item) is a new order
            exchange.removeProperty(pending);
        }
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
        if (remoteId != null && remoteId.equals(input.remoteId())) {
            // a generated id is in the result only: as a header it would be taken as the next order's id
            message.setHeader(BillmgrConstants.REMOTE_ID, remoteId);
        }
    }

    private String pendingProperty() {
        return PENDING_PREFIX + config.getItemType();
    }

    /**
     * The order's remote id: the header, the option, or a generated one; after an unknown outcome, the one that
     * attempt was sent with.
     */
    private String remoteId(Message message, ExchangeInput input) throws BillmgrException {
        String remoteId = input.remoteId();
        if (remoteId != null || !config.isGenerateRemoteId() || message.getExchange() == null) {
            return remoteId;
        }
        // after an unknown outcome the redelivery must look for, and send, the same id
        remoteId = message.getExchange().getProperty(pendingProperty(), String.class);
        return remoteId != null ? remoteId : "camel-" + UUID.randomUUID();
    }

    private BillmgrService findByRemoteId(BillmgrClient client, String remoteId) throws BillmgrException {
        BillmgrConfiguration lookup = config.copy();
        lookup.setStatus(null);
        lookup.setAccount(null);
        lookup.setExpiringWithinDays(null);
        lookup.setPageNumber(0);
        lookup.setFilters(Map.of("remoteid", remoteId));
        BillmgrService[] found = new BillmgrService[1];
        // BILLmanager may match filters by substring: only the exact remote id counts
        new ServiceLister(client, lookup).list(Map.of(), s -> {
            if (remoteId.equals(s.getRemoteId()) && found[0] == null) {
                found[0] = s;
            }
        });
        return found[0];
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

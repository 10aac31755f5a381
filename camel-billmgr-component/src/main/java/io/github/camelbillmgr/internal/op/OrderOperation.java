package io.github.camelbillmgr.internal.op;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrLookupBeforeOrder;
import io.github.camelbillmgr.BillmgrOutcomeUnknownException;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import io.github.camelbillmgr.internal.input.ValueRules;
import io.github.camelbillmgr.internal.reply.Nodes;
import io.github.camelbillmgr.internal.reply.ServiceMapper;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.model.BillmgrService;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code order}: {@code v2.TYPE.order.param} (BILLmanager 6) or {@code TYPE.order.param} (BILLmanager 5, licenses)
 * with {@code sok=ok}. Never retried here: an order that may have reached BILLmanager must be checked, not repeated.
 * <p>
 * Every order carries a remote id: the CamelBillmgrRemoteId header, else the remoteIdExpression, else the remoteId
 * option, else a generated one. It is recorded on the exchange before the order is sent, so that any later attempt
 * of the same exchange (a Camel redelivery) looks it up in the service list before ordering again.
 */
public final class OrderOperation extends Operation {

    private static final Logger LOG = LoggerFactory.getLogger(OrderOperation.class);
    /**
     * Exchange property holding the remote id of an order of this item type that was sent (or about to be) without a
     * settled answer yet; while it is set, an order with that remote id looks for it before ordering.
     */
    static final String PENDING_PREFIX = "CamelBillmgrPendingOrder.";
    /**
     * Exchange property holding the remote id the component itself put in the CamelBillmgrRemoteId header: an output
     * for the user, which a later order of the same exchange (a loop) must not take as its input.
     */
    static final String OUT_PREFIX = "CamelBillmgrRemoteIdOut.";
    private static final String GENERATED_PREFIX = "camel-";
    private static final Pattern ELID_IN_REDIRECT = Pattern.compile("[?&]?elid=([0-9]+)");
    /** Fields of an order's answer; anything else in a reply without them is the order form's. */
    private static final Set<String> ANSWER_FIELDS = Set.of("ok", "id", "item.id", "billorder",
            "lineitem.id", "doc", "tparams");

    /** Where an order's remote id came from: all but a generated one are business keys worth looking up. */
    enum Source {
        HEADER, EXPRESSION, OPTION, GENERATED
    }

    record RemoteId(String value, Source source) {
    }

    private volatile RemoteIdExpression remoteIdExpression;

    public OrderOperation(BillmgrConfiguration config) {
        super(config);
    }

    @Override
    public String func(Message message) {
        return FuncNames.order(config);
    }

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        message.removeHeader(BillmgrConstants.RECOVERED); // left by an earlier call of the same exchange
        Exchange exchange = message.getExchange();
        String pendingKey = PENDING_PREFIX + config.getItemType();
        String pending = exchange == null ? null : exchange.getProperty(pendingKey, String.class);

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
        RemoteId rid = remoteId(message, input, pending);
        String remoteId = rid == null ? null : rid.value();
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

        if (rid != null) {
            // out before anything is sent, so that the user can keep it whatever happens next
            message.setHeader(BillmgrConstants.REMOTE_ID, remoteId);
            if (rid.source() != Source.HEADER && exchange != null) {
                exchange.setProperty(OUT_PREFIX + config.getItemType(), remoteId);
            }
        }
        // an earlier attempt of this exchange was sent with this id and got no settled answer
        boolean redelivery = remoteId != null && remoteId.equals(pending);
        boolean businessKey = rid != null && rid.source() != Source.GENERATED;
        if (redelivery || (businessKey && config.getLookupBeforeOrder() == BillmgrLookupBeforeOrder.always)) {
            BillmgrService existing;
            try {
                existing = findByRemoteId(client, remoteId);
            } catch (BillmgrException e) {
                if (redelivery && !(e instanceof BillmgrOutcomeUnknownException)) {
                    throw unknown(e, request.func(), remoteId); // the earlier attempt is neither found nor ruled out
                }
                throw e;
            }
            if (existing != null) {
                LOG.info("Order with remoteid '{}' was already placed{}: service {}", remoteId,
                        redelivery ? " by an earlier attempt of this exchange" : "", existing.getId());
                setOut(message, request, new BillmgrOrderResult(config.getItemType(), existing.getId(), null, remoteId,
                        request.func()));
                message.setHeader(BillmgrConstants.SERVICE_ID, existing.getId());
                message.setHeader(BillmgrConstants.RECOVERED, true);
                if (exchange != null) {
                    exchange.removeProperty(pendingKey);
                }
                return;
            }
        }
        if (remoteId != null && exchange != null) {
            exchange.setProperty(pendingKey, remoteId); // before sending: a redelivery must look first
        }
        ObjectNode root;
        try {
            root = callChanging(client, request, cause -> unknown(cause, request.func(), remoteId));
        } catch (BillmgrException e) {
            if (refused(e) || (!redelivery && notSent(e))) {
                // BILLmanager refused it, or it never left (no connection): settled, nothing was ordered
                if (exchange != null) {
                    exchange.removeProperty(pendingKey);
                }
            } else if (redelivery && !(e instanceof BillmgrOutcomeUnknownException)) {
                // busy, or the login failed: the earlier attempt is neither found nor ruled out
                throw unknown(e, request.func(), remoteId);
            }
            throw e;
        }
        JsonNode doc = Nodes.doc(root);
        String idText = firstText(doc, "id", "item.id");
        if (idText == null && doc.has("doc")) {
            idText = firstText(doc.get("doc"), "id", "item.id");
        }
        if (idText != null && !ValueRules.isId(idText)) {
            String shown = idText.length() > 40 ? idText.substring(0, 40) + "..." : idText;
            throw unknownOutcome(remoteId, request, "names '" + shown + "' as the new service id, which is "
                    + "not a service id (a positive whole number)");
        }
        Long serviceId = ServiceMapper.parseLong(idText);
        String billorder = firstText(doc, "billorder", "lineitem.id");
        if (serviceId == null && billorder == null) {
            // Some versions answer only with ok and a redirect to the new item's form: func=vds.edit&elid=N.
            Matcher m = ELID_IN_REDIRECT.matcher(String.valueOf(Nodes.text(doc, "ok")));
            if (m.find()) {
                serviceId = Long.valueOf(m.group(1));
            }
        }
        if (serviceId == null && billorder == null && !doc.has("ok") && !looksLikeAForm(doc)) {
            throw unknownOutcome(remoteId, request, "says neither that the order was placed (ok, id, "
                    + "billorder) nor that it was refused (an error, or the "
                    + "order form)");
        }
        if (exchange != null) {
            // a definite answer (placed, or the form: nothing placed): the next order of this exchange (a loop, a
            // second item) is a new order; an unreadable answer above keeps it pending for the redelivery's lookup
            exchange.removeProperty(pendingKey);
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
                = new BillmgrOrderResult(config.getItemType(), serviceId, serviceId == null ? billorder : null,
                        remoteId,
                        request.func());
        setOut(message, request, result);
        if (serviceId != null) {
            message.setHeader(BillmgrConstants.SERVICE_ID, serviceId);
        } else if (billorder != null) {
            message.setHeader(BillmgrConstants.BILLORDER, billorder);
        }
    }

    private static BillmgrOutcomeUnknownException unknown(BillmgrException cause, String func, String remoteId) {
        return new BillmgrOutcomeUnknownException(cause, func, remoteId, List.of(), remoteId != null
                ? "redeliver this exchange (the component then checks for that remote id before ordering again), or "
                        + "look for the service with that remote id"
                : "it was sent without a remote id (generateRemoteId=false), so nothing can find it for sure: look "
                        + "for the new service in the service list before ordering again");
    }

    private static boolean looksLikeAForm(JsonNode doc) {
        var names = doc.fieldNames();
        while (names.hasNext()) {
            if (!ANSWER_FIELDS.contains(names.next())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A reply that came back but cannot be read as an answer to the order: nobody can tell whether the order exists,
     * so a redelivery must look for it by its remote id before ordering again.
     */
    private static BillmgrOutcomeUnknownException unknownOutcome(String remoteId, BillmgrRequest request,
                                                                 String problem) {
        BillmgrTransportException e = new BillmgrTransportException(
                "the reply of func '" + request.func() + "' " + problem, request.func(), null, 200, "OK", null, null,
                null);
        return unknown(e, request.func(), remoteId);
    }

    /**
     * The order's remote id: the header (unless it is this component's own output of an earlier order of the
     * exchange), the expression, the option, the one a pending attempt was sent with, or a new generated one.
     */
    private RemoteId remoteId(Message message, ExchangeInput input, String pending) throws BillmgrException {
        Exchange exchange = message.getExchange();
        String header = input.remoteIdHeader();
        if (header != null && exchange != null && !header.equals(pending)
                && header.equals(exchange.getProperty(OUT_PREFIX + config.getItemType(), String.class))) {
            header = null; // the id of an earlier, settled order of this exchange, not an input
        }
        if (header != null) {
            return new RemoteId(header, Source.HEADER);
        }
        if (config.getRemoteIdExpression() != null && exchange != null) {
            String where = "billmgr:" + config.getItemType() + "/" + config.getOperation();
            return new RemoteId(expression(exchange).evaluate(exchange, func(message), where), Source.EXPRESSION);
        }
        if (config.getRemoteId() != null && !config.getRemoteId().isBlank()) {
            return new RemoteId(config.getRemoteId().trim(), Source.OPTION);
        }
        if (!config.isGenerateRemoteId()) {
            return null;
        }
        // after an unknown outcome the redelivery must look for, and send, the same generated id
        boolean generatedPending = pending != null && pending.startsWith(GENERATED_PREFIX);
        return new RemoteId(generatedPending ? pending : GENERATED_PREFIX + UUID.randomUUID(), Source.GENERATED);
    }

    private RemoteIdExpression expression(Exchange exchange) {
        RemoteIdExpression e = remoteIdExpression;
        if (e == null) {
            // checked when the endpoint was created; compiled once per producer
            e = RemoteIdExpression.compile(exchange.getContext(), config.getRemoteIdExpression());
            remoteIdExpression = e;
        }
        return e;
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

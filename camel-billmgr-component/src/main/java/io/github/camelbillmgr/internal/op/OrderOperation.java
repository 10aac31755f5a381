package io.github.camelbillmgr.internal.op;

import java.util.Map;
import java.util.UUID;

import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrLookupBeforeOrder;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import io.github.camelbillmgr.internal.op.guard.ByRemoteId;
import io.github.camelbillmgr.internal.op.guard.ChangeGuard;
import io.github.camelbillmgr.internal.reply.OrderReplyMapper;
import io.github.camelbillmgr.internal.reply.OrderReplyMapper.OrderReply;
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
 * of the same exchange (a Camel redelivery) looks it up in the service list before ordering again
 * ({@link ByRemoteId}).
 */
public final class OrderOperation extends Operation {

    private static final Logger LOG = LoggerFactory.getLogger(OrderOperation.class);
    /**
     * Exchange property holding the remote id the component itself put in the CamelBillmgrRemoteId header: an output
     * for the user, which a later order of the same exchange (a loop) must not take as its input.
     */
    static final String OUT_PREFIX = "CamelBillmgrRemoteIdOut.";
    private static final String GENERATED_PREFIX = "camel-";

    /** Where an order's remote id came from: all but a generated one are business keys worth looking up. */
    enum Source {
        HEADER, EXPRESSION, OPTION, GENERATED
    }

    record RemoteId(String value, Source source) {
    }

    private volatile RemoteIdExpression remoteIdExpression;

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        message.removeHeader(BillmgrConstants.RECOVERED); // left by an earlier call of the same exchange
        String pending = ChangeGuard.left(message, ByRemoteId.PENDING_PREFIX, config.getItemType(), String.class);
        BillmgrRequest request = request(input);
        RemoteId rid = remoteId(message, input, pending);
        String remoteId = rid == null ? null : rid.value();
        request.param("remoteid", remoteId);
        request.param("comment", input.comment());
        if (input.skipBasket()) {
            request.param("skipbasket", "on");
        }
        wizard(request);
        addExtra(request, input);
        request.param("sok", "ok");

        if (rid != null) {
            // out before anything is sent, so that the user can keep it whatever happens next
            message.setHeader(BillmgrConstants.REMOTE_ID, remoteId);
            Exchange exchange = message.getExchange();
            if (rid.source() != Source.HEADER && exchange != null) {
                exchange.setProperty(OUT_PREFIX + config.getItemType(), remoteId);
            }
        }
        boolean businessKey = rid != null && rid.source() != Source.GENERATED;
        ByRemoteId byRemoteId = new ByRemoteId(config, func(), remoteId,
                businessKey && config.getLookupBeforeOrder() == BillmgrLookupBeforeOrder.always);
        var guard = new ChangeGuard<>(byRemoteId, message, config.getItemType());
        var result = guard.run(client, found -> request, OrderReplyMapper::read);
        if (!result.sent()) {
            BillmgrService existing = result.landedBefore();
            LOG.info("Order with remoteid '{}' was already placed{}: service {}", remoteId,
                    guard.redelivery() ? " by an earlier attempt of this exchange" : "", existing.getId());
            setOut(message, func(), new BillmgrOrderResult(config.getItemType(), existing.getId(), null, remoteId,
                    func()));
            message.setHeader(BillmgrConstants.SERVICE_ID, existing.getId());
            message.setHeader(BillmgrConstants.RECOVERED, true);
            return;
        }
        OrderReply reply = result.reply();
        if (reply.form()) {
            // No ok, no id, no cart: BILLmanager showed its order form again, so nothing was ordered.
            throw new BillmgrApiException(func(), "form", null, null, Map.of(),
                    "BILLmanager answered with the order form instead of placing the order, so nothing was ordered; "
                            + "a parameter the tariff needs is probably missing (check billmgr:"
                            + config.getItemType() + "/pricelist for the form)");
        }
        if (reply.unnamed()) {
            // The order went through: failing the exchange now would invite a retry and a second order.
            LOG.warn("BILLmanager accepted the order (func '{}') but its reply names neither a new service id nor a "
                    + "cart order; find the service by its remoteid '{}'", func(), remoteId);
        }
        setOut(message, func(), new BillmgrOrderResult(config.getItemType(), reply.serviceId(), reply.billorder(),
                remoteId, func()));
        if (reply.serviceId() != null) {
            message.setHeader(BillmgrConstants.SERVICE_ID, reply.serviceId());
        } else if (reply.billorder() != null) {
            message.setHeader(BillmgrConstants.BILLORDER, reply.billorder());
        }
    }

    /** The order's tariff, period and the values of its form. */
    private BillmgrRequest request(ExchangeInput input) throws BillmgrException {
        BillmgrRequest request = new BillmgrRequest(func());
        request.param("pricelist", input.pricelist(true));
        request.param("datacenter", input.datacenter());
        Integer period = input.period(false);
        if (period != null) {
            request.param(Operations.orderPeriodParam(config), period);
        }
        request.param("ostempl", input.ostempl());
        request.param("recipe", input.recipe());
        request.param("domain", input.domain());
        request.param("autoprolong", input.autoprolong());
        addAddons(request, input.addons());
        return request;
    }

    /** What the order wizards of licenses and of the Dragon cart need to place the order rather than show a step. */
    private void wizard(BillmgrRequest request) {
        if (Operations.isLicense(config.getItemType()) || config.isDragonCart()) {
            // the license and Dragon order wizards only place the order on their "finish" button
            request.param("clicked_button", "finish");
        }
        if (config.isDragonCart()) {
            // BILLmanager 6 puts an order in the Dragon cart only when it looks like the Dragon web interface.
            request.header("ISP-Client", "Web-interface");
            request.param("theme", "dragon");
            request.param("licence_agreement", "on");
        }
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
            return new RemoteId(expression(exchange).evaluate(exchange, func(), where), Source.EXPRESSION);
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
}

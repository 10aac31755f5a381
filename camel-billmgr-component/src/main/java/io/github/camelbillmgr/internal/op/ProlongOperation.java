package io.github.camelbillmgr.internal.op;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOutcomeUnknownException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import io.github.camelbillmgr.internal.reply.Nodes;
import io.github.camelbillmgr.internal.reply.ServiceDetails;
import io.github.camelbillmgr.internal.reply.ServiceMapper;
import io.github.camelbillmgr.model.BillmgrProlongResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code prolong}: {@code service.prolong} for one service, {@code groupedit} with {@code faction=service.prolong}
 * for several at once.
 * <p>
 * A renewal charges each time it runs, so a renewal paid at once is protected against a redelivery after a lost
 * reply: before it is sent, each service's expire date is read and kept on the exchange; a redelivery reads them
 * again and renews only the services whose date has not moved forward since.
 */
public final class ProlongOperation extends Operation {

    private static final Logger LOG = LoggerFactory.getLogger(ProlongOperation.class);
    /** Exchange property: the renewal of this item type whose outcome is not settled yet (a {@link Pending}). */
    static final String PENDING_PREFIX = "CamelBillmgrPendingProlong.";

    /**
     * The services of a renewal that may have been sent, their expire dates read before it was, and the services whose
     * details BILLmanager refused to show then (the renewal itself was sent anyway: it may be allowed where the details
     * are not, and otherwise fails with BILLmanager's own error for it).
     */
    record Pending(List<Long> ids, Map<Long, LocalDate> expireDates, Set<Long> unreadable) {
    }

    public ProlongOperation(BillmgrConfiguration config) {
        super(config);
    }

    @Override
    public String func(Message message) {
        return FuncNames.PROLONG;
    }

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        message.removeHeader(BillmgrConstants.RECOVERED); // left by an earlier call of the same exchange
        List<Long> ids = input.serviceIds();
        int period = input.period(true);
        Map<String, Object> extra = input.extraParams();
        Exchange exchange = message.getExchange();
        // In the cart a renewal moves no date until it is paid, so there is nothing to compare, and nothing is charged.
        boolean guarded = config.isSkipBasket() && exchange != null;
        String key = PENDING_PREFIX + config.getItemType();
        Pending pending = guarded ? exchange.getProperty(key, Pending.class) : null;
        if (pending != null && !pending.ids().equals(ids)) {
            pending = null; // a different renewal later in the same exchange
        }

        boolean redelivery = pending != null;
        List<Long> toRenew = ids;
        Map<Long, LocalDate> renewedBefore = Map.of();
        if (redelivery) {
            renewedBefore = alreadyRenewed(client, pending, period);
            toRenew = new ArrayList<>(ids);
            toRenew.removeAll(renewedBefore.keySet());
            if (toRenew.isEmpty()) {
                exchange.removeProperty(key);
                LOG.info("Renewal of service(s) {} was already made by an earlier attempt of this exchange; not sent "
                        + "again", ids);
                LocalDate date = ids.size() == 1 ? renewedBefore.get(ids.get(0)) : null;
                setResult(message, ids, period, date);
                message.setHeader(BillmgrConstants.RECOVERED, true);
                return;
            }
            if (!renewedBefore.isEmpty()) {
                LOG.info("Of the renewal of services {}, {} was already made by an earlier attempt of this exchange; "
                        + "renewing only {}", ids, renewedBefore.keySet(), toRenew);
            }
        } else if (guarded) {
            Map<Long, LocalDate> dates = new LinkedHashMap<>();
            Set<Long> unreadable = new HashSet<>();
            for (Long id : ids) {
                try {
                    dates.put(id, ServiceDetails.read(client, config, id, Map.of()).getExpireDate());
                } catch (BillmgrException e) {
                    if (!refused(e)) {
                        throw e; // nothing was sent yet
                    }
                    LOG.debug("Cannot read the expire date of service {} before renewing it: {}", id, e.getMessage());
                    unreadable.add(id);
                }
            }
            pending = new Pending(List.copyOf(ids), dates, Set.copyOf(unreadable));
        }

        List<Long> renewing = toRenew;
        BillmgrRequest request = request(renewing, period, extra);
        if (guarded) {
            exchange.setProperty(key, pending); // before sending: a redelivery must compare, whatever happens next
        }
        JsonNode doc;
        try {
            doc = Nodes.doc(callChanging(client, request, cause -> unknown(cause, request.func(), renewing, guarded)));
        } catch (BillmgrException e) {
            if (refused(e) || (!redelivery && notSent(e))) {
                if (guarded) {
                    exchange.removeProperty(key);
                }
            } else if (redelivery && !(e instanceof BillmgrOutcomeUnknownException)) {
                // busy, or the login failed: the earlier attempt's renewal is still neither seen nor ruled out
                throw unknown(e, request.func(), renewing, true);
            }
            throw e;
        }
        if (guarded) {
            exchange.removeProperty(key);
        }
        // BILLmanager nests the answer: /doc/doc/newexpiredate. Read both places.
        String date = doc.has("doc") ? Nodes.text(doc.get("doc"), "newexpiredate") : null;
        if (date == null) {
            date = Nodes.text(doc, "newexpiredate");
        }
        setResult(message, ids, period, ids.size() == 1 ? ServiceMapper.parseDate(date) : null);
        if (!renewedBefore.isEmpty()) {
            message.setHeader(BillmgrConstants.RECOVERED, true);
        }
    }

    private BillmgrRequest request(List<Long> ids, int period, Map<String, Object> extra) {
        BillmgrRequest request;
        if (ids.size() == 1) {
            request = new BillmgrRequest(FuncNames.PROLONG);
        } else {
            request = new BillmgrRequest(FuncNames.GROUPEDIT).param("faction", FuncNames.PROLONG);
        }
        request.param("elid", elid(ids));
        request.param("period", period);
        if (config.isSkipBasket()) {
            request.param("skipbasket", "on");
        }
        extra.forEach(request::params);
        request.param("sok", "ok");
        return request;
    }

    /**
     * The services of an earlier attempt whose expire date has moved forward since it was read before that attempt,
     * with their new date. Any forward move counts, not exactly the period: BILLmanager's date arithmetic (month
     * ends, daily tariffs) may differ from ours, and not charging a renewal that someone else made in between is the
     * cheaper mistake.
     */
    private Map<Long, LocalDate> alreadyRenewed(BillmgrClient client, Pending pending, int period)
            throws BillmgrException {
        Map<Long, LocalDate> renewed = new LinkedHashMap<>();
        for (Long id : pending.ids()) {
            if (pending.unreadable().contains(id)) {
                throw new BillmgrOutcomeUnknownException(
                        new BillmgrException("the expire date of service " + id + " could not be read before the "
                                + "renewal", FuncNames.PROLONG),
                        FuncNames.PROLONG, null, pending.ids(),
                        "without the expire date from before, the component cannot tell whether the earlier attempt "
                                + "renewed it: check the expire dates in BILLmanager "
                                + "before renewing again");
            }
            LocalDate before = pending.expireDates().get(id);
            LocalDate now;
            try {
                now = ServiceDetails.read(client, config, id, Map.of()).getExpireDate();
            } catch (BillmgrException e) {
                // the earlier attempt may have renewed it: without the date that question stays open
                throw unknown(e, FuncNames.PROLONG, pending.ids(), true);
            }
            if (now != null && (before == null || now.isAfter(before))) {
                if (before != null && !now.equals(before.plusMonths(period))) {
                    LOG.warn(
                            "The expire date of service {} moved from {} to {}, not by the {} month(s) renewed; taking "
                                    + "it as renewed and not charging again",
                            id, before, now, period);
                }
                renewed.put(id, now);
            }
        }
        return renewed;
    }

    private static BillmgrOutcomeUnknownException unknown(BillmgrException cause, String func, List<Long> ids,
                                                          boolean guarded) {
        return new BillmgrOutcomeUnknownException(cause, func, null, ids, guarded
                ? "redeliver this exchange (the component then compares each service's expire date with the one it "
                        + "read before the renewal and renews only those whose date has not moved), or check the expire "
                        + "dates before renewing again"
                : "the renewal may be in the cart: check the cart and the expire dates before renewing again");
    }

    private void setResult(Message message, List<Long> ids, int period, LocalDate newExpire) {
        setOut(message, new BillmgrRequest(ids.size() == 1 ? FuncNames.PROLONG : FuncNames.GROUPEDIT),
                new BillmgrProlongResult(ids, period, newExpire, !config.isSkipBasket()));
        if (newExpire != null) {
            message.setHeader(BillmgrConstants.EXPIRE_DATE, newExpire);
        }
    }
}

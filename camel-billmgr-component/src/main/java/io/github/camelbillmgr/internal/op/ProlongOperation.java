package io.github.camelbillmgr.internal.op;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import io.github.camelbillmgr.internal.op.guard.ByExpireDate;
import io.github.camelbillmgr.internal.op.guard.ChangeGuard;
import io.github.camelbillmgr.internal.reply.ProlongReplyMapper;
import io.github.camelbillmgr.model.BillmgrProlongResult;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code prolong}: {@code service.prolong} for one service, {@code groupedit} with {@code faction=service.prolong}
 * for several at once.
 * <p>
 * A renewal charges each time it runs, so a renewal paid at once is guarded against a redelivery after a lost reply
 * by the services' expire dates ({@link ByExpireDate}): a redelivery renews only the services whose date has not
 * moved forward since the first attempt.
 */
public final class ProlongOperation extends Operation {

    private static final Logger LOG = LoggerFactory.getLogger(ProlongOperation.class);

    @Override
    public void execute(BillmgrClient client, Message message, ExchangeInput input) throws BillmgrException {
        message.removeHeader(BillmgrConstants.RECOVERED); // left by an earlier call of the same exchange
        List<Long> ids = input.serviceIds();
        int period = input.period(true);
        Map<String, Object> extra = input.extraParams();
        ByExpireDate byDate = new ByExpireDate(config, Operations.PROLONG, ids, period);
        var result = new ChangeGuard<>(byDate, message, config.getItemType()).run(client, renewedBefore -> {
            if (renewedBefore != null && !renewedBefore.isEmpty()) {
                LOG.info("Of the renewal of services {}, {} was already made by an earlier attempt of this exchange; "
                        + "renewing only {}", ids, renewedBefore.keySet(), byDate.serviceIds());
            }
            return request(byDate.serviceIds(), period, extra);
        }, ProlongReplyMapper::newExpireDate);

        Map<Long, LocalDate> renewedBefore = result.landedBefore() == null ? Map.of() : result.landedBefore();
        LocalDate newExpire;
        if (result.sent()) {
            newExpire = ids.size() == 1 ? result.reply() : null;
        } else {
            LOG.info("Renewal of service(s) {} was already made by an earlier attempt of this exchange; not sent "
                    + "again", ids);
            newExpire = ids.size() == 1 ? renewedBefore.get(ids.get(0)) : null;
        }
        String func = ids.size() == 1 ? Operations.PROLONG : Operations.GROUPEDIT;
        setOut(message, func, new BillmgrProlongResult(ids, period, newExpire, !config.isSkipBasket()));
        if (newExpire != null) {
            message.setHeader(BillmgrConstants.EXPIRE_DATE, newExpire);
        }
        if (!renewedBefore.isEmpty()) {
            message.setHeader(BillmgrConstants.RECOVERED, true);
        }
    }

    private BillmgrRequest request(List<Long> ids, int period, Map<String, Object> extra) {
        BillmgrRequest request;
        if (ids.size() == 1) {
            request = new BillmgrRequest(Operations.PROLONG);
        } else {
            request = new BillmgrRequest(Operations.GROUPEDIT).param("faction", Operations.PROLONG);
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
}

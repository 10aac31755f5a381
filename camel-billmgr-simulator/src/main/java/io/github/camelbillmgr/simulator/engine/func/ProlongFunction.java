package io.github.camelbillmgr.simulator.engine.func;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.ApiFunction;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Elids;
import io.github.camelbillmgr.simulator.engine.Errors;
import io.github.camelbillmgr.simulator.engine.Forms;
import io.github.camelbillmgr.simulator.engine.Labels;
import io.github.camelbillmgr.simulator.engine.Money;
import io.github.camelbillmgr.simulator.engine.Store;
import io.github.camelbillmgr.simulator.model.SimCartItem;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * {@code service.prolong}. Without {@code sok}: the form ({@code expiredate}, {@code newexpiredate},
 * a {@code period} slist). With it: every listed service is checked first and the whole cost
 * charged at once ({@code skipbasket=on}) or put in the cart, so several elids are all or
 * nothing. The expire date moves by the period from the current expire date. Renewals are
 * paid by (and carted for) the service's owner, also when an admin asks for them.
 */
public final class ProlongFunction implements ApiFunction {

    @Override
    public Element call(CallContext ctx) {
        String rawElid = ctx.opt("elid");
        if (rawElid == null) {
            throw Errors.missedParam("elid");
        }
        List<Renewal> renewals = new ArrayList<>();
        for (String elid : Elids.parse(rawElid, ctx.settings().isElidBareCommas())) {
            SimService service = ctx.visibleService(elid, null);
            renewals.add(new Renewal(service, renewable(ctx, service)));
        }
        if (!ctx.sok()) {
            return form(ctx, rawElid, renewals);
        }
        for (Renewal renewal : renewals) {
            renewal.choosePeriod(ctx);
        }
        boolean chargeNow = ctx.params().isOn("skipbasket") || ctx.settings().getProlongWithoutSkipbasket()
                == SimSettings.ProlongWithoutSkipbasket.CHARGE_NOW;
        return chargeNow ? renewNow(ctx, renewals) : renewViaCart(ctx, renewals);
    }

    /** Ordered-but-unpaid and deleted services can't be renewed; trials never can. */
    private static Tariff renewable(CallContext ctx, SimService service) {
        if (service.status() == SimService.STATUS_DELETED || service.status() == SimService.STATUS_ORDERED) {
            throw ctx.invalid("elid", String.valueOf(service.id()));
        }
        if (service.trial()) {
            throw Errors.invalid(ctx.settings().getTrialRenewalErrorType(), "period",
                    String.valueOf(Tariff.TRIAL_PERIOD));
        }
        return ctx.catalogue().tariff(service.pricelistId())
                .orElseThrow(() -> ctx.invalid("pricelist", String.valueOf(service.pricelistId())));
    }

    private Element renewNow(CallContext ctx, List<Renewal> renewals) {
        Store store = ctx.store();
        Map<String, BigDecimal> costByOwner = new LinkedHashMap<>();
        renewals.forEach(r -> costByOwner.merge(r.service.owner(), r.cost(), BigDecimal::add));
        costByOwner.forEach(store::ensureFunds);
        costByOwner.forEach(store::charge);
        Element doc = Element.doc().marker("ok");
        for (Renewal renewal : renewals) {
            LocalDate newExpire = extend(store, renewal.service, renewal.period, ctx.user());
            if (renewals.size() == 1) {
                doc.field("newexpiredate", newExpire);
            }
        }
        return doc;
    }

    /**
     * Extends a service by {@code months} from its expire date (or today if it has none). A suspended service whose
     * expire date had passed and now lies ahead is resumed (setting {@code renewalResumesExpired}): BILLmanager
     * suspends a service for non-payment and resumes it once it is paid.
     */
    static LocalDate extend(Store store, SimService service, int months, String actor) {
        LocalDate today = store.clock().today();
        LocalDate from = service.expireDate() == null ? today : service.expireDate();
        LocalDate newExpire = from.plusMonths(months);
        SimService.Builder b = service.toBuilder().expireDate(newExpire)
                .event(store.event("prolong", actor, "Renewed for " + months + " month(s) until " + newExpire));
        boolean wasExpired = service.expireDate() == null || !service.expireDate().isAfter(today);
        if (store.settings().isRenewalResumesExpired() && service.status() == SimService.STATUS_SUSPENDED
                && wasExpired && newExpire.isAfter(today)) {
            b.status(SimService.STATUS_ACTIVE).event(store.event("resume", "system", "Resumed: the service was paid"));
        }
        store.put(b.build());
        return newExpire;
    }

    private Element renewViaCart(CallContext ctx, List<Renewal> renewals) {
        Element doc = Element.doc().marker("ok");
        SimCartItem last = null;
        for (Renewal renewal : renewals) {
            last = ctx.store().addToCart(renewal.service.owner(), ctx.dragon(), SimCartItem.Kind.PROLONG,
                    renewal.service.id(),
                    renewal.service.itemType(), renewal.period, renewal.cost(), renewal.tariff.currency(),
                    "Renewal of " + renewal.service.pricelistName() + " #" + renewal.service.id() + ", "
                            + Labels.period(renewal.period, 0));
        }
        doc.field("billorder", last.billorder());
        if (ctx.dragon()) {
            doc.field("lineitem.id", last.id());
        }
        return doc;
    }

    private Element form(CallContext ctx, String rawElid, List<Renewal> renewals) {
        Element doc = Element.doc();
        doc.field("elid", rawElid);
        Renewal first = renewals.get(0);
        List<Integer> periods = new ArrayList<>(first.tariff.paidPeriods());
        renewals.forEach(r -> periods.retainAll(r.tariff.paidPeriods()));
        Integer requested = ctx.intParam("period");
        int period = requested != null && periods.contains(requested) ? requested
                : periods.contains(first.service.period()) ? first.service.period()
                : periods.isEmpty() ? 0 : periods.get(0);
        doc.field("period", period);
        if (renewals.size() == 1 && period > 0) {
            SimService service = first.service;
            LocalDate from = service.expireDate() == null ? ctx.clock().today() : service.expireDate();
            doc.field("expiredate", from);
            doc.field("newexpiredate", from.plusMonths(period));
            doc.field("cost", Money.format(first.tariff.cost(period, service.addons())));
            doc.field("currency", first.tariff.currency());
        }
        doc.add(Forms.periodSlist("period", first.tariff, periods, first.service.addons()));
        return doc;
    }

    /** One service to renew with its tariff; the period is chosen once validation passed. */
    private static final class Renewal {
        private final SimService service;
        private final Tariff tariff;
        private int period;

        private Renewal(SimService service, Tariff tariff) {
            this.service = service;
            this.tariff = tariff;
        }

        /** {@code period} in months; absent means the service's own period. */
        private void choosePeriod(CallContext ctx) {
            String raw = ctx.opt("period");
            int months;
            try {
                months = raw == null ? service.period() : Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw ctx.invalid("period", raw);
            }
            if (!tariff.paidPeriods().contains(months)) {
                throw ctx.invalid("period", raw == null ? String.valueOf(months) : raw);
            }
            period = months;
        }

        private BigDecimal cost() {
            return tariff.cost(period, service.addons());
        }
    }
}

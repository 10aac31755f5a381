package io.github.camelbillmgr.simulator.engine.func;

import java.math.BigDecimal;
import java.util.Optional;

import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.Activation;
import io.github.camelbillmgr.simulator.engine.ApiException;
import io.github.camelbillmgr.simulator.engine.ApiFunction;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Errors;
import io.github.camelbillmgr.simulator.engine.Labels;
import io.github.camelbillmgr.simulator.engine.OrderParser;
import io.github.camelbillmgr.simulator.engine.OrderSpec;
import io.github.camelbillmgr.simulator.engine.ServiceFactory;
import io.github.camelbillmgr.simulator.engine.Store;
import io.github.camelbillmgr.simulator.model.SimCartItem;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * {@code v2.ITEMTYPE.order.param} and {@code ITEMTYPE.order.param}. Without {@code sok} (and, for
 * licenses and Dragon orders, without {@code clicked_button=finish}) it returns the order form.
 * Executed with {@code skipbasket=on} it charges and answers {@code <ok/><id/><item.id/>};
 * otherwise the service waits in status 1 in the cart and the answer carries {@code billorder}
 * (plus {@code lineitem.id} for the Dragon cart).
 */
public final class OrderFunction implements ApiFunction {

    private final String itemType;
    private final OrderForm form = new OrderForm();

    public OrderFunction(String itemType) {
        this.itemType = itemType;
    }

    @Override
    public Element call(CallContext ctx) {
        OrderParser parser = new OrderParser(ctx, itemType);
        Optional<Tariff> tariff = parser.tariff();
        if (!executes(ctx, tariff.map(Tariff::requiresFinish).orElse(false))) {
            return tariff.map(t -> form.render(ctx, parser, t)).orElseGet(() -> form.chooseTariff(ctx, itemType));
        }
        OrderSpec spec = parser.validate(tariff.orElseThrow(() -> Errors.missedParam("pricelist")));
        return ctx.params().isOn("skipbasket") ? orderNow(ctx, spec) : orderToCart(ctx, spec, newCart(ctx));
    }

    private static boolean executes(CallContext ctx, boolean requiresFinish) {
        if (!ctx.sok()) {
            return false;
        }
        boolean finished = "finish".equals(ctx.opt("clicked_button")) || newOrderApi(ctx);
        return finished || (!requiresFinish && !ctx.dragon());
    }

    /** {@code clicked_button=order&force_use_new_cart=on}: the NewOrder API, which also uses the new cart. */
    private static boolean newOrderApi(CallContext ctx) {
        return "order".equals(ctx.opt("clicked_button")) && ctx.params().isOn("force_use_new_cart");
    }

    private static boolean newCart(CallContext ctx) {
        return ctx.dragon() || newOrderApi(ctx);
    }

    private Element orderNow(CallContext ctx, OrderSpec spec) {
        Store store = ctx.store();
        try {
            store.charge(ctx.user(), spec.cost());
        } catch (ApiException e) {
            if (ctx.settings().getLowBalanceLeftover() == SimSettings.LowBalanceLeftover.CART) {
                orderToCart(ctx, spec, newCart(ctx));
            }
            throw e;
        }
        SimService.Builder b = draft(ctx, spec);
        Activation.activate(store, b, spec.period(), spec.tariff(), ctx.user());
        SimService service = new ServiceFactory(store).add(b, ctx.user());
        Activation.schedule(store, service);
        Element doc = Element.doc().marker("ok").field("id", service.id());
        if (ctx.settings().isBothIdAndItemId()) {
            doc.field("item.id", service.id());
        }
        return doc;
    }

    private Element orderToCart(CallContext ctx, OrderSpec spec, boolean dragonCart) {
        SimService service = new ServiceFactory(ctx.store()).add(draft(ctx, spec).status(SimService.STATUS_ORDERED),
                ctx.user());
        SimCartItem item = ctx.store().addToCart(ctx.user(), dragonCart, SimCartItem.Kind.ORDER, service.id(),
                itemType, spec.period(), spec.cost(), spec.tariff().currency(),
                spec.tariff().name() + ", " + Labels.period(spec.period(), spec.tariff().trialDays()));
        Element doc = Element.doc().marker("ok").field("billorder", item.billorder());
        if (dragonCart) {
            doc.field("lineitem.id", item.id());
        }
        return doc;
    }

    private SimService.Builder draft(CallContext ctx, OrderSpec spec) {
        return SimService.builder(itemType, ctx.user())
                .pricelistId(spec.tariff().id())
                .pricelistName(spec.tariff().name())
                .datacenter(spec.datacenter())
                .period(spec.period())
                .trial(spec.period() == Tariff.TRIAL_PERIOD)
                .autoprolong(spec.autoprolong())
                .remoteId(spec.remoteId())
                .domain(spec.domain())
                .ip(spec.ip())
                .ostempl(spec.ostempl())
                .recipe(spec.recipe())
                .comment(spec.comment())
                .licname(spec.licname())
                .addons(spec.addons())
                .cost(spec.period() == Tariff.TRIAL_PERIOD ? BigDecimal.ZERO : spec.cost())
                .currency(spec.tariff().currency());
    }
}

package io.github.camelbillmgr.simulator.engine.func;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.Activation;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Errors;
import io.github.camelbillmgr.simulator.engine.Money;
import io.github.camelbillmgr.simulator.engine.Store;
import io.github.camelbillmgr.simulator.model.SimCart;
import io.github.camelbillmgr.simulator.model.SimCartItem;
import io.github.camelbillmgr.simulator.model.SimService;

/**
 * The cart. {@code func=basket} lists it; {@code func=basket&sok=ok} pays the whole cart from
 * the balance (all or nothing, {@code not_enough_money} if short); {@code basket.delete&elid=}
 * drops a line (an ordered service is then deleted). A Dragon request (header plus
 * {@code theme=dragon}) addresses the Dragon cart instead of the classic one.
 */
public final class BasketFunctions {

    public Element basket(CallContext ctx) {
        Optional<SimCart> cart = ctx.store().cart(ctx.user(), ctx.dragon());
        if (ctx.sok()) {
            return pay(ctx, cart.orElseThrow(() -> Errors.missedObject("billorder", "")));
        }
        Element doc = Element.doc();
        cart.ifPresent(c -> {
            doc.field("billorder", c.billorder());
            for (SimCartItem item : c.items()) {
                doc.child("elem").field("id", item.id()).field("billorder", item.billorder())
                        .field("kind", item.kind().name().toLowerCase(Locale.ROOT))
                        .field("item", item.serviceId()).field("itemtype", item.itemType())
                        .field("period", item.period()).field("desc", item.description())
                        .field("cost", Money.format(item.amount())).field("currency", item.currency());
            }
            doc.field("total", Money.format(c.total()));
            doc.field("currency", c.items().get(0).currency());
        });
        return doc;
    }

    public Element delete(CallContext ctx) {
        String elid = ctx.opt("elid");
        if (elid == null) {
            throw Errors.missedParam("elid");
        }
        Store store = ctx.store();
        SimCart cart = store.cart(ctx.user(), ctx.dragon()).orElseThrow(() -> Errors.missedObject("elid", elid));
        SimCartItem item = cart.items().stream().filter(i -> String.valueOf(i.id()).equals(elid)).findFirst()
                .orElseThrow(() -> Errors.missedObject("elid", elid));
        store.removeCartItem(ctx.user(), ctx.dragon(), item.id());
        SimService service = store.service(item.serviceId());
        if (item.kind() == SimCartItem.Kind.ORDER && service != null) {
            store.put(service.toBuilder().status(SimService.STATUS_DELETED)
                    .event(store.event("delete", ctx.user(), "Removed from the cart")).build());
        }
        return Element.doc().marker("ok");
    }

    private Element pay(CallContext ctx, SimCart cart) {
        Store store = ctx.store();
        List<SimCartItem> payable = new ArrayList<>();
        for (SimCartItem item : cart.items()) {
            SimService service = store.service(item.serviceId());
            if (service != null && service.status() != SimService.STATUS_DELETED) {
                payable.add(item);
            }
        }
        BigDecimal total = payable.stream().map(SimCartItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        store.charge(ctx.user(), total);
        for (SimCartItem item : payable) {
            SimService service = store.service(item.serviceId());
            if (item.kind() == SimCartItem.Kind.ORDER) {
                Tariff tariff = ctx.catalogue().tariff(service.pricelistId()).orElse(null);
                SimService.Builder b = service.toBuilder();
                Activation.activate(store, b, item.period(), tariff, ctx.user());
                SimService paid = b.build();
                store.put(paid);
                Activation.schedule(store, paid);
            } else {
                ProlongFunction.extend(store, service, item.period(), ctx.user());
            }
        }
        store.closeCart(ctx.user(), ctx.dragon());
        return Element.doc().marker("ok").field("billorder", cart.billorder());
    }
}

package io.github.camelbillmgr.simulator.engine.func;

import java.math.BigDecimal;

import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Money;
import io.github.camelbillmgr.simulator.model.SimAccount;
import io.github.camelbillmgr.simulator.model.SimService;

/**
 * {@code dashboard.info}: one {@code <elem>} (public clients read {@code doc.elem[0].balance[0].$}
 * in sjson) whose {@code balance} is one string, "1000.00 EUR", with the parts beside it.
 */
public final class AccountFunctions {

    public Element dashboard(CallContext ctx) {
        SimAccount account = ctx.principal().acting();
        long services = ctx.store().services().stream()
                .filter(s -> s.owner().equals(account.user()) && s.status() != SimService.STATUS_DELETED).count();
        Element doc = Element.doc();
        doc.child("elem")
                .field("balance", Money.withCurrency(account.balance(), account.currency()))
                .field("balance_amount", Money.format(account.balance()))
                .field("currency", account.currency())
                .field("credit_limit", Money.format(account.creditLimit()))
                .field("available", Money.format(account.available().max(BigDecimal.ZERO)))
                .field("account", account.accountName())
                .field("account_id", account.id())
                .field("user", account.user())
                .field("services", services);
        return doc;
    }
}

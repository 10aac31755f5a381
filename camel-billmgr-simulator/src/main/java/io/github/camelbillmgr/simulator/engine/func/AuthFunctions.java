package io.github.camelbillmgr.simulator.engine.func;

import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.Authenticator;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Errors;
import io.github.camelbillmgr.simulator.engine.Money;
import io.github.camelbillmgr.simulator.engine.Principal;
import io.github.camelbillmgr.simulator.engine.SessionStore;
import io.github.camelbillmgr.simulator.model.SimAccount;

/** Session functions: {@code auth}, {@code keepalive}, {@code whoami}, {@code session.newkey}. */
public final class AuthFunctions {

    private final Authenticator authenticator;

    public AuthFunctions(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /**
     * {@code func=auth&username=&password=} (or {@code &key=} from {@code session.newkey}):
     * {@code <doc><auth id="SID" level="N">SID</auth></doc>}; clients read either {@code $id} or {@code $}.
     */
    public Element login(CallContext ctx) {
        String user = ctx.opt("username");
        if (user == null) {
            throw Errors.badPassword(ctx.settings());
        }
        String key = ctx.opt("key");
        SimAccount account = key != null
                ? authenticator.verifyKey(user, key)
                : authenticator.verifyPassword(user, ctx.params().get("password"));
        SessionStore.Session session = ctx.store().sessions().create(account.user(), ctx.remoteIp(),
                ctx.clock().now());
        Element doc = Element.doc();
        doc.child("auth").attr("id", session.id()).attr("level", String.valueOf(Principal.level(account)))
                .text(session.id());
        return doc;
    }

    /** The session was already refreshed by authentication; this only confirms it. */
    public Element keepalive(CallContext ctx) {
        return Element.doc().marker("ok");
    }

    public Element whoami(CallContext ctx) {
        SimAccount account = ctx.principal().acting();
        Element doc = Element.doc();
        doc.child("user")
                .attr("id", String.valueOf(account.id()))
                .attr("name", account.user())
                .attr("level", String.valueOf(Principal.level(account)))
                .attr("account", account.accountName())
                .attr("account_id", String.valueOf(account.id()))
                .attr("balance", Money.format(account.balance()))
                .attr("currency", account.currency())
                .text(account.user());
        if (!ctx.principal().authenticated().user().equals(account.user())) {
            doc.field("su", ctx.principal().authenticated().user());
        }
        return doc;
    }

    /**
     * Registers a key with which {@code func=auth&username=U&key=K} logs in as U. Admin-only, except that with
     * {@code clientMayCreateOwnSsoKey} a client may do it for its own user (the license billing's reseller).
     */
    public Element newKey(CallContext ctx) {
        String user = ctx.opt("username");
        boolean ownKey = user != null && ctx.settings().isClientMayCreateOwnSsoKey() && user.equals(ctx.user());
        if (!ctx.isAdmin() && !ownKey) {
            throw Errors.access();
        }
        if (user == null) {
            throw Errors.missedParam("username");
        }
        if (ctx.store().account(user) == null) {
            throw Errors.missedObject("username", user);
        }
        String key = ctx.opt("key");
        if (key == null) {
            throw Errors.missedParam("key");
        }
        if (key.length() < ctx.settings().getSsoMinKeyLength()) {
            throw ctx.invalid("key", key);
        }
        ctx.store().ssoKeys().issue(user, key);
        return Element.doc().marker("ok");
    }
}

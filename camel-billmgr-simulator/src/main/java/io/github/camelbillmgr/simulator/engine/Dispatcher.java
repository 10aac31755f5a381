package io.github.camelbillmgr.simulator.engine;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.func.AccountFunctions;
import io.github.camelbillmgr.simulator.engine.func.AuthFunctions;
import io.github.camelbillmgr.simulator.engine.func.BasketFunctions;
import io.github.camelbillmgr.simulator.engine.func.CatalogueFunctions;
import io.github.camelbillmgr.simulator.engine.func.ChangePricelistFunction;
import io.github.camelbillmgr.simulator.engine.func.EditFunction;
import io.github.camelbillmgr.simulator.engine.func.FilterFunction;
import io.github.camelbillmgr.simulator.engine.func.GroupEditFunction;
import io.github.camelbillmgr.simulator.engine.func.HistoryFunction;
import io.github.camelbillmgr.simulator.engine.func.LifecycleFunction;
import io.github.camelbillmgr.simulator.engine.func.ListFunction;
import io.github.camelbillmgr.simulator.engine.func.OrderFunction;
import io.github.camelbillmgr.simulator.engine.func.ProlongFunction;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * Runs one API call: authenticates, finds the function and turns failures into error documents.
 * The whole call holds the store's monitor.
 */
public final class Dispatcher {

    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    /** Functions that need no credentials. */
    private static final Set<String> PUBLIC = Set.of("auth", "pricelist.export");

    private final Store store;
    private final Authenticator authenticator;
    private final Map<String, ApiFunction> fixed = new HashMap<>();

    public Dispatcher(Store store) {
        this.store = store;
        this.authenticator = new Authenticator(store);
        AuthFunctions auth = new AuthFunctions(authenticator);
        CatalogueFunctions catalogue = new CatalogueFunctions();
        BasketFunctions basket = new BasketFunctions();
        fixed.put("auth", auth::login);
        fixed.put("keepalive", auth::keepalive);
        fixed.put("whoami", auth::whoami);
        fixed.put("session.newkey", auth::newKey);
        fixed.put("dashboard.info", new AccountFunctions()::dashboard);
        fixed.put("pricelist.export", catalogue::export);
        fixed.put("service.prolong", new ProlongFunction());
        fixed.put("service.changepricelist", new ChangePricelistFunction());
        fixed.put("service.history", new HistoryFunction());
        fixed.put("groupedit", new GroupEditFunction(this::resolve));
        fixed.put("basket", basket::basket);
        fixed.put("basket.delete", basket::delete);
    }

    public Element dispatch(ApiRequest request) {
        SimSettings settings = store.settings();
        RequestParams params = new RequestParams(request.params(), settings.getRepeatedParam());
        String func = params.opt("func");
        String lang = params.opt("lang") == null ? "en" : params.opt("lang");
        synchronized (store) {
            store.settle();
            try {
                // no func (or func=) is a missing mandatory parameter, answered after the credentials are checked
                // like any other call: a stranger learns nothing, a client gets a document it can read
                Principal principal = func != null && PUBLIC.contains(func) ? null
                        : authenticator.authenticate(params, request.remoteIp());
                if (func == null) {
                    throw Errors.missedParam("func");
                }
                ApiFunction function = resolve(func);
                if (function == null) {
                    throw Errors.unknownFunction(func);
                }
                if (principal != null && settings.getTwoFactorUsers().contains(principal.authenticated().user())) {
                    // two-factor login: nothing runs until the code is confirmed
                    return Element.doc().field("ok", "func=totp.confirm");
                }
                LOG.log(Level.DEBUG, "func={0} user={1}", func, principal == null ? "-" : principal.user());
                CallContext ctx = new CallContext(store, params, func, principal, isDragon(request, params), lang,
                        request.remoteIp());
                return nest(func, function.call(ctx));
            } catch (ApiException e) {
                LOG.log(Level.DEBUG, "func={0} failed: {1}/{2}", func, e.type(), e.object());
                return e.toDoc(lang);
            }
        }
    }

    /** The function behind a name, or null: fixed names, then the item-type patterns. */
    public ApiFunction resolve(String func) {
        ApiFunction function = fixed.get(func);
        if (function != null) {
            return function;
        }
        boolean v2 = func.startsWith("v2.");
        String name = v2 ? func.substring(3) : func;
        if (name.endsWith(".order.param")) {
            String type = name.substring(0, name.length() - ".order.param".length());
            return store.catalogue().hasItemType(type) ? new OrderFunction(type) : null;
        }
        if (name.endsWith(".order.pricelist")) {
            String type = name.substring(0, name.length() - ".order.pricelist".length());
            return store.catalogue().hasItemType(type)
                    ? ctx -> new CatalogueFunctions().orderPricelist(ctx, type) : null;
        }
        if (v2) {
            return null;
        }
        if (store.catalogue().hasItemType(name)) {
            return new ListFunction(name);
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !store.catalogue().hasItemType(name.substring(0, dot))) {
            return null;
        }
        String type = name.substring(0, dot);
        return switch (name.substring(dot + 1)) {
            case "edit" -> new EditFunction(type);
            case "suspend" -> new LifecycleFunction(type, LifecycleFunction.Action.SUSPEND);
            case "resume" -> new LifecycleFunction(type, LifecycleFunction.Action.RESUME);
            case "delete" -> new LifecycleFunction(type, LifecycleFunction.Action.DELETE);
            case "filter" -> new FilterFunction(type, false);
            case "setfilter" -> new FilterFunction(type, true);
            default -> null;
        };
    }

    /** Dragon needs both the {@code ISP-Client: Web-interface} header and {@code theme=dragon}. */
    private boolean isDragon(ApiRequest request, RequestParams params) {
        String header = request.header("isp-client");
        if (header == null && store.settings().isDragonHeaderInQuery()) {
            header = params.opt("ISP-Client");
        }
        return header != null && header.trim().equalsIgnoreCase("web-interface")
                && "dragon".equals(params.opt("theme"));
    }

    private Element nest(String func, Element doc) {
        boolean executed = doc.firstChild("ok") != null;
        Set<String> funcs = executed ? store.settings().getNestDocFuncs() : store.settings().getNestFormFuncs();
        if (!funcs.contains(func)) {
            return doc;
        }
        Element outer = Element.doc();
        Element inner = new Element("doc");
        for (Element child : doc.children()) {
            if (child.name().equals("ok")) {
                outer.add(child);
            } else {
                inner.add(child);
            }
        }
        if (!inner.children().isEmpty()) {
            outer.add(inner);
        }
        return outer;
    }
}

package io.github.camelbillmgr.simulator.engine;

import io.github.camelbillmgr.simulator.catalog.Catalogue;
import io.github.camelbillmgr.simulator.clock.SimClock;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/** One API call in progress: its parameters, caller and the state it acts on. */
public final class CallContext {

    private final Store store;
    private final RequestParams params;
    private final String func;
    private final Principal principal;
    private final boolean dragon;
    private final String lang;
    private final String remoteIp;

    public CallContext(Store store, RequestParams params, String func, Principal principal, boolean dragon,
                       String lang, String remoteIp) {
        this.store = store;
        this.params = params;
        this.func = func;
        this.principal = principal;
        this.dragon = dragon;
        this.lang = lang;
        this.remoteIp = remoteIp;
    }

    /** The same call re-targeted, e.g. {@code groupedit} running its {@code faction}. */
    public CallContext as(String otherFunc, RequestParams otherParams) {
        return new CallContext(store, otherParams, otherFunc, principal, dragon, lang, remoteIp);
    }

    public Store store() { return store; }
    public SimSettings settings() { return store.settings(); }
    public SimClock clock() { return store.clock(); }
    public Catalogue catalogue() { return store.catalogue(); }
    public RequestParams params() { return params; }
    public String func() { return func; }
    public Principal principal() { return principal; }
    public boolean dragon() { return dragon; }
    public String lang() { return lang; }
    public String remoteIp() { return remoteIp; }

    public String user() {
        return principal.user();
    }

    public boolean isAdmin() {
        return principal != null && principal.admin();
    }

    /** A non-empty {@code sok} executes; without it, calls return forms or details. */
    public boolean sok() {
        return params.has("sok");
    }

    public String opt(String name) {
        return params.opt(name);
    }

    public ApiException invalid(String field, String value) {
        return Errors.invalidValue(settings(), field, value);
    }

    /** A positive or negative integer parameter; an unparsable value is an invalid-value error. */
    public Integer intParam(String name) {
        String value = params.opt(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value);
        }
    }

    /** A service by {@code elid} value the caller may see, of the given item type (null = any). */
    public SimService visibleService(String elid, String itemType) {
        long id;
        try {
            id = Long.parseLong(elid.trim());
        } catch (NumberFormatException e) {
            throw Errors.missedObject("elid", elid);
        }
        SimService service = store.service(id);
        if (service == null || (itemType != null && !service.itemType().equals(itemType))
                || (!isAdmin() && !service.owner().equals(user()))) {
            throw Errors.missedObject("elid", elid);
        }
        return service;
    }
}

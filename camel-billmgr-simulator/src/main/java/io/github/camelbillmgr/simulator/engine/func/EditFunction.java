package io.github.camelbillmgr.simulator.engine.func;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.ApiFunction;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Errors;
import io.github.camelbillmgr.simulator.engine.Forms;
import io.github.camelbillmgr.simulator.engine.OrderParser;
import io.github.camelbillmgr.simulator.engine.ServiceFactory;
import io.github.camelbillmgr.simulator.engine.ServiceView;
import io.github.camelbillmgr.simulator.engine.Store;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings.AdminFieldPolicy;

/**
 * {@code ITEMTYPE.edit}. Without {@code sok}: the service's details. With it: applies
 * {@code addon_<id>} (the period cost is recalculated, nothing is charged), {@code autoprolong}
 * (N or {@code null}), {@code comment}, {@code licname}, {@code remoteid}, and the admin-only
 * fields. {@code ip} is a client field for licenses (they are bound to it) and admin-only for
 * servers. {@code clicked_button=newkey} issues a new {@code lickey} and returns the details.
 */
public final class EditFunction implements ApiFunction {

    private final String itemType;

    public EditFunction(String itemType) {
        this.itemType = itemType;
    }

    @Override
    public Element call(CallContext ctx) {
        String elid = ctx.opt("elid");
        if (elid == null) {
            throw Errors.missedParam("elid");
        }
        SimService service = ctx.visibleService(elid, itemType);
        boolean newKey = "newkey".equals(ctx.opt("clicked_button"));
        ServiceView view = new ServiceView(ctx.store());
        if (!ctx.sok() && !newKey) {
            return view.details(service, ctx.isAdmin());
        }
        if (service.status() == SimService.STATUS_DELETED) {
            throw ctx.invalid("elid", elid);
        }
        SimService updated = ctx.sok() ? apply(ctx, service) : service;
        if (newKey) {
            if (!ServiceFactory.isLicense(itemType)) {
                throw ctx.invalid("clicked_button", "newkey");
            }
            updated = updated.toBuilder().lickey(ServiceFactory.newLicenseKey())
                    .event(ctx.store().event("newkey", ctx.user(), "New license key issued")).build();
            ctx.store().put(updated);
            return view.details(updated, ctx.isAdmin());
        }
        return Element.doc().marker("ok");
    }

    private SimService apply(CallContext ctx, SimService service) {
        Store store = ctx.store();
        Tariff tariff = ctx.catalogue().tariff(service.pricelistId()).orElse(null);
        SimService.Builder b = service.toBuilder();
        List<String> changed = new ArrayList<>();
        if (tariff != null) {
            Map<Integer, String> addons = OrderParser.changedAddons(ctx, tariff);
            if (!addons.isEmpty()) {
                Map<Integer, String> merged = new LinkedHashMap<>(service.addons());
                merged.putAll(addons);
                b.addons(merged);
                if (!service.trial()) {
                    b.cost(tariff.cost(service.period(), merged));
                }
                addons.keySet().forEach(id -> changed.add("addon_" + id));
            }
            if (ctx.opt("autoprolong") != null) {
                b.autoprolong(OrderParser.autoprolong(ctx, tariff, service.period()));
                changed.add("autoprolong");
            }
        }
        setIfSent(ctx, "comment", b::comment, changed);
        setIfSent(ctx, "licname", b::licname, changed);
        setIfSent(ctx, "remoteid", b::remoteId, changed);
        if (ServiceFactory.isLicense(itemType)) {
            setIfSent(ctx, "ip", b::ip, changed);
        } else {
            adminField(ctx, "ip", service.ip(), b::ip, changed);
        }
        adminField(ctx, "domain", service.domain(), b::domain, changed);
        adminField(ctx, "username", service.username(), b::username, changed);
        adminField(ctx, "userpassword", service.userpassword(), b::userpassword, changed);
        adminField(ctx, "serverid", service.serverid(), b::serverid, changed);
        applyOs(ctx, service, tariff, b, changed);
        if (!changed.isEmpty()) {
            b.event(store.event("edit", ctx.user(), "Changed: " + String.join(", ", changed)));
        }
        SimService updated = b.build();
        store.put(updated);
        return updated;
    }

    private void applyOs(CallContext ctx, SimService service, Tariff tariff, SimService.Builder b,
                         List<String> changed) {
        String ostempl = permittedAdminValue(ctx, "ostempl", service.ostempl());
        String recipe = permittedAdminValue(ctx, "recipe", service.recipe());
        if (ostempl == null && recipe == null) {
            return;
        }
        String newOs = ostempl != null ? ostempl : service.ostempl();
        if (ostempl != null && (tariff == null || !tariff.osTemplates().contains(ostempl))) {
            throw ctx.invalid("ostempl", ostempl);
        }
        b.ostempl(newOs);
        if (ostempl != null) {
            changed.add("ostempl");
        }
        if (recipe != null) {
            boolean none = recipe.equals(Forms.NULL_KEY);
            b.recipe(none ? null : OrderParser.requireRecipe(ctx, tariff, recipe, newOs));
            changed.add("recipe");
        } else if (service.recipe() != null && ostempl != null) {
            // A new OS drops a recipe that depended on the old one.
            b.recipe(null);
        }
    }

    private static void setIfSent(CallContext ctx, String name, Consumer<String> setter,
                                  List<String> changed) {
        String value = ctx.params().get(name);
        if (value != null) {
            setter.accept(value.isBlank() ? null : value.trim());
            changed.add(name);
        }
    }

    private static void adminField(CallContext ctx, String name, String current,
                                   Consumer<String> setter, List<String> changed) {
        String value = permittedAdminValue(ctx, name, current);
        if (value != null) {
            setter.accept(value);
            changed.add(name);
        }
    }

    /**
     * The new value of an admin-only field, or null if unchanged, absent or ignored. A client
     * posting a form back unchanged passes; a client changing it gets {@code access} (or is
     * ignored, per setting).
     */
    private static String permittedAdminValue(CallContext ctx, String name, String current) {
        String value = ctx.opt(name);
        if (value == null || Objects.equals(value, current)) {
            return null;
        }
        if (!ctx.isAdmin()) {
            if (ctx.settings().getClientAdminFields() == AdminFieldPolicy.ACCESS) {
                throw Errors.access();
            }
            return null;
        }
        return value;
    }
}

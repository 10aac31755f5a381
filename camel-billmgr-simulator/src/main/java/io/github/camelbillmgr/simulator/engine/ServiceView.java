package io.github.camelbillmgr.simulator.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelbillmgr.simulator.catalog.Catalogue;
import io.github.camelbillmgr.simulator.catalog.Datacenter;
import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.model.SimAccount;
import io.github.camelbillmgr.simulator.model.SimService;

/**
 * How a service looks on the wire, in lists and in {@code ITEMTYPE.edit} details alike:
 * {@code pricelist} and {@code datacenter} are names with the ids beside them, {@code cost} is
 * "5.00 EUR", and empty values (autoprolong off, no remoteid, ...) are left out entirely.
 */
public final class ServiceView {

    private final Store store;

    public ServiceView(Store store) {
        this.store = store;
    }

    /** A list row; {@code account} only for admins. */
    public Map<String, String> row(SimService service, boolean admin) {
        Catalogue catalogue = store.catalogue();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", String.valueOf(service.id()));
        row.put("name", displayName(service));
        row.put("domain", service.domain());
        row.put("ip", service.ip());
        row.put("pricelist", service.pricelistName());
        row.put("pricelist_id", String.valueOf(service.pricelistId()));
        if (service.datacenter() != null) {
            String datacenterName = catalogue.datacenter(service.datacenter()).map(Datacenter::name).orElse(null);
            row.put("datacenter", datacenterName);
            row.put("datacentername", datacenterName);
            row.put("datacenter_id", String.valueOf(service.datacenter()));
        }
        row.put("period", String.valueOf(service.period()));
        String openDate = service.openDate() == null ? null : service.openDate().toString();
        row.put("createdate", openDate);
        row.put("opendate", openDate);
        row.put("expiredate", service.expireDate() == null ? null : service.expireDate().toString());
        row.put("autoprolong", service.autoprolong() == null ? null : String.valueOf(service.autoprolong()));
        row.put("status", String.valueOf(service.status()));
        row.put("item_status", service.statusName());
        row.put("cost", Money.withCurrency(service.cost(), service.currency()));
        row.put("remoteid", service.remoteId());
        row.put("comment", service.comment());
        row.put("licname", service.licname());
        if (admin) {
            SimAccount owner = store.account(service.owner());
            row.put("account", owner == null ? service.owner() : owner.accountName());
            row.put("account_id", owner == null ? null : String.valueOf(owner.id()));
        }
        return row;
    }

    /**
     * The list's {@code name} column: what the service is called in the panel, the license name for a license that
     * has one, else its domain, else the tariff's name.
     */
    static String displayName(SimService service) {
        if (ServiceFactory.isLicense(service.itemType()) && service.licname() != null) {
            return service.licname();
        }
        return service.domain() != null ? service.domain() : service.pricelistName();
    }

    /** The {@code ITEMTYPE.edit} details: the row's fields plus edit-only fields and choices. */
    public Element details(SimService service, boolean admin) {
        Element doc = Element.doc();
        doc.field("elid", service.id());
        row(service, admin).forEach(doc::field);
        doc.field("itemtype", service.itemType());
        doc.field("ostempl", service.ostempl());
        doc.field("recipe", service.recipe());
        service.addons().forEach((id, value) -> doc.field("addon_" + id, value));
        doc.field("lickey", service.lickey());
        if (admin) {
            doc.field("username", service.username());
            doc.field("userpassword", service.userpassword());
            doc.field("serverid", service.serverid());
        }
        Tariff tariff = store.catalogue().tariff(service.pricelistId()).orElse(null);
        if (tariff != null) {
            doc.add(Forms.autoprolongSlist(tariff));
            if (!tariff.addons().isEmpty()) {
                doc.add(Forms.addonList(tariff));
            }
        }
        return doc;
    }
}

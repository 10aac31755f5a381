package io.github.camelbillmgr.model;

import java.util.List;

/**
 * What can be ordered for an item type: tariffs and data centres, and, when a tariff was named, its order form's OS
 * templates, recipes and add-ons.
 */
public record BillmgrCatalog(String itemType, List<BillmgrTariff> tariffs, List<BillmgrChoice> datacenters,
                             String pricelist, List<BillmgrChoice> osTemplates, List<BillmgrChoice> recipes,
                             List<BillmgrAddon> addons) {
}

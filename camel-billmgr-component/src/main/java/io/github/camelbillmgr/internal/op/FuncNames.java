package io.github.camelbillmgr.internal.op;

import java.util.Set;

import io.github.camelbillmgr.BillmgrConfiguration;

/** Which BILLmanager function and period parameter each operation uses, per API version and item type. */
public final class FuncNames {

    /** License types are ordered through the classic {@code TYPE.order.param} wizard, even on BILLmanager 6. */
    static final Set<String> LICENSE_TYPES = Set.of("platform", "soft");

    private FuncNames() {
    }

    static boolean isLicense(String itemType) {
        return LICENSE_TYPES.contains(itemType);
    }

    private static boolean classic(BillmgrConfiguration c) {
        return c.getApiVersion() == 5 || isLicense(c.getItemType());
    }

    public static String order(BillmgrConfiguration c) {
        return classic(c) ? c.getItemType() + ".order.param" : "v2." + c.getItemType() + ".order.param";
    }

    /** The parameter that carries the period of an order: BILLmanager 6 renamed it. */
    public static String orderPeriodParam(BillmgrConfiguration c) {
        return classic(c) ? "period" : "order_period";
    }

    public static String pricelist(BillmgrConfiguration c) {
        return classic(c) ? c.getItemType() + ".order.pricelist" : "v2." + c.getItemType() + ".order.pricelist";
    }

    public static String edit(BillmgrConfiguration c) {
        return c.getItemType() + ".edit";
    }

    public static String list(BillmgrConfiguration c) {
        return c.getItemType();
    }

    public static String action(BillmgrConfiguration c, String action) {
        return c.getItemType() + "." + action;
    }

    public static final String PROLONG = "service.prolong";
    public static final String GROUPEDIT = "groupedit";
}

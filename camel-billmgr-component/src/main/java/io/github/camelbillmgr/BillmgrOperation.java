package io.github.camelbillmgr;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The operations of {@code billmgr:itemType/operation}. {@code billmgr:func/<name>} calls any other func and is not
 * listed here.
 */
public enum BillmgrOperation {
    /** Order a new service ({@code v2.TYPE.order.param}, licenses {@code TYPE.order.param}). */
    order,
    /** Renew one or several services ({@code service.prolong}, several through {@code groupedit}). */
    prolong,
    /** Change a service: add-ons, auto-renewal, comment, admin fields ({@code TYPE.edit} with {@code sok=ok}). */
    edit,
    /** Read one service's details ({@code TYPE.edit} without {@code sok}). */
    get,
    /** List services ({@code TYPE}), following every page. */
    list,
    /** Suspend services ({@code TYPE.suspend}). */
    suspend,
    /** Resume suspended services ({@code TYPE.resume}). */
    resume,
    /** Delete services ({@code TYPE.delete}). */
    delete,
    /** Read the tariffs, data centres, and a tariff's OS templates, recipes and add-ons. */
    pricelist;

    /** The operation names, comma separated, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * @return the operation, or null when the name is not one
     */
    public static BillmgrOperation find(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (BillmgrOperation op : values()) {
            if (op.name().equals(n)) {
                return op;
            }
        }
        return null;
    }
}

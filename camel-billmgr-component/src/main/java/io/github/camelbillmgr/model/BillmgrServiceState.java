package io.github.camelbillmgr.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the polling consumer remembers of a service between polls, to tell what changed: status, expire date,
 * auto-renewal and cost.
 */
public record BillmgrServiceState(BillmgrServiceStatus status, LocalDate expireDate, Integer autoprolong,
                                  BigDecimal cost) {

    public static BillmgrServiceState of(BillmgrService s) {
        return new BillmgrServiceState(s.getStatus(), s.getExpireDate(), s.getAutoprolong(), s.getCost());
    }

    /** One line of text, for repositories that store text: {@code status|expireDate|autoprolong|cost}. */
    public String toText() {
        return (status == null ? "" : status.name()) + "|" + (expireDate == null ? "" : expireDate) + "|"
                + (autoprolong == null ? "" : autoprolong) + "|" + (cost == null ? "" : cost.toPlainString());
    }

    /** Reads {@link #toText()}; fields that cannot be read are null. */
    public static BillmgrServiceState fromText(String text) {
        String[] f = (text + "|||").split("\\|", -1);
        BillmgrServiceStatus status = null;
        try {
            status = f[0].isEmpty() ? null : BillmgrServiceStatus.valueOf(f[0]);
        } catch (IllegalArgumentException e) {
            status = BillmgrServiceStatus.UNKNOWN;
        }
        LocalDate expire = f[1].isEmpty() ? null : LocalDate.parse(f[1]);
        Integer autoprolong = f[2].isEmpty() ? null : Integer.valueOf(f[2]);
        BigDecimal cost = f[3].isEmpty() ? null : new BigDecimal(f[3]);
        return new BillmgrServiceState(status, expire, autoprolong, cost);
    }
}

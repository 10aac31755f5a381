package io.github.camelbillmgr.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import io.github.camelbillmgr.internal.reply.ColumnMap;

/**
 * One BILLmanager service (a VPS, a dedicated server, a license, ...), as a row of a list or the details of
 * {@code get}. The common columns are typed; every column BILLmanager sent, typed or not, stays in
 * {@link #getColumns()} under its BILLmanager name.
 */
public final class BillmgrService {

    /** Stands for a null id or date in the primitive fields below. */
    private static final long NONE = Long.MIN_VALUE;

    /*
     * A list of services keeps one of these per service: the id and the date are kept as primitives, the columns in a
     * compact map, so that a list of a few hundred thousand services fits in a small heap.
     */
    private final String itemType;
    private final long id;
    private final BillmgrServiceStatus status;
    private final long expireEpochDay;
    private final Integer autoprolong;
    private final String remoteId;
    private final BigDecimal cost;
    private final String currency;
    private final Map<String, String> columns;

    public BillmgrService(String itemType, Long id, BillmgrServiceStatus status, LocalDate expireDate,
                          Integer autoprolong, String remoteId, BigDecimal cost, String currency,
                          Map<String, String> columns) {
        this.itemType = itemType;
        this.id = id == null ? NONE : id;
        this.status = status;
        this.expireEpochDay = expireDate == null ? NONE : expireDate.toEpochDay();
        this.autoprolong = autoprolong;
        this.remoteId = remoteId;
        this.cost = cost;
        this.currency = currency;
        this.columns = ColumnMap.copyOf(columns);
    }

    /** The item type the service was read as, e.g. {@code vds}. */
    public String getItemType() {
        return itemType;
    }

    /** The service id ({@code elid} in BILLmanager calls). */
    public Long getId() {
        return id == NONE ? null : id;
    }

    public BillmgrServiceStatus getStatus() {
        return status;
    }

    public LocalDate getExpireDate() {
        return expireEpochDay == NONE ? null : LocalDate.ofEpochDay(expireEpochDay);
    }

    /** Auto-renewal period in months, or null when auto-renewal is off. */
    public Integer getAutoprolong() {
        return autoprolong;
    }

    public boolean isAutoprolongEnabled() {
        return autoprolong != null;
    }

    /** The reseller-side id set when the service was ordered ({@code remoteid}), or null. */
    public String getRemoteId() {
        return remoteId;
    }

    /** The price per period, as BILLmanager shows it, or null. */
    public BigDecimal getCost() {
        return cost;
    }

    public String getCurrency() {
        return currency;
    }

    /** A column by its BILLmanager name, e.g. {@code domain}, {@code ip}, {@code pricelist}, or null. */
    public String getColumn(String name) {
        return columns.get(name);
    }

    /** Every scalar column BILLmanager sent, in document order. */
    public Map<String, String> getColumns() {
        return columns;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BillmgrService)) {
            return false;
        }
        BillmgrService that = (BillmgrService) o;
        return Objects.equals(itemType, that.itemType) && Objects.equals(columns, that.columns)
                && id == that.id;
    }

    @Override
    public int hashCode() {
        return Objects.hash(itemType, getId(), columns);
    }

    @Override
    public String toString() {
        return "BillmgrService[" + itemType + " " + getId() + ", status=" + status + ", expireDate=" + getExpireDate()
                + ", autoprolong=" + autoprolong + ", remoteId=" + remoteId + ", cost=" + cost
                + (currency == null ? "" : " " + currency) + "]";
    }
}

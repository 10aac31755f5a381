package io.github.camelbillmgr.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What a {@code prolong} did: the services renewed, the period, and the new expire date when BILLmanager reported one
 * (it does for a single service renewed at once).
 */
public final class BillmgrProlongResult {

    private final List<Long> serviceIds;
    private final int period;
    private final LocalDate newExpireDate;
    private final boolean inCart;

    public BillmgrProlongResult(List<Long> serviceIds, int period, LocalDate newExpireDate, boolean inCart) {
        this.serviceIds = List.copyOf(serviceIds);
        this.period = period;
        this.newExpireDate = newExpireDate;
        this.inCart = inCart;
    }

    public List<Long> getServiceIds() {
        return serviceIds;
    }

    /** The renewal period in months. */
    public int getPeriod() {
        return period;
    }

    /** The new expire date, or null when BILLmanager did not report one (group renewals, the cart). */
    public LocalDate getNewExpireDate() {
        return newExpireDate;
    }

    /** True when the renewal went to the cart ({@code skipBasket=false}) instead of being paid at once. */
    public boolean isInCart() {
        return inCart;
    }

    @Override
    public String toString() {
        return "BillmgrProlongResult[" + serviceIds + ", period=" + period + ", newExpireDate=" + newExpireDate
                + (inCart ? ", in cart" : "") + "]";
    }
}

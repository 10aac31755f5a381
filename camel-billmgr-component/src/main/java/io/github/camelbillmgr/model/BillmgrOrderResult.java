package io.github.camelbillmgr.model;

/**
 * What an {@code order} produced: the new service id when the order was paid at once ({@code skipBasket=true}), or
 * the cart's order id ({@code billorder}) when it went to the cart.
 */
public final class BillmgrOrderResult {

    private final String itemType;
    private final Long serviceId;
    private final String billorder;
    private final String remoteId;
    private final String func;

    public BillmgrOrderResult(String itemType, Long serviceId, String billorder, String remoteId, String func) {
        this.itemType = itemType;
        this.serviceId = serviceId;
        this.billorder = billorder;
        this.remoteId = remoteId;
        this.func = func;
    }

    public String getItemType() {
        return itemType;
    }

    /** The id of the new service, or null when the order went to the cart. */
    public Long getServiceId() {
        return serviceId;
    }

    /** The cart order id, or null when the order was paid at once. */
    public String getBillorder() {
        return billorder;
    }

    /** True when the order is waiting in the cart to be paid. */
    public boolean isInCart() {
        return serviceId == null && billorder != null;
    }

    /** The {@code remoteid} sent with the order, or null. */
    public String getRemoteId() {
        return remoteId;
    }

    /** The func that placed the order. */
    public String getFunc() {
        return func;
    }

    @Override
    public String toString() {
        return "BillmgrOrderResult[" + itemType + (serviceId != null ? " service " + serviceId : " cart " + billorder)
                + (remoteId == null ? "" : ", remoteId=" + remoteId) + "]";
    }
}

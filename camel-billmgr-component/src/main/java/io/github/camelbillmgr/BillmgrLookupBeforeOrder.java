package io.github.camelbillmgr;

/** When an {@code order} looks its remote id up in the service list before it orders. */
public enum BillmgrLookupBeforeOrder {

    /**
     * Only when an earlier attempt of the same exchange may have placed the order (its outcome was unknown or
     * BILLmanager was busy): a Camel redelivery. A new exchange orders at once.
     */
    onRedelivery,

    /**
     * Also for a new exchange whose remote id is a business key (the CamelBillmgrRemoteId header, remoteIdExpression
     * or the remoteId option, not a generated one): after a restart or a dead-letter replay, the service the first
     * exchange placed is returned instead of a second one. Costs one list call per order.
     */
    always
}

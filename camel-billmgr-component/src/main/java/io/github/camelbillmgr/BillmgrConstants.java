package io.github.camelbillmgr;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the billmgr component. Headers set on the exchange override the endpoint's options of the
 * same meaning.
 */
public final class BillmgrConstants {

    @Metadata(important = true, description = "In: the service id, or a collection (or comma separated list) of "
            + "ids, for prolong, edit, get, suspend, resume and delete. Out (order): "
            + "the id of the new service. Consumer: the service's id.",
              javaType = "Long or Collection<Long>")
    public static final String SERVICE_ID = "CamelBillmgrServiceId";

    @Metadata(label = "producer", description = "The period in months (order, prolong); -100 orders a trial. "
            + "Overrides the period option.",
              javaType = "Integer")
    public static final String PERIOD = "CamelBillmgrPeriod";

    @Metadata(label = "producer", description = "The tariff (price list) id to order. Overrides the pricelist option.",
              javaType = "String")
    public static final String PRICELIST = "CamelBillmgrPricelist";

    @Metadata(label = "producer", description = "order: the data centre id. Overrides the datacenter option.",
              javaType = "String")
    public static final String DATACENTER = "CamelBillmgrDatacenter";

    @Metadata(label = "producer", description = "order: the OS template, e.g. ISPsystem__Ubuntu-22.04-amd64. "
            + "Overrides the ostempl option.",
              javaType = "String")
    public static final String OSTEMPL = "CamelBillmgrOstempl";

    @Metadata(label = "producer", description = "order: the post-install recipe. Overrides the recipe option.",
              javaType = "String")
    public static final String RECIPE = "CamelBillmgrRecipe";

    @Metadata(label = "producer", description = "order: the domain name of the service. Overrides the domain option.",
              javaType = "String")
    public static final String DOMAIN = "CamelBillmgrDomain";

    @Metadata(label = "producer", description = "order: true pays from the balance at once (skipbasket=on), false "
            + "puts the order in the cart. Overrides the skipBasket option.",
              javaType = "Boolean")
    public static final String SKIP_BASKET = "CamelBillmgrSkipBasket";

    @Metadata(label = "producer", description = "In (order): the reseller-side unique id to send (remoteid); "
            + "overrides remoteIdExpression and the remoteId option. Out (order): "
            + "the remote id the order is sent with, set before it is sent, also "
            + "when the exchange then fails.",
              javaType = "String")
    public static final String REMOTE_ID = "CamelBillmgrRemoteId";

    @Metadata(label = "producer", description = "Add-on values for order and edit: a Map of add-on id to value "
            + "(sent as addon_ID). Merged over the addon.ID options.",
              javaType = "java.util.Map<Integer, Object>")
    public static final String ADDONS = "CamelBillmgrAddons";

    @Metadata(label = "producer", description = "Auto-renewal for order and edit: a number of months, or off/null to "
            + "switch it off. Overrides the autoprolong option.",
              javaType = "String")
    public static final String AUTOPROLONG = "CamelBillmgrAutoprolong";

    @Metadata(label = "producer", description = "A comment for order and edit. Overrides the comment option.",
              javaType = "String")
    public static final String COMMENT = "CamelBillmgrComment";

    @Metadata(label = "producer", description = "Extra raw parameters sent to BILLmanager as they are: a Map of "
            + "parameter name to value (a Collection value repeats the "
            + "parameter). Merged over the param.NAME options.",
              javaType = "java.util.Map<String, Object>")
    public static final String PARAMS = "CamelBillmgrParams";

    @Metadata(label = "producer", description = "Out: the BILLmanager func that was called, e.g. v2.vds.order.param.",
              javaType = "String")
    public static final String FUNC = "CamelBillmgrFunc";

    @Metadata(description = "Out: the item type of the endpoint, e.g. vds.", javaType = "String")
    public static final String ITEM_TYPE = "CamelBillmgrItemType";

    @Metadata(label = "producer", description = "Out (order): the cart order id (billorder) when the order went to the "
            + "cart instead of being paid at once.",
              javaType = "String")
    public static final String BILLORDER = "CamelBillmgrBillorder";

    @Metadata(label = "producer", description = "Out (prolong): the new expire date BILLmanager reported.",
              javaType = "java.time.LocalDate")
    public static final String EXPIRE_DATE = "CamelBillmgrExpireDate";

    @Metadata(important = true, label = "producer",
              description = "Out (list): the number of services that matched (p_elems), and the "
                      + "size of the returned list. With outputType=iterator: p_elems as "
                      + "reported with the first page (absent when BILLmanager reports none, "
                      + "or with expiringWithinDays).",
              javaType = "Long")
    public static final String TOTAL_COUNT = "CamelBillmgrTotalCount";

    @Metadata(label = "producer", description = "Out, with throwExceptionOnFailure=false: the BILLmanager error type "
            + "(missed, value, access, not_enough_money, ...), or transport.",
              javaType = "String")
    public static final String ERROR_TYPE = "CamelBillmgrErrorType";

    @Metadata(label = "producer", description = "Out, with throwExceptionOnFailure=false: what the error is about "
            + "(a field name, elid, badpassword, ...).",
              javaType = "String")
    public static final String ERROR_OBJECT = "CamelBillmgrErrorObject";

    @Metadata(label = "producer", description = "Out, with throwExceptionOnFailure=false: the error message.",
              javaType = "String")
    public static final String ERROR_MESSAGE = "CamelBillmgrErrorMessage";

    @Metadata(label = "producer", description = "Out, with throwExceptionOnFailure=false and a transport failure: the "
            + "HTTP status code (0 when no response was received).",
              javaType = "Integer")
    public static final String HTTP_RESPONSE_CODE = "CamelHttpResponseCode";

    @Metadata(important = true, label = "producer",
              description = "Out: true when the operation was not sent (again) because BILLmanager "
                      + "already shows it done: an order whose remote id is in the service "
                      + "list (placed by an earlier attempt, or, with "
                      + "lookupBeforeOrder=always, by an earlier exchange); a renewal whose "
                      + "expire date an earlier attempt already moved (for a group: at least "
                      + "one service); an add-on change an earlier attempt already applied.",
              javaType = "Boolean")
    public static final String RECOVERED = "CamelBillmgrRecovered";

    @Metadata(important = true, label = "producer",
              description = "Out, with throwExceptionOnFailure=false: what the call left behind, a "
                      + "BillmgrOutcome: DONE, NOT_DONE (refused, never sent, or a read that "
                      + "failed: nothing changed) or UNKNOWN (a change was sent and no answer came "
                      + "back: check before repeating).",
              javaType = "io.github.camelbillmgr.BillmgrOutcome")
    public static final String OUTCOME = "CamelBillmgrOutcome";

    @Metadata(important = true, label = "consumer",
              description = "What changed since the last poll (emit=changes): created, "
                      + "statusChanged, renewed, expireDateChanged, autoprolongChanged, "
                      + "costChanged or removed; several are comma separated.",
              javaType = "String")
    public static final String CHANGE = "CamelBillmgrChange";

    @Metadata(important = true, label = "consumer",
              description = "The service's status (a BillmgrServiceStatus) as polled.",
              javaType = "io.github.camelbillmgr.model.BillmgrServiceStatus")
    public static final String STATUS = "CamelBillmgrStatus";

    @Metadata(label = "consumer", description = "The service's status at the previous poll (emit=changes).",
              javaType = "io.github.camelbillmgr.model.BillmgrServiceStatus")
    public static final String PREVIOUS_STATUS = "CamelBillmgrPreviousStatus";

    @Metadata(label = "consumer", description = "The service's expire date at the previous poll (emit=changes).",
              javaType = "java.time.LocalDate")
    public static final String PREVIOUS_EXPIRE_DATE = "CamelBillmgrPreviousExpireDate";

    private BillmgrConstants() {
    }
}

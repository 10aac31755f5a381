package io.github.camelbillmgr.examples;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * A service's status changed in BILLmanager: what the status change workflow ({@link StatusChangeRoutes})
 * forwards, as one JSON line, e.g.
 * <pre>
 * {"itemType":"vds","serviceId":1002,"change":"statusChanged","previousStatus":"ACTIVE","status":"SUSPENDED","expireDate":"2026-12-25"}
 * </pre>
 * A service that is gone from the list (deleted: BILLmanager lists deleted services only when asked) has change
 * {@code removed} and no status.
 *
 * @param itemType       e.g. {@code vds}
 * @param serviceId      the service
 * @param change         the consumer's {@code CamelBillmgrChange} header: {@code statusChanged} (maybe with other
 *                       changes, comma separated) or {@code removed}
 * @param previousStatus the status at the previous poll ({@code CamelBillmgrPreviousStatus})
 * @param status         the status now, or null when removed
 * @param expireDate     the expire date (yyyy-MM-dd), or null
 */
public record StatusChangeEvent(String itemType, long serviceId, String change, String previousStatus, String status,
                                String expireDate) {

    /**
     * Body: a {@link BillmgrService} emitted by {@code billmgr:TYPE/list?emit=changes}; becomes its
     * {@link StatusChangeEvent}.
     */
    public static void fromExchange(Exchange exchange) {
        Message m = exchange.getMessage();
        BillmgrService s = m.getBody(BillmgrService.class);
        String change = m.getHeader(BillmgrConstants.CHANGE, String.class);
        BillmgrServiceStatus previous = m.getHeader(BillmgrConstants.PREVIOUS_STATUS, BillmgrServiceStatus.class);
        boolean removed = "removed".equals(change);
        m.setBody(new StatusChangeEvent(s.getItemType(), s.getId(), change, previous == null ? null : previous.name(),
                removed || s.getStatus() == null ? null : s.getStatus().name(),
                s.getExpireDate() == null ? null : s.getExpireDate().toString()));
    }

    /** {@code vds 1002: ACTIVE -> SUSPENDED (statusChanged)}. */
    public String describe() {
        return itemType + " " + serviceId + ": " + previousStatus + " -> "
                + (status == null ? "gone from the list" : status) + " (" + change + ")";
    }
}

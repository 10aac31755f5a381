package io.github.camelbillmgr;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A call that changes something (an order, a renewal, an edit, suspend, resume, delete, a func with {@code sok}) was
 * sent but no BILLmanager answer came back (a timeout, a reset connection, HTTP 5xx, a reply that could not be read):
 * BILLmanager may or may not have done it. The outcome is {@link BillmgrOutcome#UNKNOWN}, and the message says what
 * to do. Do not simply send it again.
 * <p>
 * A redelivery of the same exchange (Camel's {@code onException(...).maximumRedeliveries(n)}) is safe for orders,
 * renewals and paid add-on changes: before it repeats one, the component looks for a service with the order's
 * {@link #getRemoteId() remote id}, compares each renewed service's expire date with the one it read before the
 * renewal, or compares the add-on values with the requested ones, and does not repeat what already landed.
 * <p>
 * Also thrown when a redelivery of such an exchange cannot settle the question (the check itself failed, or
 * BILLmanager answered that an earlier request is still in process): the cause then says what happened this time.
 * <p>
 * It is a {@link BillmgrTransportException} (an {@code onException(BillmgrTransportException.class)} clause catches
 * it), and its HTTP details ({@link #getStatusCode()}, {@link #getResponseBody()}, ...) are those of the reply that
 * was lost. When its cause is not a lost reply (a busy answer, a check that failed, a reply that says neither done nor
 * refused), there is no such reply: the status is 0 and the other details null.
 */
public class BillmgrOutcomeUnknownException extends BillmgrTransportException {

    private static final long serialVersionUID = 1L;

    private final String remoteId;
    private final List<Long> serviceIds;

    /**
     * @param cause      what happened to the call (a transport failure, or the failure that kept a redelivery from
     *                   settling the outcome)
     * @param func       the function whose outcome is unknown
     * @param remoteId   an order's remote id, or null
     * @param serviceIds the services the call was about, or empty
     * @param whatToDo   what the user can do, e.g. "redeliver this exchange (...), or check ..."
     */
    public BillmgrOutcomeUnknownException(BillmgrException cause, String func, String remoteId, List<Long> serviceIds,
                                          String whatToDo) {
        // the HTTP details are the lost reply's; without a transport failure (a busy answer, a look-up that could
        // not tell) there is no such reply: status 0, as for any call that got no HTTP reply
        super(message(cause, func, remoteId, serviceIds, whatToDo), func, BillmgrOutcome.UNKNOWN,
                cause instanceof BillmgrTransportException t ? t.getUri() : null,
                cause instanceof BillmgrTransportException t ? t.getStatusCode() : 0,
                cause instanceof BillmgrTransportException t ? t.getHttpResponseStatus() : null,
                cause instanceof BillmgrTransportException t ? t.getHttpResponseBody() : null,
                cause instanceof BillmgrTransportException t ? t.getHttpResponseHeaders() : null, cause);
        this.remoteId = remoteId;
        this.serviceIds = serviceIds == null ? List.of() : List.copyOf(serviceIds);
    }

    private static String message(BillmgrException cause, String func, String remoteId, List<Long> serviceIds,
                                  String whatToDo) {
        StringBuilder sb = new StringBuilder("The outcome of ").append(func).append(" is unknown (")
                .append(cause.getMessage()).append(')');
        if (remoteId != null) {
            sb.append("; it was sent with remoteid '").append(remoteId).append('\'');
        }
        if (serviceIds != null && !serviceIds.isEmpty()) {
            sb.append("; service id").append(serviceIds.size() == 1 ? " " : "s ")
                    .append(serviceIds.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return sb.append(": ").append(whatToDo).toString();
    }

    /**
     * What BILLmanager answered this time when it did answer: a redelivery that met a busy BILLmanager shows its
     * error document; otherwise this exception, with the lost reply's HTTP details.
     */
    @Override
    BillmgrException answer() {
        return getCause() instanceof BillmgrApiException said ? said : this;
    }

    /** The remote id the order was sent with: look for it in the service list. Null for other operations. */
    public String getRemoteId() {
        return remoteId;
    }

    /** The services a renewal, edit, suspend, resume or delete was about; empty for orders. */
    public List<Long> getServiceIds() {
        return serviceIds;
    }
}

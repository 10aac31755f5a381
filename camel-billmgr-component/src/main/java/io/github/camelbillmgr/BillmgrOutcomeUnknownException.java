package io.github.camelbillmgr;

/**
 * An order was sent but no answer came back (a timeout, a reset connection, HTTP 5xx, a reply that could not be
 * read): BILLmanager may or may not have placed it. Do not simply order again. A redelivery of the same exchange
 * (Camel's {@code onException(...).maximumRedeliveries(n)}) is safe: the component first looks for a service with
 * the order's {@link #getRemoteId() remote id} and returns it when the first attempt did land.
 */
public class BillmgrOutcomeUnknownException extends BillmgrTransportException {

    private static final long serialVersionUID = 1L;

    private final String remoteId;

    public BillmgrOutcomeUnknownException(BillmgrTransportException cause, String remoteId) {
        super("The outcome of " + cause.getFunc() + " is unknown (" + cause.getMessage() + "); it was sent with remoteid '"
              + remoteId + "': redeliver this exchange (the component then checks for that remote id before ordering "
              + "again), or look for the service with that remote id",
              cause.getFunc(), cause.getUri(), cause.getStatusCode(), cause.getHttpResponseStatus(),
              cause.getHttpResponseBody(), cause.getHttpResponseHeaders(), cause);
        this.remoteId = remoteId;
    }

    /** The remote id the order was sent with: look for it in the service list. */
    public String getRemoteId() {
        return remoteId;
    }
}

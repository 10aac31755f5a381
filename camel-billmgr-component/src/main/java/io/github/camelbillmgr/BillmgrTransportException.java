package io.github.camelbillmgr;

import java.util.Map;

import org.apache.camel.spi.HttpResponseAware;

/**
 * The call did not produce a BILLmanager document: the HTTP status was not 2xx (a web server, proxy or WAF answered:
 * 403, 460, 502, ...), the body was not a BILLmanager document (an HTML error page with HTTP 200), or the connection
 * failed. When {@link #getStatusCode()} is 0 no response was received at all.
 * <p>
 * Thrown as such for calls that only read ({@code list}, {@code get}, {@code pricelist}, a func without {@code sok}),
 * whose outcome is {@link BillmgrOutcome#NOT_DONE}: nothing was changed, repeating is safe. A call that changes
 * something (order, prolong, edit, suspend, resume, delete, a func with {@code sok}) fails with the subclass
 * {@link BillmgrOutcomeUnknownException} instead, whose outcome is {@link BillmgrOutcome#UNKNOWN}, unless its
 * request never left: no connection of the pool became free within connectionRequestTimeout, or the connection did
 * not open; then it too is thrown as such, {@link BillmgrOutcome#NOT_DONE}.
 */
public class BillmgrTransportException extends BillmgrException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private final String uri;
    private int statusCode;
    private String statusText;
    private transient byte[] body;
    private transient Map<String, String> headers;

    /** A transport failure of a call that changed nothing: its outcome is {@link BillmgrOutcome#NOT_DONE}. */
    public BillmgrTransportException(String message, String func, String uri, int statusCode, String statusText,
                                     byte[] body, Map<String, String> headers, Throwable cause) {
        this(message, func, BillmgrOutcome.NOT_DONE, uri, statusCode, statusText, body, headers, cause);
    }

    protected BillmgrTransportException(String message, String func, BillmgrOutcome outcome, String uri,
                                        int statusCode, String statusText, byte[] body, Map<String, String> headers,
                                        Throwable cause) {
        super(message, func, outcome, cause);
        this.uri = uri;
        this.statusCode = statusCode;
        this.statusText = statusText;
        this.body = body;
        this.headers = headers;
    }

    /** The sanitized URI that was called. */
    public String getUri() {
        return uri;
    }

    /** The body as text, or null. Secrets that were sent in the request are masked. */
    public String getResponseBody() {
        return body == null ? null : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The raw body (secrets masked), or null. */
    public byte[] getHttpResponseBody() {
        return body;
    }

    /** The response headers, or null when no response was received. */
    public Map<String, String> getHttpResponseHeaders() {
        return headers;
    }

    @Override
    public int getHttpResponseCode() {
        return statusCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.statusCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return statusText;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.statusText = status;
    }

    public int getStatusCode() {
        return statusCode;
    }
}

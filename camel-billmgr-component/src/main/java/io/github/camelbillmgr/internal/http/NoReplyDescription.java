package io.github.camelbillmgr.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.DeadlineTimeoutException;

/**
 * Says in words why no reply came: which timeout expired (and its value), whether TLS refused the server, and whether
 * the request had left, which decides if BILLmanager may have run the function.
 */
public final class NoReplyDescription {

    private NoReplyDescription() {
    }

    /**
     * @param requestSent whether the request had started to go out on an open connection when the failure happened
     * @param target      the URL called (no credentials in it)
     */
    static String describe(IOException e, boolean requestSent, URI target, RequestTimeouts timeouts) {
        boolean https = "https".equalsIgnoreCase(target.getScheme());
        if (e instanceof ConnectionRequestTimeoutException) {
            return "no connection of the camel-http pool became free within " + timeouts.connectionRequest()
                    + ", so the request was not sent (the pool is camel-http's maxTotalConnections and "
                    + "connectionsPerRoute)";
        }
        if (e instanceof ConnectTimeoutException || (!requestSent && isConnectTimeout(e))) {
            // HttpClient bounds the TLS handshake by the connect timeout too
            return "the connection" + (https ? " (TCP and TLS handshake)" : "") + " did not open within "
                    + timeouts.connect() + ", so the request was not sent";
        }
        if (e instanceof SSLPeerUnverifiedException) {
            // HttpClient's host name check, after the certificate itself was trusted
            return "the TLS handshake failed, so the request was not sent: the server's certificate is not issued for "
                    + target.getHost() + " (host names are always verified: use a name of the certificate in baseUrl)";
        }
        String expiry = expiry(e);
        if (expiry != null) {
            return "the TLS handshake failed, so the request was not sent: " + expiry + " (certificates, and the "
                    + "trusted certificate or CA they end in, must be within their validity dates)";
        }
        if (e instanceof SSLException || e.getCause() instanceof SSLException) {
            return "the TLS handshake failed, so the request was not sent: the server's certificate is not trusted, or "
                    + "the two sides share no TLS version or cipher (certificates are always verified: give the trust "
                    + "store holding the server's certificate or its CA in the sslContextParameters option)";
        }
        if (e instanceof SocketTimeoutException) {
            if (requestSent) {
                return "no reply within " + timeouts.response() + " after the request was sent, so BILLmanager may "
                        + "or may not have run it";
            }
            return "the connection timed out before the request was sent";
        }
        return requestSent
                ? "the connection failed after the request was sent, so BILLmanager may or may not have run it"
                : "the connection failed before the request was sent";
    }

    /**
     * The same failure for the same cause. When the wait for a pooled connection expires, HttpClient throws a
     * ConnectionRequestTimeoutException if the waiting thread's own timer fires first, but a RequestFailedException
     * ("Request execution failed") caused by the pool's DeadlineTimeoutException if the pool notices the expired
     * deadline first, as it hands a released connection on. Under load both happen; the second is made the first here,
     * with the original as its cause, so that the message, the outcome and the cause a route checks are the same.
     */
    static IOException normalized(IOException e) {
        if (!(e instanceof ConnectionRequestTimeoutException) && e.getCause() instanceof DeadlineTimeoutException d) {
            ConnectionRequestTimeoutException same = new ConnectionRequestTimeoutException(d.getMessage());
            same.initCause(e);
            return same;
        }
        return e;
    }

    /**
     * True when the failure happened before any connection to BILLmanager was in hand, so the request cannot have
     * left: no connection of the pool became free, or none could be opened. A call that changes something then
     * ended NOT_DONE rather than UNKNOWN. Only these kinds qualify: they cannot happen once a request is on the wire.
     */
    public static boolean neverSent(Throwable failure) {
        return failure instanceof ConnectionRequestTimeoutException || failure instanceof ConnectTimeoutException
                || failure instanceof ConnectException || failure instanceof UnknownHostException
                // TLS refused the server (certificate, host name, expiry, protocol) while the connection was set
                // up: HttpClient sends a request only on a connection whose handshake and host check passed
                || failure instanceof SSLHandshakeException || failure instanceof SSLPeerUnverifiedException
                || (failure instanceof CallDeadline.ExpiredException d && !d.sent());
    }

    /** The reason a certificate of the handshake was refused for its dates, or null. */
    private static String expiry(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateExpiredException
                    || t instanceof java.security.cert.CertificateNotYetValidException) {
                return t.getMessage();
            }
            if (t instanceof java.security.cert.CertPathValidatorException v
                    && (v.getReason() == java.security.cert.CertPathValidatorException.BasicReason.EXPIRED
                            || v.getReason()
                                    == java.security.cert.CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
                return "a certificate of the server's chain is out of its validity dates: " + v.getMessage();
            }
        }
        return null;
    }

    private static boolean isConnectTimeout(IOException e) {
        String m = e.getMessage();
        return e instanceof SocketTimeoutException && m != null
                && m.toLowerCase(java.util.Locale.ROOT).contains("connect");
    }
}

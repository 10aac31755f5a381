package io.github.camelbillmgr.internal.http;

import java.time.Duration;

import io.github.camelbillmgr.BillmgrConfiguration;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The billmgr timeouts, set on every request. They live on the request rather than on camel-http's client because
 * that client is shared: whatever its component was configured with (three minutes by default), a billmgr call gives
 * up after the billmgr timeouts.
 */
public final class RequestTimeouts {

    private final long connectTimeout;
    private final long responseTimeout;
    private final long connectionRequestTimeout;
    private final long callTimeout;

    private RequestTimeouts(long connectTimeout, long responseTimeout, long connectionRequestTimeout,
                            long callTimeout) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.connectionRequestTimeout = connectionRequestTimeout;
        this.callTimeout = callTimeout;
    }

    /**
     * The timeouts of a configuration.
     *
     * @throws IllegalArgumentException when one is not positive: HttpClient reads 0 as "wait forever", which is
     *                                  exactly what these options exist to prevent
     */
    public static RequestTimeouts of(BillmgrConfiguration c) {
        positive("connectTimeout", c.getConnectTimeout());
        positive("responseTimeout", c.getResponseTimeout());
        positive("connectionRequestTimeout", c.getConnectionRequestTimeout());
        positive("callTimeout", c.getCallTimeout());
        if (c.getCallTimeout() < c.getResponseTimeout()) {
            // the call would be abandoned while a reply it allows to take that long is still on its way
            throw new IllegalArgumentException("Invalid callTimeout '" + format(c.getCallTimeout()) + "': must be at "
                    + "least responseTimeout (" + format(c.getResponseTimeout()) + "), as "
                    + "it bounds the whole call and responseTimeout only each wait for "
                    + "the reply's next bytes");
        }
        return new RequestTimeouts(c.getConnectTimeout(), c.getResponseTimeout(), c.getConnectionRequestTimeout(),
                c.getCallTimeout());
    }

    private static void positive(String option, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("Invalid " + option + " '" + millis + "': must be more than 0 "
                    + "milliseconds (e.g. 10000 or 10s); there is no wait-forever "
                    + "setting");
        }
    }

    /**
     * The client's own request settings (redirects, cookies, proxy, ...) with these timeouts instead of its own: a
     * request's RequestConfig replaces the client's default as a whole, so it must start as a copy of it.
     */
    @SuppressWarnings("deprecation") // per-request connect timeout: still honoured, and the only per-request one
    public RequestConfig applyTo(RequestConfig clientDefault) {
        RequestConfig base = clientDefault != null ? clientDefault : RequestConfig.DEFAULT;
        return RequestConfig.copy(base)
                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout))
                .setResponseTimeout(Timeout.ofMilliseconds(responseTimeout))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(connectionRequestTimeout))
                .build();
    }

    /** The whole-call deadline, in milliseconds. */
    public long callMillis() {
        return callTimeout;
    }

    public String call() {
        return "callTimeout (" + format(callTimeout) + ")";
    }

    public String connect() {
        return "connectTimeout (" + format(connectTimeout) + ")";
    }

    public String response() {
        return "responseTimeout (" + format(responseTimeout) + ")";
    }

    public String connectionRequest() {
        return "connectionRequestTimeout (" + format(connectionRequestTimeout) + ")";
    }

    /** 500ms, 10s, 1m30s: as a user would write it back into the option. */
    static String format(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long minutes = d.toMinutes();
        long seconds = d.minusMinutes(minutes).toSeconds();
        if (minutes == 0) {
            return seconds + "s";
        }
        return seconds == 0 ? minutes + "m" : minutes + "m" + seconds + "s";
    }
}

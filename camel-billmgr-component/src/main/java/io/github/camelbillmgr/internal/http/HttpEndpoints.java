package io.github.camelbillmgr.internal.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.BillmgrConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Finds the camel-http endpoint whose pooled client a billmgr endpoint sends through.
 * <p>
 * Without {@code sslContextParameters} that is the context's endpoint for the base URL, shared with every other user
 * of that URL and owned by the context. With it, the TLS settings must reach camel-http's connection manager, which
 * camel-http builds once per endpoint: so this creates an endpoint of its own per base URL and
 * {@code SSLContextParameters} instance (billmgr endpoints that share both share its pool) and stops it with the
 * billmgr component. Such an endpoint is not registered in the context, where a URI alone could not tell it from the
 * shared one.
 */
public final class HttpEndpoints {

    private final Map<Key, HttpEndpoint> owned = new HashMap<>();

    /** The started camel-http endpoint for this configuration. */
    public HttpEndpoint endpointFor(CamelContext context, BillmgrConfiguration c) throws Exception {
        String baseUrl = c.getBaseUrl();
        String component = c.getHttpComponentName();
        String scheme = baseUrl.substring(0, baseUrl.indexOf(':'));
        String componentName = component != null && !component.isBlank() ? component : scheme;
        String httpUri = componentName + baseUrl.substring(baseUrl.indexOf(':'));
        SSLContextParameters ssl = c.getSslContextParameters();
        if (ssl == null) {
            HttpEndpoint shared = context.getEndpoint(httpUri, HttpEndpoint.class);
            ServiceHelper.startService(shared);
            return shared;
        }
        synchronized (owned) {
            Key key = new Key(httpUri, ssl);
            HttpEndpoint endpoint = owned.get(key);
            if (endpoint == null) {
                HttpComponent http = context.getComponent(componentName, HttpComponent.class);
                if (http == null) {
                    throw new IllegalArgumentException("No camel-http component named '" + componentName + "'");
                }
                if (http.getClientConnectionManager() != null) {
                    // camel-http then uses that manager for every endpoint and would drop the trust store silently
                    throw new IllegalArgumentException("The camel-http component '" + componentName + "' has a shared "
                            + "clientConnectionManager, which ignores sslContextParameters: "
                            + "configure TLS on that connection manager, or name another "
                            + "HttpComponent in httpComponentName");
                }
                Map<String, Object> parameters = new HashMap<>();
                // the user's trust, plus the dates of the trust anchor, which the JDK does not check
                parameters.put("sslContextParameters", AnchorValidityTrustManager.checking(context, ssl));
                Endpoint created = http.createEndpoint(httpUri, parameters);
                endpoint = (HttpEndpoint) created;
                ServiceHelper.startService(endpoint);
                owned.put(key, endpoint);
            }
            return endpoint;
        }
    }

    /** Checks what can be checked before the endpoint starts. */
    public static void validate(BillmgrConfiguration c) {
        String baseUrl = c.getBaseUrl();
        if (c.getSslContextParameters() != null && !baseUrl.regionMatches(true, 0, "https:", 0, 6)) {
            // the client would connect in plain HTTP and never use the trust store: say so instead
            throw new IllegalArgumentException("sslContextParameters is set but baseUrl is not an https URL; use "
                    + "https://" + baseUrl.substring(baseUrl.indexOf("://") + 3));
        }
    }

    /** Stops the endpoints created here; called when the billmgr component stops. */
    public void stopAll() {
        List<HttpEndpoint> endpoints;
        synchronized (owned) {
            endpoints = new ArrayList<>(owned.values());
            owned.clear();
        }
        ServiceHelper.stopAndShutdownServices(endpoints);
    }

    /** The same URL with the same SSLContextParameters instance: equal by identity, as the parameters are mutable. */
    private record Key(String uri, SSLContextParameters ssl) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.uri.equals(uri) && k.ssl == ssl;
        }

        @Override
        public int hashCode() {
            return uri.hashCode() * 31 + System.identityHashCode(ssl);
        }
    }
}

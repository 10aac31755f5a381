package io.github.camelbillmgr;

import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.settings.SimSettings;
import io.github.camelbillmgr.simulator.tls.SimCertificate;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component verifies the server's certificate and host name: it refuses the simulator's self-signed certificate
 * until the user trusts it through SSLContextParameters, and a trusted certificate issued for another name is refused
 * too. There is no trust-all default.
 */
class TlsTest extends CamelTestSupport {

    @TempDir
    static Path dir;
    /** Serves a certificate for 127.0.0.1, the address the component connects to. */
    private static BillmgrSimulator local;
    private static SimCertificate localCert;
    /** Serves a certificate for other.example only. */
    private static BillmgrSimulator otherHost;
    private static SimCertificate otherHostCert;

    @BeforeAll
    static void startHttpsSimulators() {
        localCert = SimCertificate.generate(dir, "ip:127.0.0.1");
        otherHostCert = SimCertificate.generate(dir, "dns:other.example");
        local = new BillmgrSimulator(new SimSettings().setSslContext(localCert.serverSslContext())).start();
        otherHost = new BillmgrSimulator(new SimSettings().setSslContext(otherHostCert.serverSslContext()))
                .start();
    }

    @AfterAll
    static void stopSimulators() {
        local.stop();
        otherHost.stop();
    }

    @BeforeEach
    void resetSimulator() {
        local.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        conf.setBaseUrl(local.getBaseUrl());
        conf.setUsername(BillmgrSimulator.CLIENT_USER);
        conf.setPassword(BillmgrSimulator.CLIENT_PASSWORD);
        context.getRegistry().bind("trustLocal", trusting(localCert));
        context.getRegistry().bind("trustOtherHost", trusting(otherHostCert));
        return context;
    }

    /** What a user writes: a trust store holding the server's certificate (or its CA's). */
    private static SSLContextParameters trusting(SimCertificate cert) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + cert.trustStore());
        store.setType("PKCS12");
        store.setPassword(cert.password());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        return ssl;
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefault() {
        assertTrue(local.getBaseUrl().startsWith("https://"), local.getBaseUrl());
        BillmgrTransportException e = failure("billmgr:func/whoami");
        assertEquals(0, e.getStatusCode(), "no HTTP reply: the handshake failed");
        assertInstanceOf(SSLHandshakeException.class, e.getCause(), "the certificate was not trusted");
        assertTrue(e.getMessage().contains("the TLS handshake failed, so the request was not sent: the server's "
                + "certificate is not trusted"), e.getMessage());
        assertTrue(e.getMessage().contains("sslContextParameters"), "says what to configure: " + e.getMessage());
        assertNoSecret(e.getMessage());
        assertEquals(0, local.requests().size(), "nothing reached the server");
    }

    @Test
    void aTrustedCertificateIsAcceptedForOrdersAndCalls() {
        JsonNode whoami = call("billmgr:func/whoami?sslContextParameters=#trustLocal", JsonNode.class);
        assertNotNull(whoami);
        BillmgrOrderResult order = call("billmgr:vds/order?pricelist=6&period=1&ostempl=ISPsystem__Ubuntu-22.04-amd64"
                + "&sslContextParameters=#trustLocal", BillmgrOrderResult.class);
        assertTrue(local.state().service(order.getServiceId()).isPresent(), "the order landed");

        // the trust belongs to the endpoint that names it, not to the URL: another endpoint still refuses
        assertNotNull(failure("billmgr:func/whoami"));
    }

    @Test
    void trustConfiguredOnTheComponentAppliesToEveryEndpoint() {
        // camel.component.billmgr.sslContextParameters = #trustLocal
        context.getComponent("billmgr", BillmgrComponent.class).getConfiguration()
                .setSslContextParameters(context.getRegistry().lookupByNameAndType("trustLocal",
                        SSLContextParameters.class));
        assertNotNull(call("billmgr:func/whoami", JsonNode.class));
        assertNotNull(call("billmgr:vds/list", java.util.List.class));
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() {
        BillmgrTransportException e = failure("billmgr:func/whoami?sslContextParameters=#trustOtherHost&baseUrl="
                + otherHost.getBaseUrl());
        assertInstanceOf(SSLPeerUnverifiedException.class, e.getCause(), "the certificate was trusted, its name not");
        assertTrue(e.getMessage().contains("the TLS handshake failed, so the request was not sent: the server's "
                + "certificate is not issued for 127.0.0.1"), e.getMessage());
        assertEquals(0, otherHost.requests().size(), "nothing reached the server");
    }

    @Test
    void trustForAPlainHttpUrlIsAMistakeReportedAtStart() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("billmgr:func/whoami?sslContextParameters=#trustLocal"
                        + "&baseUrl=http://127.0.0.1:9/billmgr"));
        assertTrue(e.getMessage().contains("sslContextParameters is set but baseUrl is not an https URL"),
                e.getMessage());
    }

    private <T> T call(String uri, Class<T> type) {
        Exchange e = template.request(uri, x -> {
        });
        if (e.getException() != null) {
            throw new AssertionError("exchange failed: " + e.getException(), e.getException());
        }
        return e.getMessage().getBody(type);
    }

    private BillmgrTransportException failure(String uri) {
        Exchange e = template.request(uri, x -> {
        });
        return assertInstanceOf(BillmgrTransportException.class, e.getException());
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(BillmgrSimulator.CLIENT_PASSWORD), text);
        assertFalse(text.contains(localCert.password()), text);
    }
}

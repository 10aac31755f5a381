package io.github.camelbillmgr;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.simulator.tls.SimCertificate;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8: TLS servers the component must refuse, each a {@link HostileServer} behind its own certificate. A change
 * refused during the handshake was never sent: NOT_DONE, not UNKNOWN, so the renewal and suspend recipes may repeat it.
 * A certificate that is itself the trust anchor is refused once it has expired, like an expired leaf, with the reason.
 */
class HostileTlsTest {

    private static final String ORDER = "billmgr:vds/order?pricelist=6&period=1";

    @TempDir
    Path dir;
    private CamelContext context;
    private HostileServer server;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A key store of one self-signed certificate for 127.0.0.1, made by keytool with the given dates. */
    private Path keyStore(String password, String startDate, int validityDays) throws Exception {
        Path store = dir.resolve("tls-" + System.nanoTime() + ".p12");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity",
                String.valueOf(validityDays), "-dname", "CN=Hostile TLS server", "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", password, "-keypass", password));
        if (startDate != null) {
            command.addAll(List.of("-startdate", startDate));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: "
                + Files.readString(dir.resolve("keytool.log")));
        return store;
    }

    private static SSLContext serverContext(Path store, String password) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        return ssl;
    }

    /** Client trust of exactly the server's certificate, as a user would configure it. */
    private SSLContextParameters trusting(Path store, String password) {
        KeyStoreParameters ks = new KeyStoreParameters();
        ks.setResource("file:" + store);
        ks.setPassword(password);
        ks.setType("PKCS12");
        TrustManagersParameters tm = new TrustManagersParameters();
        tm.setKeyStore(ks);
        SSLContextParameters p = new SSLContextParameters();
        p.setTrustManagers(tm);
        return p;
    }

    private ProducerTemplate start(SSLContext serverSsl, SSLContextParameters clientTrust) throws Exception {
        server = HostileServer.start(serverSsl.getServerSocketFactory(), "https", (r, out) -> {
            HostileServer.json(out, "{\"doc\":{\"user\":{\"$\":\"tls\"}}}");
            return true;
        });
        context = new DefaultCamelContext();
        BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        conf.setBaseUrl(server.url());
        conf.setUsername("tls");
        conf.setPassword("Tls-pa55word");
        conf.setSslContextParameters(clientTrust);
        context.start();
        return context.createProducerTemplate();
    }

    private static BillmgrException refusedOrder(ProducerTemplate template) {
        Exchange ex = template.request(ORDER, e -> {
        });
        assertNotNull(ex.getException(), "the order went through");
        assertTrue(ex.getException() instanceof BillmgrException, String.valueOf(ex.getException()));
        return (BillmgrException) ex.getException();
    }

    private static void assertNotDone(BillmgrException e, String... mentions) {
        assertEquals(BillmgrTransportException.class, e.getClass(), "refused in the handshake: never sent, " + e);
        assertEquals(BillmgrOutcome.NOT_DONE, e.getOutcome(), e.getMessage());
        assertTrue(e.getMessage().contains("the request was not sent"), e.getMessage());
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), "'" + m + "' is not in: " + e.getMessage());
        }
    }

    @Test
    void anUntrustedCertificateRefusesAChangeAsNotDone() throws Exception {
        Path store = keyStore("changeit1", null, 7);
        ProducerTemplate template = start(serverContext(store, "changeit1"), null); // the JVM's trust store
        assertNotDone(refusedOrder(template), "not trusted");
        assertEquals(0, server.requests().size(), "nothing reached the server");
    }

    @Test
    void aCertificateForAnotherHostRefusesAChangeAsNotDone() throws Exception {
        SimCertificate other = SimCertificate.generate(dir, "dns:other.example");
        ProducerTemplate template = start(other.serverSslContext(), trusting(other.trustStore(), other.password()));
        assertNotDone(refusedOrder(template), "not issued for 127.0.0.1");
        assertEquals(0, server.requests().size());
    }

    @Test
    void anExpiredCertificateThatIsItselfTheTrustAnchorIsRefusedWithTheReason() throws Exception {
        // valid for one day, thirty days ago; trusted directly, as a self-signed server certificate is
        Path store = keyStore("changeit2", "-30d", 1);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit2".toCharArray());
        }
        X509Certificate cert = (X509Certificate) keys.getCertificate("server");
        assertTrue(cert.getNotAfter().getTime() < System.currentTimeMillis(), "the certificate has expired");
        ProducerTemplate template = start(serverContext(store, "changeit2"), trusting(store, "changeit2"));
        assertNotDone(refusedOrder(template), "expired on", "CN=Hostile TLS server");
        Exchange read = template.request("billmgr:func/whoami", e -> {
        });
        assertNotNull(read.getException(), "a read is refused too");
        assertEquals(0, server.requests().size(), "nothing reached the server");
    }

    @Test
    void aValidCertificateTrustedTheSameWayIsAccepted() throws Exception {
        Path store = keyStore("changeit3", "-1d", 7);
        ProducerTemplate template = start(serverContext(store, "changeit3"), trusting(store, "changeit3"));
        JsonNode doc = template.requestBody("billmgr:func/whoami", null, JsonNode.class);
        assertEquals("tls", doc.path("doc").path("user").path("$").asText());
        assertFalse(server.requests().isEmpty());
    }
}

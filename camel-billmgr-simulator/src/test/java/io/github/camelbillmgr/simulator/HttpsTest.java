package io.github.camelbillmgr.simulator;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import io.github.camelbillmgr.simulator.settings.SimSettings;
import io.github.camelbillmgr.simulator.tls.SimCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator serves HTTPS with a certificate a test makes, to clients that trust it and to no others. */
class HttpsTest {

    @TempDir
    static Path dir;
    private static SimCertificate cert;

    @BeforeAll
    static void makeCertificate() {
        cert = SimCertificate.generate(dir);
    }

    @Test
    void servesHttpsToAClientThatTrustsTheCertificate() throws Exception {
        try (BillmgrSimulator sim = new BillmgrSimulator(
                new SimSettings().setSslContext(cert.serverSslContext())).start()) {
            assertTrue(sim.getBaseUrl().startsWith("https://127.0.0.1:"), sim.getBaseUrl());

            HttpResponse<String> reply = whoami(trusting(cert.trustStore()), sim.getBaseUrl());
            assertEquals(200, reply.statusCode());
            assertTrue(reply.body().contains(BillmgrSimulator.CLIENT_USER), reply.body());

            // the JVM's default trust store does not know a self-signed certificate
            assertThrows(SSLHandshakeException.class, () -> whoami(SSLContext.getDefault(), sim.getBaseUrl()));
        }
    }

    @Test
    void certificateHoldsTheNamesAskedForAndAStoreWithoutTheKey() throws Exception {
        SimCertificate other = SimCertificate.generate(dir, "dns:other.example");
        assertEquals("[[2, other.example]]", String.valueOf(other.certificate().getSubjectAlternativeNames()));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(other.trustStore())) {
            trust.load(in, other.password().toCharArray());
        }
        assertTrue(trust.isCertificateEntry(SimCertificate.ALIAS));
        assertFalse(trust.isKeyEntry(SimCertificate.ALIAS));
        assertFalse(other.password().equals(cert.password()), "each certificate has its own random password");
    }

    @Test
    void mainServesHttpsWithAKeyStoreWhosePasswordComesFromTheEnvironment() throws Exception {
        BillmgrSimulatorMain.Options options = BillmgrSimulatorMain.Options.parse(
                new String[] { "--port", "0", "--keystore", cert.keyStore().toString() });
        try (BillmgrSimulator sim = BillmgrSimulatorMain.create(options, cert.password(), System.err).start()) {
            assertTrue(sim.getBaseUrl().startsWith("https://"), sim.getBaseUrl());
            assertEquals(200, whoami(trusting(cert.trustStore()), sim.getBaseUrl()).statusCode());
        }

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertNull(BillmgrSimulatorMain.create(options, null, errors));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(BillmgrSimulatorMain.KEYSTORE_PASSWORD_ENV));
        assertNull(BillmgrSimulatorMain.create(options, "wrong-password", errors));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read the key store"), err.toString());
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("wrong-password"), err.toString());
    }

    private static SSLContext trusting(Path trustStore) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            trust.load(in, cert.password().toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static HttpResponse<String> whoami(SSLContext trust, String baseUrl) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(5)).build();
        String body = "func=whoami&out=json&authinfo="
                + URLEncoder.encode(SimClient.CLIENT_AUTHINFO, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

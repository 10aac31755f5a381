package io.github.camelbillmgr.simulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * A self-signed certificate for serving the simulator over HTTPS in a test, made with the JDK's {@code keytool}:
 *
 * <pre>
 * SimCertificate cert = SimCertificate.generate(tempDir);          // for 127.0.0.1 and localhost
 * BillmgrSimulator sim = new BillmgrSimulator(new SimSettings().setSslContext(cert.serverSslContext())).start();
 * // sim.getBaseUrl() is https://127.0.0.1:PORT/billmgr; clients trust cert.trustStore() (PKCS12, cert.password())
 * </pre>
 *
 * Both stores are PKCS12 files in the given directory, protected by a random password made for this certificate.
 */
public final class SimCertificate {

    /** The alias of the key in {@link #keyStore()} and of the certificate in {@link #trustStore()}. */
    public static final String ALIAS = "billmgr-simulator";
    private static final String PASSWORD_ENV = "BILLMGR_SIM_STORE_PASSWORD";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private final Path keyStore;
    private final Path trustStore;
    private final String password;
    private final X509Certificate certificate;

    private SimCertificate(Path keyStore, Path trustStore, String password, X509Certificate certificate) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        this.password = password;
        this.certificate = certificate;
    }

    /** A certificate for {@code 127.0.0.1} and {@code localhost}. */
    public static SimCertificate generate(Path directory) {
        return generate(directory, "ip:127.0.0.1", "dns:localhost");
    }

    /**
     * A certificate for the given subject alternative names, in keytool's syntax ({@code ip:127.0.0.1},
     * {@code dns:billing.example.com}). A name the client does not connect to makes a certificate that a client
     * verifying host names refuses even when it trusts it.
     *
     * @throws IllegalStateException when keytool is missing (a runtime without the JDK tools) or fails
     */
    public static SimCertificate generate(Path directory, String... subjectAltNames) {
        if (subjectAltNames.length == 0) {
            throw new IllegalArgumentException("at least one subject alternative name, e.g. ip:127.0.0.1");
        }
        try {
            Files.createDirectories(directory);
            Path keyStore = Files.createTempFile(directory, "simulator-keystore-", ".p12");
            Path trustStore = Files.createTempFile(directory, "simulator-truststore-", ".p12");
            // keytool creates the store itself and refuses an existing empty file
            Files.delete(keyStore);
            String password = randomPassword();
            runKeytool(keyStore, password, String.join(",", subjectAltNames));
            KeyStore keys = load(keyStore, password);
            X509Certificate certificate = (X509Certificate) keys.getCertificate(ALIAS);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate);
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, password.toCharArray());
            }
            return new SimCertificate(keyStore, trustStore, password, certificate);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a simulator certificate in " + directory + ": " + e, e);
        }
    }

    /** The server side of a PKCS12 key store (the first key in it), e.g. for the standalone simulator. */
    public static SSLContext serverSslContext(Path keyStore, char[] password) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            // the message of a wrong password names no password
            throw new IllegalStateException("cannot read the key store " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /** What {@link SimSettings#setSslContext} takes to serve this certificate. */
    public SSLContext serverSslContext() {
        return serverSslContext(keyStore, password.toCharArray());
    }

    /** PKCS12 with the private key and the certificate: the server's. */
    public Path keyStore() {
        return keyStore;
    }

    /** PKCS12 with the certificate only: what a client trusts. */
    public Path trustStore() {
        return trustStore;
    }

    /** The password of both stores. */
    public String password() {
        return password;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    private static void runKeytool(Path keyStore, String password, String san)
            throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("no keytool at " + keytool + ": run on a JDK to make certificates");
        }
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "7",
                "-dname", "CN=BILLmanager simulator", "-ext", "SAN=" + san,
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                // the password goes through the environment, never on a command line others can read
                "-storepass:env", PASSWORD_ENV, "-keypass:env", PASSWORD_ENV));
        // output to a file, so that waiting for keytool is bounded even if it were to stall writing
        Path log = Files.createTempFile(keyStore.getParent(), "keytool-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            builder.environment().put(PASSWORD_ENV, password);
            Process process = builder.start();
            try {
                if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + "s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while keytool ran", e);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed (exit " + process.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** keytool must never wait for a password typed in: its input is empty. */
    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package io.github.camelbillmgr.internal.http;

import java.lang.reflect.Method;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * Refuses a server whose certificate chain ends in a trust anchor that has expired (or is not valid yet). The JDK's
 * PKIX validation never checks the dates of the anchor itself: a self-signed certificate put in the trust store, or a
 * CA that has run out, is trusted after its end date. The dates of every certificate the server sent, and of the
 * anchor its chain ends in, are checked after the JDK's own validation has passed.
 */
final class AnchorValidityTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;

    AnchorValidityTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    /**
     * A copy of the user's SSLContextParameters whose trust managers also check the anchor's dates. The user's object
     * is not changed: it may be shared with other components.
     */
    static SSLContextParameters checking(CamelContext context, SSLContextParameters ssl) throws Exception {
        SSLContextParameters copy = new SSLContextParameters();
        // every bean property, whatever this Camel version has: a copy that drops one would weaken TLS silently
        for (Method getter : SSLContextParameters.class.getMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() != 0 || !name.startsWith("get") || name.equals("getClass")
                    || name.equals("getTrustManagers")) {
                continue;
            }
            Method setter;
            try {
                setter = SSLContextParameters.class.getMethod("set" + name.substring(3), getter.getReturnType());
            } catch (NoSuchMethodException e) {
                continue;
            }
            setter.invoke(copy, getter.invoke(ssl));
        }
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(new AnchorValidityTrustManager(delegateOf(context, ssl.getTrustManagers())));
        copy.setTrustManagers(trust);
        return copy;
    }

    private static X509ExtendedTrustManager delegateOf(CamelContext context, TrustManagersParameters parameters)
            throws Exception {
        TrustManager[] managers;
        if (parameters == null) {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            managers = tmf.getTrustManagers();
        } else if (parameters.getTrustManager() != null) {
            managers = new TrustManager[] { parameters.getTrustManager() };
        } else {
            // as SSLContextParameters.createSSLContext does before it reads the store
            if (parameters.getCamelContext() == null) {
                parameters.setCamelContext(context);
            }
            if (parameters.getKeyStore() != null && parameters.getKeyStore().getCamelContext() == null) {
                parameters.getKeyStore().setCamelContext(context);
            }
            managers = parameters.createTrustManagers();
        }
        for (TrustManager m : managers) {
            if (m instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("the trust store of sslContextParameters gives no X.509 trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkServerTrusted(chain, authType, socket);
        checkDates(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
        checkDates(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        checkDates(chain);
    }

    private void checkDates(X509Certificate[] chain) throws CertificateException {
        Date now = new Date();
        for (X509Certificate c : chain) {
            checkDate(c, now, c == chain[chain.length - 1] && isSelfIssued(c) ? "the trusted certificate"
                    : "the certificate");
        }
        X509Certificate last = chain[chain.length - 1];
        if (!isSelfIssued(last)) {
            for (X509Certificate anchor : delegate.getAcceptedIssuers()) {
                if (anchor.getSubjectX500Principal().equals(last.getIssuerX500Principal()) && signed(last, anchor)) {
                    checkDate(anchor, now, "the trusted CA certificate");
                }
            }
        }
    }

    private static void checkDate(X509Certificate c, Date now, String what) throws CertificateException {
        try {
            c.checkValidity(now);
        } catch (CertificateExpiredException e) {
            throw new CertificateExpiredException(what + " '" + c.getSubjectX500Principal().getName() + "' expired on "
                    + c.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new CertificateNotYetValidException(what + " '" + c.getSubjectX500Principal().getName()
                    + "' is not valid before " + c.getNotBefore().toInstant());
        }
    }

    private static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    private static boolean signed(X509Certificate c, X509Certificate issuer) {
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}

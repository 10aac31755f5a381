package io.github.camelbillmgr.internal.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when credentials are about to go over plain HTTP to another machine: the password (or the session id) is in
 * every request body, readable by anyone on the way. Loopback is left alone: a local proxy or a test server is a
 * common, harmless setup.
 */
final class PlainHttpWarning {

    private static final Logger LOG = LoggerFactory.getLogger(PlainHttpWarning.class);

    private PlainHttpWarning() {
    }

    /** Logs the warning once for the endpoint being started; {@code shown} is the URL without credentials. */
    static boolean warnIfPlain(URI uri, String shown, String username) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) || isLoopback(uri.getHost())) {
            return false;
        }
        LOG.warn("The BILLmanager URL {} is plain http:// to a host that is not this machine: the credentials of '{}' "
                + "go over the network unencrypted with every request. Use https:// (with sslContextParameters for "
                + "a private CA).", shown, username);
        return true;
    }

    /** Without a DNS look-up: localhost names and loopback address literals only. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("[") || h.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            try {
                // a literal address is parsed, never looked up
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}

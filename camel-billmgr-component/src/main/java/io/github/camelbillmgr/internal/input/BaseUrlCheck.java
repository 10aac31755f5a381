package io.github.camelbillmgr.internal.input;

import java.net.URI;

/**
 * The {@code baseUrl} option: an http or https URL with a host and a TCP port, without a query string or user info
 * (credentials go in the POST body). The URL is never echoed with what may be a credential in it.
 */
final class BaseUrlCheck {

    private BaseUrlCheck() {
    }

    static void check(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("Missing option baseUrl: set the BILLmanager API URL, e.g. "
                    + "baseUrl=https://billing.example.com/billmgr, on the endpoint or as "
                    + "camel.component.billmgr.baseUrl");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid baseUrl '" + sanitize(baseUrl) + "': not a URL ("
                    + e.getMessage() + "); it must be an http or https URL with a host, "
                    + "e.g. https://billing.example.com/billmgr");
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null && uri.getRawAuthority() != null
                && uri.getRawAuthority().matches("[^@]*:[0-9]{6,}")) {
            // a port too long for an int leaves URI without a host: say what is wrong with it
            String port = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf(':') + 1);
            throw new IllegalArgumentException("Invalid baseUrl '" + sanitize(baseUrl) + "': the port " + port
                    + " is not a TCP port; give one from 1 to 65535, or none for the "
                    + "scheme's default (80 for http, 443 for https)");
        }
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("Invalid baseUrl '" + sanitize(baseUrl)
                    + "': must be an http or https URL with a host, e.g. "
                    + "https://billing.example.com/billmgr");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            // URI accepts any digits; HttpClient would fail on the first call with a bare IllegalArgumentException
            throw new IllegalArgumentException("Invalid baseUrl '" + sanitize(baseUrl) + "': the port " + uri.getPort()
                    + " is not a TCP port; give one from 1 to 65535, or none for the "
                    + "scheme's default (80 for http, 443 for https)");
        }
        if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Invalid baseUrl '" + sanitize(baseUrl)
                    + "': must not contain a query string or user info; credentials go in "
                    + "the username and password options and are sent in the POST body");
        }
    }

    private static String sanitize(String url) {
        // Whatever the user put after '?' or before '@' may be a credential: never echo it.
        String s = url.replaceAll("\\?.*$", "?...");
        return s.replaceAll("//[^/@]*@", "//...@");
    }
}

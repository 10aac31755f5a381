package io.github.camelbillmgr.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** A tiny test client that talks to the simulator over real loopback HTTP. */
final class SimClient {

    static final String CLIENT_AUTHINFO = BillmgrSimulator.CLIENT_USER + ":" + BillmgrSimulator.CLIENT_PASSWORD;
    static final String ADMIN_AUTHINFO = BillmgrSimulator.ADMIN_USER + ":" + BillmgrSimulator.ADMIN_PASSWORD;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BillmgrSimulator sim;
    private final String fixedRoot;

    SimClient(BillmgrSimulator sim) {
        this.sim = sim;
        this.fixedRoot = null;
    }

    /** For a simulator running elsewhere, e.g. the standalone jar: {@code http://127.0.0.1:PORT}. */
    SimClient(String root) {
        this.sim = null;
        this.fixedRoot = root;
    }

    String root() {
        return fixedRoot != null ? fixedRoot : "http://127.0.0.1:" + sim.getPort();
    }

    /** POST urlencoded to /billmgr with the client's authinfo. */
    Response client(String... params) {
        return post(with("authinfo", CLIENT_AUTHINFO, params));
    }

    /** POST urlencoded to /billmgr with the admin's authinfo. */
    Response admin(String... params) {
        return post(with("authinfo", ADMIN_AUTHINFO, params));
    }

    Response post(String... params) {
        return postTo("/billmgr", params);
    }

    Response postTo(String path, String... params) {
        return send(HttpRequest.newBuilder(URI.create(root() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(params))));
    }

    Response get(String path, String... params) {
        String query = params.length == 0 ? "" : "?" + encode(params);
        return send(HttpRequest.newBuilder(URI.create(root() + path + query)).GET());
    }

    Response multipart(String path, String... params) {
        String boundary = "----simtest" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(params[i]).append("\"\r\n\r\n")
                    .append(params[i + 1]).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(URI.create(root() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String[] with(String name, String value, String... params) {
        List<String> all = new ArrayList<>(Arrays.asList(params));
        all.add(name);
        all.add(value);
        return all.toArray(String[]::new);
    }

    static String encode(String... params) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(params[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        Document xml() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                return factory.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new AssertionError("not XML: " + body, e);
            }
        }

        /** The string value of an XPath over the XML body ("" when absent). */
        String x(String expression) {
            try {
                return XPathFactory.newInstance().newXPath().evaluate(expression, xml());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        int count(String expression) {
            try {
                return ((NodeList) XPathFactory.newInstance().newXPath()
                        .evaluate(expression, xml(), XPathConstants.NODESET)).getLength();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        String errorType() {
            return x("/doc/error/@type");
        }

        String errorObject() {
            return x("/doc/error/@object");
        }

        boolean ok() {
            return count("/doc/ok") == 1;
        }
    }
}

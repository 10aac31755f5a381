package io.github.camelbillmgr;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbillmgr.internal.secret.Redactor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8: what the component makes of servers and proxies that try to harm it, each written here on raw sockets
 * ({@link HostileServer}), not the simulator's fault injection: replies that echo the request in every encoding,
 * cookies meant for another account, a reply dripped a byte at a time, a Content-Length that smuggles a second reply,
 * and input that would be sent changed.
 */
class HostileNetworkTest {

    /** Every character a form, HTML, XML or JSON encoder writes differently, and one outside ASCII. */
    private static final String PASSWORD = "Pa*ss~w&o\"r<d>'é x/\\+%";
    private static final String USER = "hostile";
    private static final String SESSION_ID = "s3ss*10n~id&4/x";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private ProducerTemplate start(HostileServer s, Consumer<BillmgrConfiguration> settings) throws Exception {
        server = s;
        context = new DefaultCamelContext();
        BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        conf.setBaseUrl(s.url());
        conf.setUsername(USER);
        conf.setPassword(PASSWORD);
        settings.accept(conf);
        context.start();
        return context.createProducerTemplate();
    }

    private static Exception failure(ProducerTemplate template, String uri, Map<String, Object> headers) {
        Exchange ex = template.request(uri, e -> e.getMessage().setHeaders(new java.util.HashMap<>(headers)));
        assertNotNull(ex.getException(), uri + " should have failed");
        return ex.getException();
    }

    // ------------------------------------------------------------------ secrets echoed in every encoding

    /** The forms a secret can take in a reply that echoes it: what the server below writes, and the test looks for. */
    static Set<String> forms(String secret) throws IOException {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String javaForm = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String httpCoreForm = WWWFormCodec.format(List.of(new BasicNameValuePair("x", secret)), StandardCharsets.UTF_8)
                .substring(2);
        String rfc3986 = javaForm.replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
        for (String f : List.of(javaForm, httpCoreForm, rfc3986)) {
            forms.add(f);
            forms.add(lowerHex(f));
        }
        forms.add(htmlEscape(secret));
        forms.add(secret.replace("&", "&#38;").replace("<", "&#x3C;").replace(">", "&#62;").replace("\"", "&#x22;")
                .replace("'", "&apos;"));
        String json = JSON.writeValueAsString(secret);
        forms.add(json.substring(1, json.length() - 1));
        String ascii = JSON.writer().with(JsonGenerator.Feature.ESCAPE_NON_ASCII).writeValueAsString(secret);
        forms.add(ascii.substring(1, ascii.length() - 1));
        forms.add(ascii.substring(1, ascii.length() - 1).replace("/", "\\/"));
        return forms;
    }

    private static String lowerHex(String s) {
        Matcher m = Pattern.compile("%[0-9A-F]{2}").matcher(s);
        return m.replaceAll(r -> r.group().toLowerCase(Locale.ROOT));
    }

    private static String htmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** A page that shows what it got, the way a WAF, a proxy or a debug error page does. */
    private static String echo(HostileServer.Request r) throws IOException {
        StringBuilder page = new StringBuilder("<html><body><h1>Blocked</h1><pre>");
        page.append(r.bodyText()).append("\n").append(lowerHex(r.bodyText())).append("\n");
        for (String name : List.of("authinfo", "password", "auth")) {
            String value = r.form(name);
            if (value != null) {
                for (String f : forms(value)) {
                    page.append(name).append(": ").append(f).append("\n");
                }
            }
        }
        return page.append("</pre></body></html>").toString();
    }

    private static void echoReply(HostileServer.Request r, OutputStream out, int status, String contentType)
            throws IOException {
        String page = echo(r);
        // header values in ASCII: the encoded forms a proxy would copy into X- headers. HttpClient itself logs response
        // headers at DEBUG, and the suite's secret scan rightly flags there what it knows (the raw and the URLEncoder
        // form of a password, a clear "authinfo=..."): that is HttpClient's print of what the server sent, not the
        // component's, so those forms are left to the body.
        String credential = r.form("authinfo") != null ? r.form("authinfo")
                : r.form("password") != null ? r.form("password") : r.form("auth");
        List<String> headers = new ArrayList<>();
        for (String f : forms(credential)) {
            if (f.chars().allMatch(ch -> ch > 32 && ch < 127) && !f.contains(PASSWORD)
                    && !f.contains(URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))) {
                headers.add("X-Echo-" + headers.size() + ": " + f);
            }
        }
        HostileServer.reply(out, status, contentType, page.getBytes(StandardCharsets.UTF_8),
                headers.toArray(String[]::new));
    }

    /** Every text a failure shows a route: message, kept body, headers, its causes. */
    private static List<String> texts(Throwable failure) {
        List<String> out = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.add(String.valueOf(t.getMessage()));
            out.add(t.toString());
            if (t instanceof BillmgrTransportException te) {
                out.add(String.valueOf(te.getResponseBody()));
                out.add(te.getHttpResponseBody() == null ? "null"
                        : new String(te.getHttpResponseBody(), StandardCharsets.UTF_8));
                out.add(String.valueOf(te.getHttpResponseHeaders()));
            }
        }
        return out;
    }

    private static void assertMasked(String what, List<String> texts, String... secrets) throws IOException {
        String all = String.join("\n", texts);
        assertTrue(all.contains(Redactor.MASK), what + ": the echo is not in the failure at all: " + all);
        for (String secret : secrets) {
            for (String form : forms(secret)) {
                assertFalse(all.contains(form), what + ": the secret shows as '" + form + "' in: " + all);
            }
        }
    }

    @Test
    void passwordAndAuthinfoAreMaskedInEveryEncodingOfAnEcho() throws Exception {
        ProducerTemplate template = start(HostileServer.start((r, out) -> {
            echoReply(r, out, 502, "text/html; charset=UTF-8");
            return true;
        }), c -> {
        });
        String authinfo = USER + ":" + PASSWORD;
        // a read: the transport failure itself
        Exception e = failure(template, "billmgr:func/whoami", Map.of());
        BillmgrTransportException t = assertInstanceOf(BillmgrTransportException.class, e);
        assertEquals(502, t.getStatusCode());
        assertMasked("whoami", texts(e), PASSWORD, authinfo);
        // an order: the unknown outcome and its cause
        e = failure(template, "billmgr:vds/order?pricelist=6&period=1", Map.of());
        assertInstanceOf(BillmgrOutcomeUnknownException.class, e);
        assertMasked("order", texts(e), PASSWORD, authinfo);
        // no exception: the kept body and the headers a route sees
        Exchange ex = template.request("billmgr:func/whoami?throwExceptionOnFailure=false", x -> {
        });
        assertNull(ex.getException());
        List<String> message = new ArrayList<>();
        message.add(String.valueOf(ex.getMessage().getBody()));
        message.add(String.valueOf(ex.getMessage().getHeaders()));
        assertMasked("throwExceptionOnFailure=false", message, PASSWORD, authinfo);
    }

    @Test
    void aReplyThatIsNotADocumentMaskesItsEchoToo() throws Exception {
        ProducerTemplate template = start(HostileServer.start((r, out) -> {
            echoReply(r, out, 200, "application/json");
            return true;
        }), c -> {
        });
        Exception e = failure(template, "billmgr:func/whoami", Map.of());
        assertTrue(e.getMessage().contains("not a BILLmanager json document"), e.getMessage());
        assertMasked("200 echo", texts(e), PASSWORD, USER + ":" + PASSWORD);
    }

    @Test
    void theLoginAndTheSessionIdAreMaskedInEveryEncodingOfAnEcho() throws Exception {
        ProducerTemplate template = start(HostileServer.start((r, out) -> {
            if ("auth".equals(r.form("func")) && r.form("password") != null) {
                if (r.connection() == 1) {
                    echoReply(r, out, 403, "text/html"); // the login itself is echoed
                    return false;
                }
                HostileServer.json(out, "{\"doc\":{\"auth\":{\"$id\":" + JSON.writeValueAsString(SESSION_ID)
                        + ",\"$\":" + JSON.writeValueAsString(SESSION_ID) + "}}}");
                return true;
            }
            echoReply(r, out, 502, "text/html");
            return true;
        }), c -> c.setAuthMode(BillmgrAuthMode.session));
        Exception login = failure(template, "billmgr:func/whoami", Map.of());
        assertMasked("login echo", texts(login), PASSWORD);
        Exception e = failure(template, "billmgr:func/whoami", Map.of());
        assertTrue(server.requests().stream().anyMatch(r -> SESSION_ID.equals(r.form("auth"))),
                "the session was used: " + server.requests().size() + " request(s), then " + e);
        assertMasked("session echo", texts(e), SESSION_ID, PASSWORD);
    }

    @Test
    void aRouteThatLogsTheWholeExchangeShowsTheEchoMasked() throws Exception {
        List<String> traced = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.apache.logging.log4j.core.Logger logger
                = (org.apache.logging.log4j.core.Logger) org.apache.logging.log4j.LogManager
                        .getLogger("dumped");
        org.apache.logging.log4j.core.appender.AbstractAppender capture
                = new org.apache.logging.log4j.core.appender.AbstractAppender(
                        "dump-capture", null, null, true, org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
                    @Override
                    public void append(org.apache.logging.log4j.core.LogEvent event) {
                        traced.add(event.getMessage().getFormattedMessage());
                    }
                };
        capture.start();
        logger.addAppender(capture);
        try {
            server = HostileServer.start((r, out) -> {
                echoReply(r, out, 502, "text/html");
                return true;
            });
            context = new DefaultCamelContext();
            BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
            conf.setBaseUrl(server.url());
            conf.setUsername(USER);
            conf.setPassword(PASSWORD);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // what a tracer or a debugging route dumps: body, headers, properties, all of them
                    from("direct:traced").to("billmgr:func/whoami?throwExceptionOnFailure=false")
                            .to("log:dumped?showAll=true&multiline=true");
                }
            });
            context.start();
            Exchange ex = context.createProducerTemplate().request("direct:traced", x -> {
            });
            assertNull(ex.getException());
            assertEquals(1, traced.size(), "the route logged the exchange: " + traced);
            assertMasked("logged exchange", traced, PASSWORD, USER + ":" + PASSWORD);
        } finally {
            logger.removeAppender(capture);
            capture.stop();
        }
    }

    // ------------------------------------------------------------------ cookies

    @Test
    void noCookieOfOneAccountIsSentWithAnothersRequests() throws Exception {
        ProducerTemplate template = start(HostileServer.start((r, out) -> {
            String user = r.form("authinfo") == null ? "?" : r.form("authinfo").replaceAll(":.*", "");
            HostileServer.json(out, "{\"doc\":{\"user\":{\"$\":\"" + user + "\"}}}",
                    "Set-Cookie: billmgrses5=" + user + "-session; Path=/",
                    "Set-Cookie: sticky=" + user + "; Path=/billmgr");
            return true;
        }), c -> {
        });
        BillmgrComponent other = new BillmgrComponent();
        other.getConfiguration().setBaseUrl(server.url());
        other.getConfiguration().setUsername("other");
        other.getConfiguration().setPassword("Other-pa55word");
        context.addComponent("billmgr-other", other);
        for (int i = 0; i < 2; i++) {
            assertNotNull(template.requestBody("billmgr:func/whoami", null, JsonNode.class));
            assertNotNull(template.requestBody("billmgr-other:func/whoami", null, JsonNode.class));
        }
        assertEquals(4, server.requests().size());
        for (HostileServer.Request r : server.requests()) {
            assertNull(r.header("Cookie"), "a cookie was sent: " + r.header("Cookie") + " with " + r.form("func"));
        }
    }

    // ------------------------------------------------------------------ a whole-call deadline

    /** Sends the reply's head at once, then its body a byte every 200 ms, for ever. */
    private static boolean dripBody(HostileServer.Request r, OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write("{\"doc\":{\"msg\":{\"$\":\"".getBytes(StandardCharsets.ISO_8859_1));
        drip(out, 'a');
        return false;
    }

    private static void drip(OutputStream out, char c) throws IOException {
        while (true) {
            out.write(c);
            out.flush();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void aServerThatDripsItsReplyIsCutOffAtCallTimeout() throws Exception {
        ProducerTemplate template = start(HostileServer.start(HostileNetworkTest::dripBody),
                c -> {
                    c.setResponseTimeout(1000);
                    c.setCallTimeout(2000);
                });
        // without a deadline the drip goes on for ever; 30 s is only there to end the test
        Exception e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> failure(template, "billmgr:func/whoami", Map.of()));
        BillmgrTransportException t = assertInstanceOf(BillmgrTransportException.class, e);
        assertEquals(BillmgrOutcome.NOT_DONE, t.getOutcome(), "a read");
        assertTrue(e.getMessage().contains("callTimeout (2s)"), e.getMessage());
        // an order whose reply drips: sent, so its outcome is unknown
        Exception order = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> failure(template, "billmgr:vds/order?pricelist=6&period=1", Map.of()));
        BillmgrOutcomeUnknownException u = assertInstanceOf(BillmgrOutcomeUnknownException.class, order);
        assertTrue(u.getCause().getMessage().contains("callTimeout (2s)"), u.getCause().getMessage());
    }

    @Test
    void aServerThatDripsItsStatusLineIsCutOffAtCallTimeout() throws Exception {
        ProducerTemplate template = start(HostileServer.start((r, out) -> {
            out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
            drip(out, 'x');
            return false;
        }), c -> {
            c.setResponseTimeout(1000);
            c.setCallTimeout(2000);
        });
        Exception e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> failure(template, "billmgr:func/whoami", Map.of()));
        assertTrue(e.getMessage().contains("callTimeout (2s)"), e.getMessage());
    }

    // ------------------------------------------------------------------ a reply smuggled after a short Content-Length

    @Test
    void aConnectionWhoseReplyWasNotReadCleanlyIsNeverReused() throws Exception {
        String smuggled = "{\"doc\":{\"user\":{\"$\":\"smuggled\"}}}";
        String second = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + smuggled.length()
                + "\r\n\r\n" + smuggled;
        String first = "{\"doc\":{\"user\":{\"$\":\"";
        ProducerTemplate template = start(HostileServer.start((r, out) -> {
            if (server.requests().size() == 1) {
                // a Content-Length that ends inside the document, and a whole second reply after it
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + first.length()
                        + "\r\n\r\n" + first + second).getBytes(StandardCharsets.ISO_8859_1));
                return true; // and waits for the next request on the same connection, answering nothing itself
            }
            HostileServer.json(out, "{\"doc\":{\"user\":{\"$\":\"honest\"}}}");
            return true;
        }), c -> {
        });
        Exception e = failure(template, "billmgr:func/whoami", Map.of());
        assertInstanceOf(BillmgrTransportException.class, e);
        JsonNode next = template.requestBody("billmgr:func/whoami", null, JsonNode.class);
        assertEquals("honest", next.path("doc").path("user").path("$").asText(),
                "the next call got the smuggled reply: " + next);
        assertEquals(2, server.connections(), "the first connection was closed, not reused");
    }

    // ------------------------------------------------------------------ credentials over plain HTTP

    /** This machine's own network address (not loopback), if it has one. */
    private static java.net.InetAddress networkAddress() throws IOException {
        for (java.net.NetworkInterface nic : java.util.Collections
                .list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void plainHttpToAnotherHostWarnsOnceWhenTheEndpointStarts() throws Exception {
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.apache.logging.log4j.core.Logger logger
                = (org.apache.logging.log4j.core.Logger) org.apache.logging.log4j.LogManager
                        .getLogger("io.github.camelbillmgr.internal.http.PlainHttpWarning");
        org.apache.logging.log4j.core.appender.AbstractAppender capture
                = new org.apache.logging.log4j.core.appender.AbstractAppender(
                        "plain-http-capture", null, null, true,
                        org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
                    @Override
                    public void append(org.apache.logging.log4j.core.LogEvent event) {
                        if (event.getLevel() == org.apache.logging.log4j.Level.WARN) {
                            warnings.add(event.getMessage().getFormattedMessage());
                        }
                    }
                };
        capture.start();
        logger.addAppender(capture);
        try {
            java.net.InetAddress address = networkAddress();
            HostileServer.Handler ok = (r, out) -> {
                HostileServer.json(out, "{\"doc\":{\"user\":{\"$\":\"x\"}}}");
                return true;
            };
            // loopback: no warning
            ProducerTemplate template = start(HostileServer.start(ok), c -> {
            });
            template.requestBody("billmgr:func/whoami", null, JsonNode.class);
            assertEquals(List.of(), warnings);
            stop();
            // another host: one warning per endpoint, however many calls
            String url = "http://billing.example.invalid/billmgr";
            HostileServer s = address != null ? HostileServer.start(address, ok) : HostileServer.start(ok);
            ProducerTemplate other = start(s, c -> c.setBaseUrl(address != null ? s.url() : url));
            other.send("billmgr:func/whoami", x -> {
            });
            other.send("billmgr:func/whoami", x -> {
            });
            String shown = address != null ? s.url() : url;
            assertEquals(1, warnings.size(), "warnings: " + warnings);
            assertTrue(warnings.get(0).contains(shown) && warnings.get(0).contains("unencrypted")
                    && warnings.get(0).contains("'" + USER + "'"), warnings.get(0));
            assertFalse(warnings.get(0).contains(PASSWORD));
        } finally {
            logger.removeAppender(capture);
            capture.stop();
        }
    }

    // ------------------------------------------------------------------ input that would be sent changed

    @Test
    void aLoneSurrogateIsRefusedBeforeAnythingIsSent() throws Exception {
        ProducerTemplate template = start(HostileServer.start((r, out) -> {
            HostileServer.json(out, "{\"doc\":{\"elem\":[]}}");
            return true;
        }), c -> {
        });
        for (String value : List.of("shop-42\uD83D", "\uDE00shop", "a\uDC00\uD800b")) {
            Exception e = failure(template, "billmgr:vds/order?pricelist=6&period=1",
                    Map.of(BillmgrConstants.REMOTE_ID, value));
            assertInstanceOf(BillmgrInvalidInputException.class, e);
            assertTrue(e.getMessage().contains("lone UTF-16 surrogate")
                    && e.getMessage().contains("Invalid header " + BillmgrConstants.REMOTE_ID), e.getMessage());
            e = failure(template, "billmgr:vds/edit", Map.of(BillmgrConstants.SERVICE_ID, 7,
                    BillmgrConstants.COMMENT, value));
            assertInstanceOf(BillmgrInvalidInputException.class, e);
        }
        // a whole pair is a character: sent as it is
        template.requestBodyAndHeader("billmgr:vds/list", null, BillmgrConstants.PARAMS,
                Map.of("remoteid", "shop-\uD83D\uDE00"));
        assertEquals(1, server.requests().size(), "only the list with the whole pair was sent: " + server.requests());
        assertEquals("shop-\uD83D\uDE00", server.requests().get(0).form("remoteid"));
    }

    @Test
    void jsonRepliesAreDecodedAsStrictUtf8() throws Exception {
        byte[] head = "{\"doc\":{\"user\":{\"$\":\"x".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}}}".getBytes(StandardCharsets.US_ASCII);
        // an encoded surrogate (CESU-8), which no valid UTF-8 holds
        byte[] surrogate = { (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
        byte[] body = new byte[head.length + surrogate.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(surrogate, 0, body, head.length, surrogate.length);
        System.arraycopy(tail, 0, body, head.length + surrogate.length, tail.length);
        ProducerTemplate template = start(HostileServer.start((r, out) -> {
            HostileServer.reply(out, 200, "application/json", body);
            return true;
        }), c -> {
        });
        Exception e = failure(template, "billmgr:func/whoami", Map.of());
        assertInstanceOf(BillmgrTransportException.class, e);
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void reservedNamesInFilterOptionsAreRefusedAlsoThroughToD() throws Exception {
        ProducerTemplate template = start(HostileServer.start((r, out) -> {
            HostileServer.json(out, "{\"doc\":{\"elem\":[]}}");
            return true;
        }), c -> {
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:filtered").toD("billmgr:vds/list?filter.${header.column}=${header.value}");
            }
        });
        for (String column : List.of("func", "authinfo", "auth", "out", "FUNC", "p_num")) {
            Exchange ex = template.request("direct:filtered", x -> {
                x.getMessage().setHeader("column", column);
                // masked: Camel logs the endpoint URI at TRACE, and the suite's secret scan flags a clear auth= value
                x.getMessage().setHeader("value", Redactor.MASK);
            });
            assertNotNull(ex.getException(), column);
            String message = ex.getException().getMessage() + " / " + ex.getException().getCause();
            assertTrue(
                    message.contains("Invalid option filter." + column) && message.contains("is set by the component"),
                    message);
        }
        assertEquals(List.of(), server.requests(), "nothing was sent");
        Exchange ok = template.request("direct:filtered", x -> {
            x.getMessage().setHeader("column", "pricelist");
            x.getMessage().setHeader("value", "6");
        });
        assertNull(ok.getException());
        assertEquals("6", server.requests().get(0).form("pricelist"));
    }

    @Test
    void repeatedServiceIdsAreRenewedOnceAndTooManyAreRefused() throws Exception {
        ProducerTemplate template = start(HostileServer.start((r, out) -> {
            HostileServer.json(out, "{\"doc\":{\"ok\":{}}}");
            return true;
        }), c -> c.setMaxServiceIds(3));
        template.requestBodyAndHeader("billmgr:vds/prolong?period=1&skipBasket=false", null,
                BillmgrConstants.SERVICE_ID, "7, 7,7");
        assertEquals(1, server.requests().size());
        assertEquals("service.prolong", server.requests().get(0).form("func"), "one service: no groupedit");
        assertEquals("7", server.requests().get(0).form("elid"));
        template.requestBodyAndHeader("billmgr:vds/prolong?period=1&skipBasket=false", null,
                BillmgrConstants.SERVICE_ID, List.of(8L, 9L, 8L, 10L, 9L));
        assertEquals("8, 9, 10", server.requests().get(1).form("elid"));
        Exception e = failure(template, "billmgr:vds/prolong?period=1&skipBasket=false",
                Map.of(BillmgrConstants.SERVICE_ID, List.of(1, 2, 3, 4)));
        assertInstanceOf(BillmgrInvalidInputException.class, e);
        assertTrue(e.getMessage().contains("more than maxServiceIds (3)"), e.getMessage());
        e = failure(template, "billmgr:vds/prolong?period=1&skipBasket=false",
                Map.of(BillmgrConstants.SERVICE_ID, "1,".repeat(5_000_000)));
        assertTrue(e.getMessage().contains("characters long"), e.getMessage());
        assertEquals(2, server.requests().size(), "nothing was sent for the refused ones");
    }
}

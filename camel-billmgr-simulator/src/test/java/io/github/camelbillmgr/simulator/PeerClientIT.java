package io.github.camelbillmgr.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A peer client: the standalone jar started as an external process, as a tester would, and driven over plain HTTP
 * the way clients written for the real server call it: ISPsystem's WHMCS license module (form POSTs, {@code out=xml},
 * {@code soft.*}, {@code service.prolong} read at {@code /doc/doc/newexpiredate}, {@code session.newkey} for itself),
 * a Python session client (GET login, then {@code auth=}), and a Python catalogue scraper ({@code out=xjson}).
 */
class PeerClientIT {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^ ]+/billmgr)");
    private static final String USER = BillmgrSimulator.CLIENT_USER;
    private static final String AUTHINFO = USER + ":" + BillmgrSimulator.CLIENT_PASSWORD;

    private static Process server;
    private static String baseUrl;
    private static SimClient http;

    @BeforeAll
    static void startTheJar() throws Exception {
        Path jar = Path.of(System.getProperty("billmgr.sim.standaloneJar", "target/missing-standalone.jar"));
        assertTrue(Files.isRegularFile(jar), "the standalone jar is built in package: " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0", "--profile", "license-billing")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null;) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        baseUrl = url.get(60, TimeUnit.SECONDS);
        assertTrue(baseUrl != null, "the banner names the base URL");
        // keep reading the console so that the server never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException e) {
                // the server went away
            }
        }, "peer-client-drain");
        drain.setDaemon(true);
        drain.start();
        http = new SimClient(baseUrl.substring(0, baseUrl.length() - "/billmgr".length()));
    }

    @AfterAll
    static void stopTheJar() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A WHMCS-style call: a form POST with out=xml and authinfo. */
    private static SimClient.Response whmcs(String... params) {
        return http.post(SimClient.with("authinfo", AUTHINFO, SimClient.with("out", "xml", params)));
    }

    @Test
    void aWrongPasswordIsAnHttp200ErrorDocument() {
        SimClient.Response r = http.post("func", "whoami", "out", "xml", "authinfo", USER + ":wrong");
        assertEquals(200, r.status());
        assertEquals("badpassword", r.errorObject(), r.body());
        assertFalse(r.x("/doc/error/msg").isEmpty());
    }

    @Test
    void aSessionClientLogsInWithGetAndCallsWithAuth() {
        JsonNode login = http.get("/billmgr", "func", "auth", "username", USER, "password",
                BillmgrSimulator.CLIENT_PASSWORD, "out", "json").json();
        String sid = login.at("/doc/auth/$id").asText();
        assertFalse(sid.isEmpty(), login.toString());
        assertEquals(sid, login.at("/doc/auth/$").asText());
        JsonNode whoami = http.get("/billmgr", "func", "whoami", "auth", sid, "out", "json").json();
        assertEquals(USER, whoami.at("/doc/user/$name").asText(), whoami.toString());
        JsonNode dashboard = http.get("/billmgr", "func", "dashboard.info", "auth", sid, "out", "json").json();
        assertTrue(dashboard.at("/doc/elem/balance/$").asText().endsWith("EUR"), dashboard.toString());
    }

    @Test
    void aScraperReadsTheCatalogueInXjson() {
        JsonNode doc = http.get("/billmgr", "func", "v2.vds.order.pricelist", "out", "xjson", "sfrom", "ajax",
                "authinfo", AUTHINFO).json().path("doc");
        assertTrue(doc.path("slist").isArray() && doc.path("list").isArray(), doc.toString());
        assertEquals("datacenter", doc.at("/slist/0/$name").asText());
        assertEquals("pricelist", doc.at("/list/0/$name").asText());
        JsonNode tariff = doc.at("/list/0/elem/0");
        assertEquals("VDS-1", tariff.at("/title/$").asText());
        assertTrue(tariff.at("/prices/price").isArray() && tariff.at("/detail").isArray(), tariff.toString());
        assertEquals("1", tariff.at("/datacenter/id/$").asText());

        JsonNode form = http.get("/billmgr", "func", "v2.vds.order.param", "period_6", "1", "datacenter", "2",
                "keyvalue", "6_2", "sfrom", "ajax", "out", "xjson", "authinfo", AUTHINFO).json().path("doc");
        assertEquals("ostempl", form.at("/slist/2/$name").asText(), form.toString());
        assertTrue(form.at("/slist/2/val").isArray());
    }

    @Test
    void theLicenseModuleOrdersManagesRenewsAndSignsOn() {
        SimClient.Response order = whmcs("func", "soft.order.param", "pricelist", "40", "period", "1",
                "ip", "192.0.2.10", "licname", "shop.example.com", "project", "1", "sok", "ok", "skipbasket", "on",
                "remoteid", "l7", "clicked_button", "finish");
        String id = order.x("/doc/id");
        assertFalse(id.isEmpty(), order.body());

        SimClient.Response details = whmcs("func", "soft.edit", "elid", id);
        String lickey = details.x("/doc/lickey");
        String expire = details.x("/doc/expiredate");
        assertFalse(lickey.isEmpty(), details.body());
        LocalDate expireDate = LocalDate.parse(expire); // YYYY-MM-DD

        SimClient.Response newKey = whmcs("func", "soft.edit", "elid", id, "clicked_button", "newkey", "sok", "ok");
        assertNotEquals(lickey, newKey.x("/doc/lickey"), newKey.body());
        assertFalse(newKey.x("/doc/lickey").isEmpty());

        assertTrue(whmcs("func", "soft.suspend", "elid", id).ok());
        assertEquals("3", whmcs("func", "soft.edit", "elid", id).x("/doc/status"));
        assertTrue(whmcs("func", "soft.suspend", "elid", id).ok(), "suspending again before freeing it");
        assertTrue(whmcs("func", "soft.edit", "elid", id, "licname", "free.lic", "ip", "0.0.0.0", "remoteid", "",
                "sok", "ok").ok());
        assertTrue(whmcs("func", "soft.resume", "elid", id).ok());
        assertEquals("2", whmcs("func", "soft.edit", "elid", id).x("/doc/status"));

        SimClient.Response renewal = whmcs("func", "service.prolong", "elid", id, "period", "1", "sok", "ok");
        assertEquals(expireDate.plusMonths(1).toString(), renewal.x("/doc/doc/newexpiredate"), renewal.body());

        String key = "0123456789abcdef0123456789abcdef" + "fedcba9876543210fedcba9876543210";
        assertTrue(whmcs("func", "session.newkey", "username", USER, "key", key).ok());
        SimClient.Response sso = http.get("/billmgr", "func", "auth", "username", USER, "key", key,
                "checkcookie", "no");
        assertFalse(sso.x("/doc/auth/@id").isEmpty(), sso.body());

        // the tester's view: the control plane on the same port, credentials masked
        SimClient.Response log = http.send(HttpRequest.newBuilder(
                URI.create(http.root() + "/__sim/requests?limit=50")).GET());
        assertEquals(200, log.status());
        assertFalse(log.body().contains(BillmgrSimulator.CLIENT_PASSWORD), "credentials are masked");
        assertTrue(log.body().contains("soft.order.param"));
    }
}

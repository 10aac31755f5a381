package io.github.camelbillmgr.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12: the JSON control plane under /__sim/ drives the simulator over HTTP, as the Java hooks do. */
class ControlPlaneTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final SimClient api = new SimClient(billmgr.simulator());

    private SimClient.Response call(String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return api.send(HttpRequest.newBuilder(URI.create(api.root() + path)).header("Content-Type",
                "application/json").method(method, body));
    }

    private JsonNode ok(String method, String path, String json) {
        SimClient.Response r = call(method, path, json);
        assertEquals(200, r.status(), r.body());
        assertEquals("application/json", r.contentType());
        return r.json();
    }

    @Test
    void indexAndState() {
        assertTrue(ok("GET", "/__sim/", null).at("/endpoints").size() >= 8);
        JsonNode state = ok("GET", "/__sim/state", null);
        assertEquals(2, state.at("/accounts").size());
        assertEquals("client@example.com", state.at("/accounts/1/user").asText());
        assertFalse(state.toString().contains(BillmgrSimulator.CLIENT_PASSWORD), "no passwords in the state");
        assertEquals(TestSupport.START.toString(), state.at("/clock/now").asText());
    }

    @Test
    void accountsAndServicesAreReadAndChanged() {
        JsonNode account = ok("POST", "/__sim/accounts/client@example.com", "{\"balance\": \"3.00\"}");
        assertEquals("3.00", account.at("/balance").asText());
        assertEquals(new BigDecimal("3.00"), billmgr.state().balance(BillmgrSimulator.CLIENT_USER));
        assertEquals("not_enough_money", api.client("func", "v2.vds.order.param", "pricelist", "6",
                "order_period", "1", "skipbasket", "on", "sok", "ok").errorType());

        ok("POST", "/__sim/accounts", "{\"user\": \"reseller\", \"password\": \"Res-Pass-1\", \"balance\": \"50\"}");
        assertEquals("reseller", api.post("func", "whoami", "authinfo", "reseller:Res-Pass-1").x("/doc/user/@name"));

        JsonNode service = ok("POST", "/__sim/services", "{\"itemType\": \"soft\", \"owner\": \"reseller\", "
                + "\"pricelist\": 40, \"expireDate\": \"2030-01-01\", \"remoteId\": \"l42\"}");
        long id = service.at("/id").asLong();
        assertEquals("l42", billmgr.state().service(id).orElseThrow().remoteId());
        JsonNode changed = ok("POST", "/__sim/services/" + id, "{\"status\": 3, \"expireDate\": \"2024-12-31\"}");
        assertEquals(3, changed.at("/status").asInt());
        assertEquals("2024-12-31", billmgr.state().service(id).orElseThrow().expireDate().toString());

        SimClient.Response bad = call("POST", "/__sim/services/" + id, "{\"status\": 9}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().at("/error").asText().contains("status must be"), bad.body());
        assertEquals(400, call("POST", "/__sim/services/" + id, "{\"owner\": \"nobody\"}").status());
        SimClient.Response foreignTariff = call("POST", "/__sim/services",
                "{\"itemType\": \"vds\", \"owner\": \"reseller\", \"pricelist\": 40}");
        assertEquals(400, foreignTariff.status());
        assertTrue(foreignTariff.json().at("/error").asText().contains("pricelist 40"), foreignTariff.body());
        assertEquals(404, call("GET", "/__sim/services/99999", null).status());
        assertEquals(404, call("GET", "/__sim/accounts/nobody", null).status());
        assertEquals(405, call("DELETE", "/__sim/state", null).status());
        assertEquals(400, call("POST", "/__sim/accounts", "not json").status());
    }

    @Test
    void stateIsReplacedAndResetToTheSeed() {
        ok("PUT", "/__sim/state", "{\"accounts\": [{\"user\": \"solo\", \"password\": \"Solo-1\"}], "
                + "\"services\": [{\"itemType\": \"vds\", \"owner\": \"solo\", \"pricelist\": 7}]}");
        assertEquals(1, billmgr.state().accounts().size());
        assertEquals(1, billmgr.state().serviceCount());
        assertEquals(400, call("PUT", "/__sim/state", "{\"acounts\": []}").status());
        JsonNode reset = ok("POST", "/__sim/reset", null);
        assertEquals(2, reset.at("/accounts").size());
        assertEquals(0, reset.at("/services").size());
    }

    @Test
    void settingsAreReadAndChangedAllOrNothing() {
        JsonNode settings = ok("GET", "/__sim/settings", null);
        assertEquals("1h", settings.at("/sessionLifetime").asText());
        assertEquals(false, settings.at("/clientMaySuspendResume").asBoolean());

        ok("POST", "/__sim/settings", "{\"profile\": \"license-billing\", \"sessionLifetime\": \"5m\"}");
        assertTrue(billmgr.settings().isClientMaySuspendResume());
        assertEquals(Duration.ofMinutes(5), billmgr.settings().getSessionLifetime());

        SimClient.Response bad = call("POST", "/__sim/settings", "{\"defaultPageSize\": 3, \"suAllowed\": \"maybe\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().at("/error").asText().contains("suAllowed"), bad.body());
        assertEquals(100, billmgr.settings().getDefaultPageSize(), "nothing changed by a refused request");

        ok("POST", "/__sim/reset", "{\"settings\": true}");
        assertFalse(billmgr.settings().isClientMaySuspendResume());
    }

    @Test
    void faultsClockAndRequests() {
        ok("POST", "/__sim/faults", "{\"func\": \"whoami\", \"next\": 1, \"fault\": \"http_status=503\"}");
        assertEquals(503, api.client("func", "whoami").status());
        assertEquals(200, api.client("func", "whoami").status());
        ok("POST", "/__sim/faults", "{\"rule\": \"dashboard.info:1.0:busy:7\"}");
        assertEquals("processing", api.client("func", "dashboard.info").errorType());
        assertEquals(2, ok("GET", "/__sim/faults", null).at("/injectedTotal").asInt());
        assertTrue(ok("DELETE", "/__sim/faults", null).at("/rules").asText().contains("none"));
        assertEquals(400, call("POST", "/__sim/faults", "{\"fault\": \"explode\"}").status());

        JsonNode clock = ok("POST", "/__sim/clock", "{\"advance\": \"61m\"}");
        assertEquals(TestSupport.START.plus(Duration.ofMinutes(61)).toString(), clock.at("/now").asText());
        assertEquals(400, call("POST", "/__sim/clock", "{\"advance\": \"a while\"}").status());

        billmgr.simulator().clearRequests();
        api.client("func", "whoami");
        api.post("func", "auth", "username", "client@example.com", "password", BillmgrSimulator.CLIENT_PASSWORD);
        JsonNode requests = ok("GET", "/__sim/requests", null);
        assertEquals(2, requests.at("/requests").size(), "control-plane calls are not recorded");
        assertEquals("client@example.com:***", requests.at("/requests/0/params/authinfo/0").asText());
        assertEquals("***", requests.at("/requests/1/params/password/0").asText());
        assertFalse(requests.toString().contains(BillmgrSimulator.CLIENT_PASSWORD));
        assertEquals(1, ok("GET", "/__sim/requests?limit=1", null).at("/requests").size());
    }

    @Test
    void itCanBeSwitchedOff() {
        billmgr.settings().setControlPlane(false);
        SimClient.Response off = call("GET", "/__sim/state", null);
        assertEquals(404, off.status());
        assertTrue(off.contentType().startsWith("text/html"));
    }
}

package io.github.camelbillmgr.simulator;

import java.math.BigDecimal;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final SimClient api = new SimClient(billmgr.simulator());

    private String login(String user, String password) {
        SimClient.Response r = api.post("func", "auth", "username", user, "password", password);
        String sid = r.x("/doc/auth/@id");
        assertEquals(sid, r.x("/doc/auth"), r.body());
        return sid;
    }

    @Test
    void authinfoWithSpecialCharactersAndWrongPassword() {
        assertEquals(BillmgrSimulator.CLIENT_ACCOUNT, api.client("func", "whoami").x("/doc/user/@account"));

        SimClient.Response wrong = api.post("func", "whoami", "authinfo", BillmgrSimulator.CLIENT_USER + ":nope");
        assertEquals("auth", wrong.errorType());
        assertEquals("badpassword", wrong.errorObject());

        billmgr.settings().setLoginErrorType("login");
        assertEquals("login", api.post("func", "whoami", "authinfo", "admin:bad").errorType());
    }

    @Test
    void twoFactorUserGetsTheTotpConfirmAnswerInsteadOfTheFunction() {
        billmgr.settings().getTwoFactorUsers().add(BillmgrSimulator.CLIENT_USER);
        String sid = login(BillmgrSimulator.CLIENT_USER, BillmgrSimulator.CLIENT_PASSWORD);
        JsonNode whoami = api.post("func", "whoami", "auth", sid, "out", "json").json();
        assertEquals("func=totp.confirm", whoami.at("/doc/ok/$").asText(), whoami.toString());
        assertEquals("func=totp.confirm", api.client("func", "vds").x("/doc/ok"), "authinfo too");
        assertEquals(0, api.client("func", "vds").count("/doc/elem"));
        assertEquals(BillmgrSimulator.ADMIN_USER, api.admin("func", "whoami").x("/doc/user"),
                "other users are not affected");
    }

    @Test
    void passwordMayContainColons() {
        billmgr.state().createClient("colon@example.com", "a:b:c", BigDecimal.TEN);
        SimClient.Response r = api.post("func", "whoami", "authinfo", "colon@example.com:a:b:c");
        assertEquals("colon@example.com", r.x("/doc/user"));
    }

    @Test
    void loginGivesASessionWithIdAndLevelInBothFormats() {
        JsonNode json = api.post("func", "auth", "username", BillmgrSimulator.ADMIN_USER,
                "password", BillmgrSimulator.ADMIN_PASSWORD, "out", "json").json();
        String sid = json.at("/doc/auth/$id").asText();
        assertEquals(sid, json.at("/doc/auth/$").asText());
        assertEquals("29", json.at("/doc/auth/$level").asText());
        assertTrue(sid.matches("[0-9a-f]{32}"), sid);

        String clientSid = login(BillmgrSimulator.CLIENT_USER, BillmgrSimulator.CLIENT_PASSWORD);
        assertNotEquals(sid, clientSid);
        assertEquals(BillmgrSimulator.CLIENT_USER, api.post("func", "whoami", "auth", clientSid).x("/doc/user"));
    }

    @Test
    void sessionSlidesOnTheClockAndExpiresIntoAccess() {
        String sid = login(BillmgrSimulator.CLIENT_USER, BillmgrSimulator.CLIENT_PASSWORD);
        billmgr.simulator().clock().advance(Duration.ofMinutes(59));
        assertTrue(api.post("func", "keepalive", "auth", sid).ok());
        billmgr.simulator().clock().advance(Duration.ofMinutes(59));
        assertEquals(BillmgrSimulator.CLIENT_USER, api.post("func", "whoami", "auth", sid).x("/doc/user"));
        billmgr.simulator().clock().advance(Duration.ofMinutes(61));
        SimClient.Response expired = api.post("func", "whoami", "auth", sid);
        assertEquals("access", expired.errorType());
        assertEquals("Insufficient privileges to perform the function", expired.x("/doc/error/msg"));
        assertEquals("access", api.post("func", "whoami", "auth", "deadbeef").errorType());
    }

    @Test
    void noCredentialsIsAccess() {
        assertEquals("access", api.post("func", "vds").errorType());
    }

    @Test
    void repeatedBadPasswordsBlockTheLoginForTwentySeconds() {
        for (int i = 0; i < 5; i++) {
            SimClient.Response r = api.post("func", "auth", "username", BillmgrSimulator.CLIENT_USER, "password", "x");
            assertEquals("badpassword", r.errorObject(), "attempt " + i);
        }
        SimClient.Response blocked = api.post("func", "auth", "username", BillmgrSimulator.CLIENT_USER,
                "password", BillmgrSimulator.CLIENT_PASSWORD);
        assertEquals("blocklogon", blocked.errorObject());
        assertEquals("auth", blocked.errorType());
        assertEquals("blocklogon", api.client("func", "whoami").errorObject());

        billmgr.simulator().clock().advance(Duration.ofSeconds(21));
        assertEquals(BillmgrSimulator.CLIENT_USER, api.client("func", "whoami").x("/doc/user"));
    }

    @Test
    void ssoKeyLogsInOnceAndOnlyAdminsIssueKeys() {
        String key = "0123456789abcdefXYZ";
        assertEquals("access", api.client("func", "session.newkey", "username", "admin", "key", key).errorType());
        assertEquals("value", api.admin("func", "session.newkey", "username", BillmgrSimulator.CLIENT_USER,
                "key", "short").errorType());
        assertTrue(api.admin("func", "session.newkey", "username", BillmgrSimulator.CLIENT_USER, "key", key).ok());

        SimClient.Response first = api.post("func", "auth", "username", BillmgrSimulator.CLIENT_USER, "key", key);
        String sid = first.x("/doc/auth/@id");
        assertEquals("16", first.x("/doc/auth/@level"));
        assertEquals(BillmgrSimulator.CLIENT_USER, api.post("func", "whoami", "auth", sid).x("/doc/user"));
        assertEquals("badpassword",
                api.post("func", "auth", "username", BillmgrSimulator.CLIENT_USER, "key", key).errorObject());
    }

    @Test
    void adminActsAsClientWithSuUnlessDisabled() {
        TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        billmgr.state().addService(SimService.builder("vds", BillmgrSimulator.ADMIN_USER).pricelistId(7));
        assertEquals("2", api.admin("func", "vds").x("/doc/p_elems"));

        SimClient.Response su = api.admin("func", "vds", "su", BillmgrSimulator.CLIENT_USER);
        assertEquals("1", su.x("/doc/p_elems"));
        assertEquals(0, su.count("/doc/elem/account"));
        assertEquals("access", api.client("func", "vds", "su", BillmgrSimulator.ADMIN_USER).errorType());

        billmgr.settings().setSuAllowed(false);
        assertEquals("access", api.admin("func", "vds", "su", BillmgrSimulator.CLIENT_USER).errorType());
    }

    @Test
    void sessionsCanBeBoundToTheirAddress() {
        billmgr.settings().setSessionBoundToIp(true);
        String sid = login(BillmgrSimulator.CLIENT_USER, BillmgrSimulator.CLIENT_PASSWORD);
        assertEquals(BillmgrSimulator.CLIENT_USER, api.post("func", "whoami", "auth", sid).x("/doc/user"));
        assertEquals(1, billmgr.state().sessionCount());
        billmgr.state().dropSessions();
        assertEquals("access", api.post("func", "whoami", "auth", sid).errorType());
    }
}

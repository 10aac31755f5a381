package io.github.camelbillmgr.simulator;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WireFormatTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final SimClient api = new SimClient(billmgr.simulator());

    @Test
    void xmlIsTheDefaultWithDeclarationAndContentType() {
        SimClient.Response r = api.client("func", "whoami");
        assertEquals(200, r.status());
        assertEquals("text/xml; charset=UTF-8", r.contentType());
        assertTrue(r.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), r.body());
        assertEquals(BillmgrSimulator.CLIENT_USER, r.x("/doc/user"));
        assertEquals("16", r.x("/doc/user/@level"));
    }

    @Test
    void listWithOneRowIsABareObjectTwoAnArrayNoneAbsent() {
        JsonNode none = api.client("func", "vds", "out", "json").json();
        assertFalse(none.get("doc").has("elem"));
        assertEquals("0", none.at("/doc/p_elems/$").asText());

        TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        JsonNode one = api.client("func", "vds", "out", "json").json();
        assertTrue(one.at("/doc/elem").isObject(), one.toString());
        assertEquals("VDS-1", one.at("/doc/elem/pricelist/$").asText());

        TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        JsonNode two = api.client("func", "vds", "out", "json").json();
        assertTrue(two.at("/doc/elem").isArray());
        assertEquals(2, two.at("/doc/elem").size());
    }

    @Test
    void xjsonIsAJsonAliasUnlessSwitchedOff() {
        SimClient.Response json = api.client("func", "dashboard.info", "out", "json");
        SimClient.Response xjson = api.client("func", "dashboard.info", "out", "xjson");
        assertEquals("application/json", xjson.contentType());
        assertEquals(json.json(), xjson.json());

        billmgr.settings().setXjsonIsJsonAlias(false);
        assertTrue(api.client("func", "dashboard.info", "out", "xjson").body().startsWith("<?xml"));
    }

    @Test
    void orderAnswerHasOkDottedItemIdAndId() {
        JsonNode json = api.client("func", "v2.vds.order.param", "pricelist", "6", "order_period", "1",
                "skipbasket", "on", "sok", "ok", "out", "json").json();
        assertEquals("{}", json.at("/doc/ok").toString());
        assertEquals("1001", json.at("/doc/id/$").asText());
        assertEquals("1001", json.get("doc").get("item.id").get("$").asText());

        billmgr.settings().setOkAsEmptyObject(false).setBothIdAndItemId(false);
        JsonNode second = api.client("func", "v2.vds.order.param", "pricelist", "6", "skipbasket", "on",
                "sok", "ok", "out", "json").json();
        assertEquals("", second.at("/doc/ok/$").asText());
        assertTrue(second.at("/doc/ok").has("$"));
        assertFalse(second.get("doc").has("item.id"));
        assertEquals("1002", second.at("/doc/id/$").asText());
    }

    @Test
    void prolongNestsDocDocPerSetting() {
        SimService vds = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        JsonNode nested = api.client("func", "service.prolong", "elid", "" + vds.id(), "period", "1",
                "skipbasket", "on", "sok", "ok", "out", "json").json();
        assertEquals("2025-03-15", nested.at("/doc/doc/newexpiredate/$").asText(), nested.toString());
        assertTrue(nested.at("/doc/ok").isObject());

        billmgr.settings().getNestDocFuncs().clear();
        SimClient.Response flat = api.client("func", "service.prolong", "elid", "" + vds.id(), "period", "1",
                "skipbasket", "on", "sok", "ok");
        assertEquals("2025-04-15", flat.x("/doc/newexpiredate"));
        assertEquals(0, flat.count("/doc/doc"));
    }

    @Test
    void errorShapeInXmlAndJson() {
        SimClient.Response xml = api.client("func", "vds.edit", "elid", "999");
        assertEquals(200, xml.status());
        assertEquals("missed", xml.errorType());
        assertEquals("elid", xml.errorObject());
        assertEquals("999", xml.x("/doc/error/param[@name='value']"));
        assertEquals("elid", xml.x("/doc/error/param[@name='object']"));
        assertFalse(xml.x("/doc/error/msg").isBlank());
        assertFalse(xml.x("/doc/error/group").isBlank());

        JsonNode json = api.client("func", "vds.edit", "elid", "999", "out", "json").json();
        assertEquals("missed", json.at("/doc/error/$type").asText());
        assertEquals("elid", json.at("/doc/error/$object").asText());
        assertTrue(json.at("/doc/error/param").isArray());
        assertFalse(json.at("/doc/error/msg/$").asText().isBlank());
    }

    @Test
    void unknownFunctionIsMissedWithTheNameAsObject() {
        SimClient.Response r = api.client("func", "no.such.func");
        assertEquals("missed", r.errorType());
        assertEquals("no.such.func", r.errorObject());
        assertTrue(r.x("/doc/error/msg").contains("no.such.func"));
    }

    @Test
    void servesThreePathsAndRejectsOthersWith404Html() {
        for (String path : List.of("/billmgr", "/manager/billmgr", "/")) {
            SimClient.Response r = api.postTo(path, "func", "whoami", "authinfo", SimClient.CLIENT_AUTHINFO);
            assertEquals(BillmgrSimulator.CLIENT_USER, r.x("/doc/user"), path);
        }
        SimClient.Response notFound = api.get("/ispmgr", "func", "whoami");
        assertEquals(404, notFound.status());
        assertTrue(notFound.contentType().startsWith("text/html"));
    }

    @Test
    void getMultipartAndParametersSplitBetweenUrlAndBody() {
        SimClient.Response get = api.get("/billmgr", "func", "whoami", "authinfo", SimClient.CLIENT_AUTHINFO);
        assertEquals(BillmgrSimulator.CLIENT_USER, get.x("/doc/user"));

        SimClient.Response multipart = api.multipart("/manager/billmgr", "func", "whoami", "out", "json",
                "authinfo", SimClient.CLIENT_AUTHINFO);
        assertEquals(BillmgrSimulator.CLIENT_USER, multipart.json().at("/doc/user/$").asText());

        SimClient.Response split = api.postTo("/billmgr?func=whoami&out=json",
                "authinfo", SimClient.CLIENT_AUTHINFO);
        assertEquals("16", split.json().at("/doc/user/$level").asText());
        RecordedRequest recorded = billmgr.simulator().requests().get(2);
        assertEquals("whoami", recorded.func());
        assertEquals("func=whoami&out=json", recorded.rawQuery());
        assertTrue(recorded.contentType().startsWith("application/x-www-form-urlencoded"));
        assertEquals(List.of("json"), recorded.params().get("out"));
    }

    @Test
    void repeatedParameterLastWinsOrFirstPerSetting() {
        SimService dedic = billmgr.state().addService(SimService.builder("dedic", BillmgrSimulator.CLIENT_USER)
                .pricelistId(20));
        api.client("func", "dedic.edit", "elid", "" + dedic.id(), "addon_26", "2", "addon_26", "4", "sok", "ok");
        assertEquals("4", billmgr.state().service(dedic.id()).orElseThrow().addons().get(26));

        billmgr.settings().setRepeatedParam(SimSettings.RepeatedParam.FIRST);
        api.client("func", "dedic.edit", "elid", "" + dedic.id(), "addon_26", "3", "addon_26", "5", "sok", "ok");
        assertEquals("3", billmgr.state().service(dedic.id()).orElseThrow().addons().get(26));
    }

    @Test
    void everyRequestIsRecordedEvenRefusedOnesAndJsonContentTypeIsConfigurable() {
        billmgr.simulator().clearRequests();
        api.post("func", "vds");
        api.get("/nowhere");
        List<RecordedRequest> requests = billmgr.simulator().requests();
        assertEquals(2, requests.size());
        assertEquals("POST", requests.get(0).method());
        assertEquals("/nowhere", requests.get(1).path());
        assertTrue(requests.get(0).header("Content-Type").startsWith("application/x-www-form-urlencoded"));

        billmgr.settings().setJsonContentType("text/plain");
        assertEquals("text/plain", api.client("func", "whoami", "out", "json").contentType());
    }
}

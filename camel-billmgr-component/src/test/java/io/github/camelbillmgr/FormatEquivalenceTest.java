package io.github.camelbillmgr;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same reply read from xml and from json gives the same normalised tree, for every kind of document the
 * simulator renders; and the BILLmanager 5 and Dragon variants of an order send what the seed documents describe.
 */
class FormatEquivalenceTest extends BillmgrTestSupport {

    @ParameterizedTest
    @ValueSource(strings = { "whoami", "dashboard.info", "vds", "v2.vds.order.pricelist", "platform.order.pricelist",
            "service.history", "vds.edit", "v2.vds.order.param", "no.such.func" })
    void xmlAndJsonGiveTheSameTree(String func) {
        long id = orderVds("remoteId=same-tree");
        Map<String, Object> params = Map.of(BillmgrConstants.PARAMS,
                func.endsWith("order.param") ? Map.of("pricelist", "6") : Map.of());
        Map<String, Object> headers = func.equals("service.history") || func.equals("vds.edit")
                ? Map.of(BillmgrConstants.SERVICE_ID, id, BillmgrConstants.PARAMS, Map.of())
                : params;
        JsonNode json = call("billmgr:func/" + func + "?format=json&throwExceptionOnFailure=false", headers,
                JsonNode.class);
        JsonNode xml = call("billmgr:func/" + func + "?format=xml&throwExceptionOnFailure=false", headers,
                JsonNode.class);
        assertEquals(json, xml, () -> "json:\n" + json.toPrettyString() + "\nxml:\n" + xml.toPrettyString());
        assertTrue(json.has("doc"));
        assertFalse(json.get("doc").isEmpty(), json::toString);
    }

    @Test
    void bm5OrderUsesTheClassicFuncAndPeriod() {
        BillmgrOrderResult r = call("billmgr:vds/order?apiVersion=5&pricelist=6&period=1", null,
                BillmgrOrderResult.class);
        assertEquals("vds.order.param", r.getFunc());
        RecordedRequest sent = last("vds.order.param");
        assertEquals("1", sent.param("period"));
        assertEquals(null, sent.param("order_period"));
        assertEquals(2, service(r.getServiceId()).status());
    }

    @Test
    void dragonCartOrderLooksLikeTheWebInterface() {
        BillmgrOrderResult r = call("billmgr:vds/order?pricelist=6&period=1&skipBasket=false&dragonCart=true", null,
                BillmgrOrderResult.class);
        assertTrue(r.isInCart());
        RecordedRequest sent = last("v2.vds.order.param");
        assertEquals("Web-interface", sent.header("ISP-Client"));
        assertEquals("dragon", sent.param("theme"));
        assertEquals("on", sent.param("licence_agreement"));
        assertEquals(1, simulator.state().dragonCartItems(BillmgrSimulator.CLIENT_USER).size());
        assertTrue(simulator.state().cartItems(BillmgrSimulator.CLIENT_USER).isEmpty());
    }

    private RecordedRequest last(String func) {
        var all = simulator.requests();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (func.equals(all.get(i).func())) {
                return all.get(i);
            }
        }
        throw new AssertionError("no " + func);
    }
}

package io.github.camelbillmgr.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 (5): the catalogue in {@code out=xjson} as a web-UI scraper reads it: {@code slist} and {@code list} are
 * arrays picked by {@code $name}, tariff rows carry datacenter, description, detail[] and prices.price[], and
 * {@code keyvalue=<pricelist>_<datacenter>} selects the data centre.
 */
class CatalogueXjsonTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final SimClient api = new SimClient(billmgr.simulator());

    private static JsonNode named(JsonNode array, String name) {
        assertTrue(array.isArray(), "not an array: " + array);
        for (JsonNode node : array) {
            if (name.equals(node.path("$name").asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    @Test
    void pricelistRowsAsAScraperReadsThem() {
        for (String out : List.of("xjson", "sjson")) {
            JsonNode doc = api.get("/billmgr", "func", "v2.vds.order.pricelist", "out", out, "sfrom", "ajax",
                    "authinfo", SimClient.CLIENT_AUTHINFO).json().path("doc");
            List<String> dcs = new ArrayList<>();
            named(doc.path("slist"), "datacenter").path("val").forEach(v -> dcs.add(v.path("$key").asText()));
            assertEquals(List.of("1", "2"), dcs, out);
            JsonNode elems = named(doc.path("list"), "pricelist").path("elem");
            assertTrue(elems.isArray(), out);
            JsonNode vds1 = elems.get(0);
            assertEquals("6", text(vds1, "id", out));
            assertEquals("VDS-1", text(vds1, "title", out));
            assertTrue(text(vds1, "description", out).startsWith("VDS-1"), out);
            JsonNode dc = out.equals("sjson") ? vds1.path("datacenter").get(0) : vds1.path("datacenter");
            assertEquals("1", text(dc, "id", out));
            JsonNode value = out.equals("sjson") ? dc.path("value").get(0) : dc.path("value");
            assertEquals("Moscow", value.path("$").asText(), out);
            assertTrue(value.path("$img").isTextual(), out);
            JsonNode details = vds1.path("detail");
            assertTrue(details.isArray() && details.size() == 3, out + ": " + details);
            assertEquals("RAM, MB", text(details.get(0), "name", out));
            JsonNode prices = out.equals("sjson") ? vds1.path("prices").get(0).path("price") : vds1.at("/prices/price");
            assertTrue(prices.isArray() && prices.size() == 4, out);
            assertEquals("5.00", text(prices.get(0), "cost", out));
            assertEquals("EUR", text(prices.get(0), "currency", out));
        }
    }

    private static String text(JsonNode node, String field, String out) {
        JsonNode value = node.path(field);
        return (out.equals("sjson") ? value.get(0) : value).path("$").asText();
    }

    @Test
    void oneOfEachIsStillAnArrayInXjsonButNotInJson() {
        // one tariff offered in Amsterdam among the dedicated servers: Dedic-L
        JsonNode xjson = api.client("func", "v2.dedic.order.pricelist", "datacenter", "2", "out", "xjson").json();
        assertTrue(xjson.at("/doc/slist").isArray(), xjson.toString());
        assertTrue(xjson.at("/doc/list").isArray(), xjson.toString());
        JsonNode elems = named(xjson.at("/doc/list"), "pricelist").path("elem");
        assertTrue(elems.isArray() && elems.size() == 1, elems.toString());
        assertEquals("21", elems.get(0).at("/id/$").asText());

        JsonNode json = api.client("func", "v2.dedic.order.pricelist", "datacenter", "2", "out", "json").json();
        assertTrue(json.at("/doc/list").isObject(), json.toString());
        assertTrue(json.at("/doc/list/elem").isObject(), json.toString());
    }

    @Test
    void keyvalueSelectsTheDatacentre() {
        JsonNode rows = named(api.client("func", "v2.vds.order.pricelist", "keyvalue", "7_2", "out", "xjson").json()
                .at("/doc/list"), "pricelist").path("elem");
        assertEquals("2", rows.get(0).at("/datacenter/id/$").asText());
        assertEquals("Amsterdam", rows.get(0).at("/datacenter/value/$").asText());

        SimClient.Response form = api.get("/billmgr", "func", "v2.vds.order.param", "period_7", "1",
                "keyvalue", "7_2", "sfrom", "ajax", "out", "xjson", "authinfo", SimClient.CLIENT_AUTHINFO);
        JsonNode doc = form.json().path("doc");
        assertEquals("7", doc.at("/pricelist/$").asText(), form.body());
        assertEquals("2", doc.at("/datacenter/$").asText(), form.body());
        List<String> templates = new ArrayList<>();
        named(doc.path("slist"), "ostempl").path("val").forEach(v -> templates.add(v.path("$key").asText()));
        assertEquals(3, templates.size());
    }
}

package io.github.camelbillmgr.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.doc.JsonConverter;
import io.github.camelbillmgr.simulator.doc.XmlRenderer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonConverterTest {

    private static JsonNode convert(Element doc, boolean emptyAsObject, boolean sjson) {
        return new JsonConverter(emptyAsObject, sjson).toJson(doc);
    }

    @Test
    void collapsesOneElementAndArraysSeveralAndOmitsNone() {
        Element one = Element.doc();
        one.child("elem").field("id", 7);
        Element two = Element.doc();
        two.child("elem").field("id", 1);
        two.child("elem").field("id", 2);
        Element none = Element.doc().field("p_elems", 0);

        assertTrue(convert(one, true, false).at("/doc/elem").isObject());
        assertEquals("7", convert(one, true, false).at("/doc/elem/id/$").asText());
        assertTrue(convert(two, true, false).at("/doc/elem").isArray());
        assertEquals("2", convert(two, true, false).at("/doc/elem/1/id/$").asText());
        assertFalse(convert(none, true, false).get("doc").has("elem"));
    }

    @Test
    void attributesSitBesideTheTextAndDottedNamesStay() {
        Element doc = Element.doc();
        doc.child("auth").attr("id", "abc").attr("level", "16").text("abc");
        doc.field("item.id", 1001);
        JsonNode json = convert(doc, true, false);
        assertEquals("abc", json.at("/doc/auth/$id").asText());
        assertEquals("16", json.at("/doc/auth/$level").asText());
        assertEquals("abc", json.at("/doc/auth/$").asText());
        assertEquals("1001", json.get("doc").get("item.id").get("$").asText());
    }

    @Test
    void emptyElementFollowsTheSetting() {
        Element doc = Element.doc().marker("ok");
        assertEquals("{}", convert(doc, true, false).at("/doc/ok").toString());
        assertEquals("{\"$\":\"\"}", convert(doc, false, false).at("/doc/ok").toString());
    }

    @Test
    void sjsonMakesEveryChildAnArray() {
        Element doc = Element.doc();
        doc.child("elem").field("balance", "1.00 EUR");
        JsonNode json = convert(doc, true, true);
        assertEquals("1.00 EUR", json.at("/doc/elem/0/balance/0/$").asText());
    }

    @Test
    void servedBytesAreTheTreeSerialised() throws Exception {
        Element doc = Element.doc();
        doc.child("auth").attr("id", "abc").attr("level", "16").text("abc");
        doc.field("item.id", 1001).field("text", "quotes \" and \\ and \u00e9\u4e2d \n < & >").marker("ok");
        Element list = doc.child("list");
        for (int i = 0; i < 40; i++) {
            Element elem = doc.child("elem");
            elem.field("id", i).field("name", "vds" + i);
            if (i % 3 == 0) {
                elem.child("addon").text("a").attr("k", "v");
                elem.child("addon").text("b");
            }
            list.child("elem").field("id", i);
        }
        doc.child("elem").marker("empty");
        Element few = Element.doc();
        few.child("a").text("1");
        few.child("b").text("2");
        few.child("a").text("3");
        few.marker("c");
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Element root : java.util.List.of(doc, few, Element.doc(), Element.doc().marker("ok"))) {
            for (JsonConverter converter : java.util.List.of(new JsonConverter(true, false),
                    new JsonConverter(false, false), new JsonConverter(true, true),
                    new JsonConverter(true, false, java.util.Set.of("auth", "list/elem")))) {
                String tree = mapper.writeValueAsString(converter.toJson(root));
                assertEquals(tree, new String(converter.toBytes(root), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void xmlEscapesAndDeclares() {
        Element doc = Element.doc();
        doc.child("val").attr("key", "a\"b").text("x < y & z");
        String xml = XmlRenderer.render(doc);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
        assertTrue(xml.contains("<val key=\"a&quot;b\">x &lt; y &amp; z</val>"), xml);
    }
}

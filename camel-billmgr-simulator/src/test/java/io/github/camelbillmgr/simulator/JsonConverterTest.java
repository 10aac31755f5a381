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
    void xmlEscapesAndDeclares() {
        Element doc = Element.doc();
        doc.child("val").attr("key", "a\"b").text("x < y & z");
        String xml = XmlRenderer.render(doc);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
        assertTrue(xml.contains("<val key=\"a&quot;b\">x &lt; y &amp; z</val>"), xml);
    }
}

package io.github.camelbillmgr.internal.reply;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrFormat;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentReaderTest {

    private final DocumentReader reader = new DocumentReader(new ObjectMapper());

    private ObjectNode read(String body, BillmgrFormat format) throws Exception {
        return reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), format);
    }

    @Test
    void singleElemIsAnArrayFromXmlAndJson() throws Exception {
        ObjectNode xml = read("<?xml version=\"1.0\" encoding=\"UTF-8\"?><doc><elem><id>7</id><status>2</status></elem>"
                + "<p_elems>1</p_elems></doc>", BillmgrFormat.xml);
        ObjectNode json = read("{\"doc\":{\"elem\":{\"id\":{\"$\":\"7\"},\"status\":{\"$\":\"2\"}},"
                + "\"p_elems\":{\"$\":\"1\"}}}", BillmgrFormat.json);
        assertEquals(xml, json);
        assertTrue(xml.at("/doc/elem").isArray());
        assertEquals("7", xml.at("/doc/elem/0/id/$").asText());
    }

    @Test
    void rootAttributesAreIgnoredInBothFormats() throws Exception {
        ObjectNode xml = read("<doc lang=\"en\" func=\"vds\"><p_elems>0</p_elems></doc>", BillmgrFormat.xml);
        ObjectNode json = read("{\"doc\":{\"$lang\":\"en\",\"$func\":\"vds\",\"p_elems\":{\"$\":\"0\"}}}",
                BillmgrFormat.json);
        assertEquals(xml, json);
        assertFalse(json.get("doc").has("$lang"));
    }

    @Test
    void absentListHasNoKeyInBothFormats() throws Exception {
        ObjectNode xml = read("<doc><p_elems>0</p_elems></doc>", BillmgrFormat.xml);
        ObjectNode json = read("{\"doc\":{\"p_elems\":{\"$\":\"0\"}}}", BillmgrFormat.json);
        assertEquals(xml, json);
        assertFalse(xml.get("doc").has("elem"));
    }

    @Test
    void attributesDottedKeysAndNestedDoc() throws Exception {
        String xmlBody = "<doc lang=\"en\"><auth id=\"SID1\" level=\"16\">SID1</auth><item.id>12</item.id><ok/>"
                + "<doc><newexpiredate>2027-01-31</newexpiredate></doc></doc>";
        String jsonBody = "{\"doc\":{\"auth\":{\"$id\":\"SID1\",\"$level\":\"16\",\"$\":\"SID1\"},"
                + "\"item.id\":{\"$\":\"12\"},\"ok\":{},"
                + "\"doc\":{\"newexpiredate\":{\"$\":\"2027-01-31\"}}}}";
        ObjectNode xml = read(xmlBody, BillmgrFormat.xml);
        ObjectNode json = read(jsonBody, BillmgrFormat.json);
        assertEquals(xml, json);
        JsonNode doc = Nodes.doc(xml);
        assertEquals("SID1", Nodes.attr(doc.get("auth"), "id"));
        assertEquals("12", Nodes.text(doc, "item.id"));
        assertEquals("2027-01-31", Nodes.text(doc.get("doc"), "newexpiredate"));
        assertTrue(doc.get("ok").isObject());
    }

    @Test
    void slistWithOneValIsAnArray() throws Exception {
        String json = "{\"doc\":{\"slist\":[{\"$name\":\"ostempl\",\"val\":[{\"$key\":\"U\",\"$\":\"Ubuntu\"},"
                + "{\"$key\":\"D\",\"$\":\"Debian\"}]},{\"$name\":\"recipe\",\"val\":{\"$key\":\"lamp\","
                + "\"$depend\":\"U\",\"$\":\"LAMP\"}}]}}";
        String xml = "<doc><slist name=\"ostempl\"><val key=\"U\">Ubuntu</val><val key=\"D\">Debian</val></slist>"
                + "<slist name=\"recipe\"><val key=\"lamp\" depend=\"U\">LAMP</val></slist></doc>";
        ObjectNode a = read(json, BillmgrFormat.json);
        ObjectNode b = read(xml, BillmgrFormat.xml);
        assertEquals(a, b);
        JsonNode recipe = Nodes.named(Nodes.doc(a), "slist", "recipe");
        assertEquals(1, recipe.get("val").size());
        assertEquals("U", Nodes.attr(recipe.get("val").get(0), "depend"));
    }

    @Test
    void errorParamAsSingleObjectOrArray() throws Exception {
        String xml = "<doc><error type=\"value\" object=\"period\" lang=\"en\"><param name=\"object\">period</param>"
                + "<msg>The 'period' field has invalid value</msg></error></doc>";
        String json = "{\"doc\":{\"error\":{\"$type\":\"value\",\"$object\":\"period\",\"$lang\":\"en\","
                + "\"param\":{\"$name\":\"object\",\"$\":\"period\"},"
                + "\"msg\":{\"$\":\"The 'period' field has invalid value\"}}}}";
        ObjectNode a = read(xml, BillmgrFormat.xml);
        assertEquals(a, read(json, BillmgrFormat.json));
        JsonNode error = ErrorMapper.error(a);
        assertEquals("value", Nodes.attr(error, "type"));
        assertEquals(1, error.get("param").size());
    }

    @Test
    void rowsAreStreamedAndNotKept() throws Exception {
        StringBuilder sb = new StringBuilder("{\"doc\":{\"p_num\":{\"$\":\"1\"},\"elem\":[");
        for (int i = 1; i <= 500; i++) {
            sb.append(i > 1 ? "," : "").append("{\"id\":{\"$\":\"").append(i).append("\"}}");
        }
        sb.append("],\"p_elems\":{\"$\":\"500\"}}}");
        List<String> ids = new ArrayList<>();
        ObjectNode doc = reader.read(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)),
                BillmgrFormat.json, row -> ids.add(Nodes.text(row, "id")));
        assertEquals(500, ids.size());
        assertEquals("500", ids.get(499));
        assertFalse(doc.get("doc").has("elem"));
        assertEquals("500", Nodes.text(Nodes.doc(doc), "p_elems"));

        List<String> xmlIds = new ArrayList<>();
        reader.read(new ByteArrayInputStream("<doc><elem><id>1</id></elem><elem><id>2</id></elem></doc>"
                .getBytes(StandardCharsets.UTF_8)), BillmgrFormat.xml, row -> xmlIds.add(Nodes.text(row, "id")));
        assertEquals(List.of("1", "2"), xmlIds);
    }

    @Test
    void htmlTruncatedAndForeignBodiesAreNotDocuments() {
        assertThrows(DocumentReader.NotADocumentException.class,
                () -> read("<html><body>502 Bad Gateway</body></html>", BillmgrFormat.xml));
        assertThrows(DocumentReader.NotADocumentException.class,
                () -> read("<html><body>502 Bad Gateway</body></html>", BillmgrFormat.json));
        assertThrows(DocumentReader.NotADocumentException.class,
                () -> read("{\"doc\":{\"elem\":[{\"id\":{\"$\":\"1\"}", BillmgrFormat.json));
        assertThrows(DocumentReader.NotADocumentException.class,
                () -> read("<doc><elem><id>1</id>", BillmgrFormat.xml));
        assertThrows(DocumentReader.NotADocumentException.class, () -> read("{\"result\":1}", BillmgrFormat.json));
        assertThrows(DocumentReader.NotADocumentException.class, () -> read("", BillmgrFormat.json));
        assertThrows(DocumentReader.NotADocumentException.class, () -> read("", BillmgrFormat.xml));
    }

    @Test
    void xmlExternalEntitiesAreRefused() {
        String xxe
                = "<?xml version=\"1.0\"?><!DOCTYPE doc [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><doc><a>&x;</a></doc>";
        assertThrows(Exception.class, () -> {
            ObjectNode n = read(xxe, BillmgrFormat.xml);
            if (!n.toString().contains("root:")) {
                throw new IllegalStateException("entity not expanded: " + n);
            }
        });
    }
}

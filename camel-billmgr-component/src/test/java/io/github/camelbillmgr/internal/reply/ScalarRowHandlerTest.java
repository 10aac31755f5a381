package io.github.camelbillmgr.internal.reply;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbillmgr.BillmgrFormat;
import io.github.camelbillmgr.model.BillmgrService;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * List rows read straight from the parser into their columns ({@link ScalarRowHandler}) map to the same services as
 * the same rows read as trees and mapped, odd rows included, and stay under the same value budget.
 */
class ScalarRowHandlerTest {

    private final DocumentReader reader = new DocumentReader(new ObjectMapper());

    private List<Map<String, String>> viaTree(String body, BillmgrFormat format) throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        reader.read(in(body), format, row -> out.add(new LinkedHashMap<>(Nodes.scalars(row))));
        return out;
    }

    private List<Map<String, String>> viaColumns(String body, BillmgrFormat format) throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        reader.read(in(body), format, (ScalarRowHandler) row -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                m.put(row.key(i), row.value(i));
            }
            out.add(m);
        });
        return out;
    }

    private static ByteArrayInputStream in(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oddJsonRowsGiveTheSameColumnsAsTheirTrees() throws Exception {
        String body = "{\"doc\":{\"elem\":[{\"$attr\":\"x\",\"id\":{\"$\":\"1\"},\"n\":42,\"f\":1.5,\"b\":true,"
                + "\"z\":null,\"s\":\"bare\",\"a\":[{\"$\":\"1\"}],\"val\":{\"$\":\"collection\"},"
                + "\"nested\":{\"x\":{\"$\":\"1\"}},\"attrs\":{\"$k\":\"v\",\"$\":\"text\"},\"empty\":{},"
                + "\"dup\":{\"$\":\"first\"},\"struct\":{\"$\":{\"in\":1}},\"dup\":{\"$\":\"second\"},"
                + "\"numtext\":{\"$\":7}},{\"id\":{\"$\":\"2\"}}]}}";
        List<Map<String, String>> tree = viaTree(body, BillmgrFormat.json);
        assertEquals(tree, viaColumns(body, BillmgrFormat.json));
        assertEquals(List.of("id", "n", "f", "b", "z", "s", "attrs", "empty", "dup", "struct", "numtext"),
                List.copyOf(tree.get(0).keySet()));
        assertEquals("second", tree.get(0).get("dup"));
    }

    @Test
    void oddXmlRowsGiveTheSameColumnsAsTheirTrees() throws Exception {
        String body = "<doc><elem a=\"x\">row text<id>1</id><rep>1</rep><blank>  </blank><rep>2</rep>"
                + "<val>collection</val><nested><x>1</x></nested><attrs k=\"v\">text</attrs><empty/>"
                + "<mixed>a<![CDATA[b]]>c</mixed><after>3</after></elem><elem><id>2</id></elem></doc>";
        List<Map<String, String>> tree = viaTree(body, BillmgrFormat.xml);
        assertEquals(tree, viaColumns(body, BillmgrFormat.xml));
        assertEquals(List.of("id", "blank", "attrs", "empty", "mixed", "after"), List.copyOf(tree.get(0).keySet()));
        assertEquals("abc", tree.get(0).get("mixed"));
    }

    @Test
    void rowsThatChangeShapeFromRowToRowGiveTheSameColumnsAsTheirTrees() throws Exception {
        // each row is read with what the previous one had at the same positions: a row that differs must not be read
        // as its predecessor
        String body = "{\"doc\":{\"elem\":["
                + "{\"id\":{\"$\":\"1\"},\"status\":{\"$\":\"2\"},\"val\":{\"$\":\"c\"},\"domain\":{\"$\":\"a.example\"}},"
                + "{\"id\":{\"$\":\"2\"},\"status\":{\"$\":\"2\"},\"val\":{\"$\":\"c\"},\"domain\":{\"$\":\"b.example\"}},"
                + "{\"status\":{\"$\":\"2\"},\"id\":{\"$\":\"3\"},\"domain\":{\"$\":\"b.example\"}},"
                + "{\"status\":{\"$\":\"22\"},\"id\":{\"$\":\"4\"},\"status\":{\"$\":\"5\"},\"x\":{\"$\":\"\"}},"
                + "{\"status\":\"5\",\"id\":\"5\",\"val\":{\"$\":\"5\"},\"x\":{\"$\":\"5\"}},"
                + "{\"status\":{\"$\":5},\"id\":{\"$\":\"6\"},\"domain\":{\"$\":\"5\",\"sub\":{\"$\":\"1\"}}},"
                + "{},{\"id\":{\"$\":\"8\"},\"status\":{\"$\":\"3\"}}]}}";
        List<Map<String, String>> tree = viaTree(body, BillmgrFormat.json);
        List<Map<String, String>> columns = viaColumns(body, BillmgrFormat.json);
        assertEquals(tree, columns);
        assertEquals(8, columns.size());
        assertEquals(List.of("status", "id", "x"), List.copyOf(columns.get(3).keySet()));
        assertEquals("5", columns.get(3).get("status"));
        assertEquals(Map.of("status", "5", "id", "5", "x", "5"), columns.get(4));
        assertEquals(Map.of("status", "5", "id", "6"), columns.get(5));
        assertEquals(Map.of(), columns.get(6));
        // a text repeated at the same position is the same String, not a copy per row
        assertSame(columns.get(0).get("status"), columns.get(1).get("status"));
    }

    @Test
    void theSameServicesEitherWay() throws Exception {
        String body
                = "{\"doc\":{\"elem\":[{\"id\":{\"$\":\"7\"},\"status\":{\"$\":\"2\"},\"cost\":{\"$\":\"5.00 EUR\"},"
                        + "\"expiredate\":{\"$\":\"2027-02-30\"}},{\"id\":{\"$\":\"8\"},\"expiredate\":"
                        + "{\"$\":\"2027-01-31 10:00\"},\"autoprolong\":{\"$\":\"3\"}}]}}";
        List<BillmgrService> tree = new ArrayList<>();
        reader.read(in(body), BillmgrFormat.json, row -> tree.add(ServiceMapper.map("vds", row, new PageValues())));
        List<BillmgrService> columns = new ArrayList<>();
        PageValues page = new PageValues();
        reader.read(in(body), BillmgrFormat.json,
                (ScalarRowHandler) row -> columns.add(ServiceMapper.map("vds", row, page)));
        assertEquals(tree, columns);
        assertEquals(null, columns.get(0).getExpireDate());
        assertEquals("2027-01-31", columns.get(1).getExpireDate().toString());
    }

    @Test
    void aRowPastTheValueBudgetIsRefusedInBothFormats() {
        StringBuilder json = new StringBuilder("{\"doc\":{\"elem\":[{");
        StringBuilder xml = new StringBuilder("<doc><elem>");
        for (int i = 0; i < 200; i++) {
            json.append(i > 0 ? "," : "").append("\"c").append(i).append("\":{\"$\":\"v\"}");
            xml.append("<c").append(i).append(">v</c").append(i).append('>');
        }
        json.append("}]}}");
        xml.append("</elem></doc>");
        DocumentReader small = new DocumentReader(new ObjectMapper(), 100 * DocumentReader.BYTES_PER_VALUE);
        for (var c : List.of(Map.entry(json.toString(), BillmgrFormat.json), Map.entry(xml.toString(),
                BillmgrFormat.xml))) {
            var e = assertThrows(DocumentReader.NotADocumentException.class,
                    () -> small.read(in(c.getKey()), c.getValue(), (ScalarRowHandler) row -> {
                    }));
            assertTrue(e.getMessage().contains("in one list row"), e.getMessage());
        }
    }
}

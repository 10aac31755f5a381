package io.github.camelbillmgr.internal.reply;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbillmgr.BillmgrFormat;
import io.github.camelbillmgr.model.BillmgrService;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The compact columns of a service, and what the rows of one page share. */
class PageValuesTest {

    private static JsonNode rows(String json) throws Exception {
        return new DocumentReader(new ObjectMapper())
                .read(new ByteArrayInputStream(("{\"doc\":{\"elem\":" + json + "}}").getBytes(StandardCharsets.UTF_8)),
                        BillmgrFormat.json)
                .at("/doc/elem");
    }

    @Test
    void rowsOfAPageShareTheirColumnNamesAndRepeatedValuesButNotTheirOwn() throws Exception {
        JsonNode page = rows("[{\"id\":{\"$\":\"1\"},\"status\":{\"$\":\"2\"},\"cost\":{\"$\":\"1 500.00 RUB\"}},"
                + "{\"id\":{\"$\":\"2\"},\"status\":{\"$\":\"2\"},\"cost\":{\"$\":\"1 500.00 RUB\"}}]");
        PageValues shared = new PageValues();
        BillmgrService a = ServiceMapper.map("vds", page.get(0), shared);
        BillmgrService b = ServiceMapper.map("vds", page.get(1), shared);
        assertSame(a.getColumn("status"), b.getColumn("status"));
        assertSame(a.getCost(), b.getCost());
        assertEquals(new BigDecimal("1500.00"), b.getCost());
        assertEquals("RUB", b.getCurrency());
        assertNotSame(a.getColumn("id"), b.getColumn("id"));
        assertEquals(List.of("id", "status", "cost"), List.copyOf(b.getColumns().keySet()));
        assertEquals(2L, b.getId());
        // the same service as without sharing
        assertEquals(ServiceMapper.map("vds", page.get(1)), b);
    }

    @Test
    void typedColumnsOfAPageAreTheTypesOfEachRowsOwnText() throws Exception {
        // a text typed for one row is reused for the next only when it is the same text
        JsonNode page = rows("[{\"id\":{\"$\":\"1\"},\"status\":{\"$\":\"2\"},\"expiredate\":{\"$\":\"2027-01-01\"},"
                + "\"autoprolong\":{\"$\":\"1\"}},"
                + "{\"id\":{\"$\":\"2\"},\"status\":{\"$\":\"2\"},\"expiredate\":{\"$\":\"2027-01-01\"},"
                + "\"autoprolong\":{\"$\":\"1\"}},"
                + "{\"id\":{\"$\":\"3\"},\"status\":{\"$\":\"5\"},\"expiredate\":{\"$\":\"2028-02-29\"},"
                + "\"autoprolong\":{\"$\":\"off\"}},"
                + "{\"id\":{\"$\":\"4\"},\"expiredate\":{\"$\":\"0000-00-00\"},\"autoprolong\":{\"$\":\"3\"}},"
                + "{\"id\":{\"$\":\"5\"},\"status\":{\"$\":\"2\"},\"expiredate\":{\"$\":\"2027-01-01\"},"
                + "\"autoprolong\":{\"$\":\"1\"}}]");
        PageValues shared = new PageValues();
        for (int i = 0; i < page.size(); i++) {
            BillmgrService s = ServiceMapper.map("vds", page.get(i), shared);
            BillmgrService alone = ServiceMapper.map("vds", page.get(i));
            assertEquals(alone.getStatus(), s.getStatus(), "row " + i);
            assertEquals(alone.getExpireDate(), s.getExpireDate(), "row " + i);
            assertEquals(alone.getAutoprolong(), s.getAutoprolong(), "row " + i);
        }
        assertEquals(io.github.camelbillmgr.model.BillmgrServiceStatus.fromCode("5"),
                ServiceMapper.map("vds", page.get(2), shared).getStatus());
        assertNull(ServiceMapper.map("vds", page.get(3), shared).getStatus());
        assertEquals(3, ServiceMapper.map("vds", page.get(3), shared).getAutoprolong());
        assertEquals(java.time.LocalDate.of(2027, 1, 1), ServiceMapper.map("vds", page.get(4), shared).getExpireDate());
    }

    @Test
    void aColumnOfEverNewValuesIsKnownAsSuchOnTheListsNextPage() throws Exception {
        StringBuilder first = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            first.append(i > 0 ? "," : "").append("{\"id\":{\"$\":\"").append(i + 1)
                    .append("\"},\"status\":{\"$\":\"2\"},\"domain\":{\"$\":\"d").append(i).append("\"}}");
        }
        JsonNode page1 = rows(first.append(']').toString());
        JsonNode page2 = rows("[{\"id\":{\"$\":\"101\"},\"status\":{\"$\":\"2\"},\"domain\":{\"$\":\"same\"}},"
                + "{\"id\":{\"$\":\"102\"},\"status\":{\"$\":\"2\"},\"domain\":{\"$\":\"same\"}}]");
        PageValues values = new PageValues();
        for (JsonNode row : page1) {
            ServiceMapper.map("vds", row, values);
        }
        PageValues next = values.next();
        BillmgrService a = ServiceMapper.map("vds", page2.get(0), next);
        BillmgrService b = ServiceMapper.map("vds", page2.get(1), next);
        // domains were all new on page 1: not looked up on page 2; statuses still shared
        assertNotSame(a.getColumn("domain"), b.getColumn("domain"));
        assertSame(a.getColumn("status"), b.getColumn("status"));
        // a page of its own (the first of a list) shares the two equal domains
        PageValues alone = new PageValues();
        assertSame(ServiceMapper.map("vds", page2.get(0), alone).getColumn("domain"),
                ServiceMapper.map("vds", page2.get(1), alone).getColumn("domain"));
        assertEquals(ServiceMapper.map("vds", page2.get(1)), b);
    }

    @Test
    void columnsAreAnUnmodifiableMapInDocumentOrderEqualToAnyOther() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("id", "7");
        source.put("domain", "a.example.com");
        source.put("note", null);
        BillmgrService s = new BillmgrService("vds", 7L, null, null, null, null, null, null, source);
        source.put("id", "8");
        Map<String, String> columns = s.getColumns();
        assertEquals("7", columns.get("id"));
        assertEquals(Map.of("id", "7", "domain", "a.example.com").size() + 1, columns.size());
        assertEquals(List.of("id", "domain", "note"), List.copyOf(columns.keySet()));
        assertNull(columns.get("note"));
        assertNull(columns.get("missing"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "7");
        expected.put("domain", "a.example.com");
        expected.put("note", null);
        assertEquals(expected, columns);
        assertEquals(expected.hashCode(), columns.hashCode());
        assertThrows(UnsupportedOperationException.class, () -> columns.put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> columns.entrySet().iterator().next().setValue("9"));
    }
}

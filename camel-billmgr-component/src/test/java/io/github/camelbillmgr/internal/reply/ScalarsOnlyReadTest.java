package io.github.camelbillmgr.internal.reply;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrFormat;
import io.github.camelbillmgr.model.BillmgrService;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A details form read for its scalar fields only (what {@code get} maps to a service) gives the same columns, the same
 * service and the same error as the whole document read as a tree; the lists and choices it skips are not in it.
 */
class ScalarsOnlyReadTest {

    private final DocumentReader reader = new DocumentReader(new ObjectMapper());

    /** A vds.edit form in BILLmanager's JSON, with every odd shape a field can have at the top of the document. */
    private static final String FORM = "{\"doc\":{\"$lang\":\"en\",\"$func\":\"vds.edit\","
            + "\"elid\":{\"$\":\"1042\"},\"id\":{\"$\":\"1042\"},\"status\":{\"$\":\"2\"},"
            + "\"expiredate\":{\"$\":\"2027-03-01\"},\"autoprolong\":{\"$\":\"1\"},\"cost\":{\"$\":\"1 500.00 RUB\"},"
            + "\"domain\":\"bare.example\",\"n\":42,\"f\":1.5,\"b\":true,\"z\":null,"
            + "\"attrs\":{\"$k\":\"v\",\"$\":\"text\"},\"empty\":{},\"struct\":{\"$\":{\"in\":1}},\"numtext\":{\"$\":7},"
            + "\"slist\":[{\"$name\":\"ostempl\",\"val\":[{\"$key\":\"a\",\"$\":\"A\"},{\"$key\":\"b\",\"$\":\"B\"}]}],"
            + "\"list\":{\"$name\":\"ip\",\"elem\":[{\"ip\":{\"$\":\"10.0.0.1\"}},{\"ip\":{\"$\":\"10.0.0.2\"}}]},"
            + "\"val\":{\"$\":\"a collection of one\"},\"nested\":{\"x\":{\"$\":\"1\"},\"y\":[1,2]},"
            + "\"mixed\":{\"$\":\"text\",\"child\":{\"$\":\"c\"}},"
            + "\"dup1\":{\"$\":\"scalar first\"},\"dup1\":[{\"$\":\"then a structure\"}],"
            + "\"dup2\":{\"x\":{\"$\":\"structure first\"}},\"dup2\":{\"$\":\"then a scalar\"},"
            + "\"last\":{\"$\":\"after all of them\"}}}";

    private ObjectNode whole(String body) throws Exception {
        return reader.read(in(body), BillmgrFormat.json, null);
    }

    private ObjectNode scalars(String body) throws Exception {
        return reader.read(in(body), BillmgrFormat.json, null, true);
    }

    private static ByteArrayInputStream in(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameColumnsAndServiceAsTheWholeTree() throws Exception {
        JsonNode tree = Nodes.doc(whole(FORM));
        JsonNode flat = Nodes.doc(scalars(FORM));
        assertEquals(Nodes.scalars(tree), Nodes.scalars(flat));
        assertEquals(java.util.List.of("elid", "id", "status", "expiredate", "autoprolong", "cost", "domain", "n", "f",
                "b", "z", "attrs", "empty", "struct", "numtext", "dup2", "last"),
                java.util.List.copyOf(Nodes.scalars(flat).keySet()));
        BillmgrService fromTree = ServiceMapper.map("vds", tree);
        BillmgrService fromFlat = ServiceMapper.map("vds", flat);
        assertEquals(fromTree.getId(), fromFlat.getId());
        assertEquals(fromTree.getStatus(), fromFlat.getStatus());
        assertEquals(fromTree.getExpireDate(), fromFlat.getExpireDate());
        assertEquals(fromTree.getAutoprolong(), fromFlat.getAutoprolong());
        assertEquals(fromTree.getCost(), fromFlat.getCost());
        assertEquals(fromTree.getCurrency(), fromFlat.getCurrency());
        assertEquals(fromTree.getColumns(), fromFlat.getColumns());
        assertEquals(1042L, fromFlat.getId());
    }

    @Test
    void theListsAndChoicesAreSkipped() throws Exception {
        JsonNode flat = Nodes.doc(scalars(FORM));
        for (String skipped : new String[] { "slist", "list", "val", "nested", "mixed", "dup1" }) {
            assertFalse(flat.has(skipped), skipped);
            assertTrue(Nodes.doc(whole(FORM)).has(skipped), skipped);
        }
    }

    @Test
    void anErrorIsReadWhole() throws Exception {
        String body = "{\"doc\":{\"slist\":[{\"$name\":\"x\"}],\"error\":{\"$type\":\"missed\",\"$object\":\"elid\","
                + "\"param\":[{\"$name\":\"object\",\"$\":\"elid\"},{\"$name\":\"value\",\"$\":\"99\"}],"
                + "\"msg\":{\"$\":\"Service not found\"}}}}";
        JsonNode fromTree = ErrorMapper.error(whole(body));
        JsonNode fromFlat = ErrorMapper.error(scalars(body));
        assertNotNull(fromFlat);
        assertEquals(fromTree, fromFlat);
    }

    @Test
    void xmlGivesTheSameColumnsAndErrorEitherWay() throws Exception {
        String body = "<doc><id>7</id><slist name=\"x\"><val key=\"a\">A</val></slist><rep>1</rep><rep>2</rep>"
                + "<attrs k=\"v\">text</attrs><nested><x>1</x></nested><last>z</last></doc>";
        assertEquals(Nodes.scalars(Nodes.doc(reader.read(in(body), BillmgrFormat.xml, null))),
                Nodes.scalars(Nodes.doc(reader.read(in(body), BillmgrFormat.xml, null, true))));
        String error = "<doc><error type=\"missed\" object=\"elid\"><msg>Service not found</msg></error></doc>";
        assertEquals(ErrorMapper.error(reader.read(in(error), BillmgrFormat.xml, null)),
                ErrorMapper.error(reader.read(in(error), BillmgrFormat.xml, null, true)));
    }
}

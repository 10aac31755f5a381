package io.github.camelbillmgr.internal.reply;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrFormat;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XML replies read one after another on a thread, by one DocumentReader: nothing of one reply reaches the next, a DTD
 * is refused every time, and a reply read while another is open on the same thread (a row handler that calls again)
 * does not disturb it. (Guards any future reuse of StAX readers; the JDK's own reuse-instance leaked across documents.)
 */
class XmlReaderReuseTest {

    private final DocumentReader reader = new DocumentReader(new ObjectMapper());

    private ObjectNode read(String xml, DocumentReader.RowHandler rows) throws Exception {
        return reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), BillmgrFormat.xml, rows);
    }

    @Test
    void eachReplyIsReadOnItsOwnAfterGoodBadAndRefusedReplies() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals("1", read("<doc><a>1</a></doc>", null).at("/doc/a/$").asText());
            var dtd = assertThrows(DocumentReader.NotADocumentException.class,
                    () -> read("<!DOCTYPE doc [<!ENTITY x \"secret\">]><doc><b>&x;</b></doc>", null));
            assertTrue(dtd.getMessage().contains("DOCTYPE"), dtd.getMessage());
            assertThrows(DocumentReader.NotADocumentException.class, () -> read("<doc><a>cut", null));
            ObjectNode next = read("<doc><c>2</c></doc>", null);
            assertEquals("2", next.at("/doc/c/$").asText());
            assertTrue(next.path("doc").path("a").isMissingNode(), next.toString());
        }
    }

    @Test
    void theBodyIsLeftOpenForTheCallerWhoDrainsOrClosesIt() throws Exception {
        // the parser closes its own input to recycle its buffers; the body itself stays the caller's
        for (String xml : new String[] { "<doc><a>1</a></doc>",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><doc/>" }) {
            boolean[] closed = { false };
            ByteArrayInputStream body = new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            reader.read(body, BillmgrFormat.xml, null);
            assertTrue(!closed[0], xml);
        }
    }

    @Test
    void aReplyReadInsideARowHandlerDoesNotDisturbTheOuterOne() throws Exception {
        List<String> seen = new ArrayList<>();
        read("<doc><elem><id>1</id></elem><elem><id>2</id></elem><p_elems>2</p_elems></doc>", row -> {
            seen.add(row.at("/id/$").asText());
            seen.add(read("<doc><inner>" + row.at("/id/$").asText() + "</inner></doc>", null).at("/doc/inner/$")
                    .asText());
        });
        assertEquals(List.of("1", "1", "2", "2"), seen);
    }
}

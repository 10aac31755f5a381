package io.github.camelbillmgr.internal.reply;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrFormat;
import io.github.camelbillmgr.internal.reply.DocumentReader.NotADocumentException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@link DocumentReader} decodes an XML body: the charsets it finds, and bad bytes refused without a word. */
class XmlCharsetTest {

    private static final String DOC
            = "<doc><elem><id>1</id><name>\u0421\u0435\u0440\u0432\u0435\u0440 \uD83D\uDE80</name>"
                    + "</elem></doc>";
    private static final String NAME = "\u0421\u0435\u0440\u0432\u0435\u0440 \uD83D\uDE80";

    private final DocumentReader reader = new DocumentReader(new ObjectMapper());

    private ObjectNode read(byte[] body) throws Exception {
        return reader.read(new ByteArrayInputStream(body), BillmgrFormat.xml);
    }

    private static byte[] bytes(String s, Charset charset) {
        return s.getBytes(charset);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String name(ObjectNode doc) {
        return doc.at("/doc/elem/0/name/$").asText();
    }

    @Test
    void malformedUtf8IsRefusedWithoutPrintingToStandardError() throws Exception {
        // windows-1251 bytes sent as UTF-8: the JDK's parser, left to decode bytes itself, prints
        // "[Fatal Error] :-1:-1: Invalid byte 2 of 2-byte UTF-8 sequence." before throwing
        byte[] body = bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + DOC, Charset.forName("windows-1251"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        NotADocumentException e;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            e = assertThrows(NotADocumentException.class, () -> read(body));
        } finally {
            System.setErr(original);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals("the XML body is malformed or truncated: the bytes at offset 65 are not valid UTF-8",
                e.getMessage());
    }

    @Test
    void badBytesDeepInALongBodyAreFoundWhereTheyAre() {
        String rows = "<elem><id>1</id></elem>".repeat(10_000);
        byte[] body = concat(bytes("<doc>" + rows, StandardCharsets.UTF_8), new byte[] { (byte) 0xC3, 0x28 });
        NotADocumentException e = assertThrows(NotADocumentException.class, () -> read(body));
        assertTrue(e.getMessage().endsWith("the bytes at offset " + (5 + rows.length()) + " are not valid UTF-8"),
                e.getMessage());
    }

    @Test
    void utf8ThatTheParsersOwnDecoderWouldTakeIsRefusedWhereItIs() {
        // UTF-8 goes to the parser as bytes: an encoded surrogate (CESU-8) and an overlong '/' are well enough formed
        // for a lenient decoder, and must be refused with the strict decoder's message and offset
        byte[] surrogate = concat(bytes("<doc><a>", StandardCharsets.UTF_8),
                new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80, '<', '/', 'a', '>', '<', '/', 'd', 'o', 'c', '>' });
        NotADocumentException e = assertThrows(NotADocumentException.class, () -> read(surrogate));
        assertEquals("the XML body is malformed or truncated: the bytes at offset 8 are not valid UTF-8",
                e.getMessage());
        byte[] overlong = concat(bytes("<doc><a>x", StandardCharsets.UTF_8),
                new byte[] { (byte) 0xC0, (byte) 0xAF, '<', '/', 'a', '>', '<', '/', 'd', 'o', 'c', '>' });
        e = assertThrows(NotADocumentException.class, () -> read(overlong));
        assertEquals("the XML body is malformed or truncated: the bytes at offset 9 are not valid UTF-8",
                e.getMessage());
    }

    @Test
    void offsetsOfBadUtf8CountTheByteOrderMark() {
        byte[] body = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
                concat(bytes("<doc><a>", StandardCharsets.UTF_8), new byte[] { (byte) 0xFF, '<', '/', 'a', '>' }));
        NotADocumentException e = assertThrows(NotADocumentException.class, () -> read(body));
        assertEquals("the XML body is malformed or truncated: the bytes at offset 11 are not valid UTF-8",
                e.getMessage());
    }

    @Test
    void aSequenceCutShortAtTheEndIsRefused() {
        byte[] body = concat(bytes("<doc><a>x", StandardCharsets.UTF_8), new byte[] { (byte) 0xE2, (byte) 0x82 });
        NotADocumentException e = assertThrows(NotADocumentException.class, () -> read(body));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void unicodeWithAndWithoutByteOrderMarks() throws Exception {
        String decl = "<?xml version=\"1.0\" encoding=\"%s\"?>";
        assertEquals(NAME, name(read(bytes(DOC, StandardCharsets.UTF_8))));
        assertEquals(NAME, name(read(concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
                bytes(DOC, StandardCharsets.UTF_8)))));
        assertEquals(NAME, name(read(bytes("\uFEFF" + DOC, StandardCharsets.UTF_16BE))));
        assertEquals(NAME, name(read(bytes("\uFEFF" + DOC, StandardCharsets.UTF_16LE))));
        assertEquals(NAME, name(read(bytes(decl.formatted("UTF-16") + DOC, StandardCharsets.UTF_16BE))));
        assertEquals(NAME, name(read(bytes(decl.formatted("UTF-16") + DOC, StandardCharsets.UTF_16LE))));
        assertEquals(NAME, name(read(bytes("\uFEFF" + DOC, Charset.forName("UTF-32BE")))));
        assertEquals(NAME, name(read(bytes("\uFEFF" + DOC, Charset.forName("UTF-32LE")))));
        assertEquals(NAME, name(read(bytes(DOC, Charset.forName("UTF-32BE")))));
        assertEquals(NAME, name(read(bytes(DOC, Charset.forName("UTF-32LE")))));
    }

    @Test
    void aDeclaredSingleByteEncodingIsHonoured() throws Exception {
        String doc = "<doc><elem><id>1</id><name>\u0421\u0435\u0440\u0432\u0435\u0440</name></elem></doc>";
        assertEquals("\u0421\u0435\u0440\u0432\u0435\u0440", read(bytes(
                "<?xml version='1.0' encoding='windows-1251' standalone='yes'?>" + doc,
                Charset.forName("windows-1251"))).at("/doc/elem/0/name/$").asText());
        assertEquals("caf\u00e9",
                read(bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><doc><a>caf\u00e9</a></doc>",
                        StandardCharsets.ISO_8859_1)).at("/doc/a/$").asText());
    }

    @Test
    void anUnknownDeclaredEncodingIsNamed() {
        NotADocumentException e = assertThrows(NotADocumentException.class, () -> read(bytes(
                "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><doc/>", StandardCharsets.US_ASCII)));
        assertEquals("the XML body declares an encoding this reader does not support: 'x-no-such-charset'",
                e.getMessage());
    }

    @Test
    void aBrokenSurrogateInUtf16IsRefused() {
        byte[] body = concat(bytes("\uFEFF<doc><a>", StandardCharsets.UTF_16BE),
                new byte[] { (byte) 0xD8, 0x3D, 0, 'x' });
        NotADocumentException e = assertThrows(NotADocumentException.class, () -> read(body));
        assertTrue(e.getMessage().endsWith("the bytes at offset 18 are not valid UTF-16BE"), e.getMessage());
    }

    @Test
    void rowsStreamBeforeTheBodyEnds() {
        // an endless list: the reader must hand out rows as they come, not read the body first
        Enumeration<InputStream> endless = new Enumeration<>() {
            private boolean first = true;

            @Override
            public boolean hasMoreElements() {
                return true;
            }

            @Override
            public InputStream nextElement() {
                String part = first ? "<doc>" : "<elem><id>7</id></elem>";
                first = false;
                return new ByteArrayInputStream(part.getBytes(StandardCharsets.UTF_8));
            }
        };
        List<String> ids = new ArrayList<>();
        DocumentReader.RowHandlerException e = assertThrows(DocumentReader.RowHandlerException.class,
                () -> reader.read(new SequenceInputStream(endless), BillmgrFormat.xml, row -> {
                    ids.add(Nodes.text(row, "id"));
                    if (ids.size() == 3) {
                        throw new Exception("enough"); // checked: a RuntimeException would pass unwrapped
                    }
                }));
        assertEquals("enough", e.getCause().getMessage());
        assertEquals(List.of("7", "7", "7"), ids);
    }
}

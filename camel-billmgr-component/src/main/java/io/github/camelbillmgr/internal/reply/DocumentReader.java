package io.github.camelbillmgr.internal.reply;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrFormat;

/**
 * Reads a BILLmanager document, in {@code xml} or {@code json}, into one normalised tree: BILLmanager's own JSON shape
 * ({@code {"doc":{...}}}, scalars as {@code {"$":"text"}}, attributes as {@code "$name"}) with the known collections
 * ({@code elem}, {@code val}, {@code param}, {@code slist}, {@code list}, {@code price}) always arrays, however many
 * members they have, and repeated XML siblings always arrays. A nested {@code doc.doc} stays where it is.
 * <p>
 * The rows of a list ({@code elem} directly under {@code doc}) can be handed to a {@link RowHandler} one at a time
 * instead of being collected, so a list of any length is read in constant memory.
 */
public final class DocumentReader {

    /** Collections BILLmanager renders as a bare object when they have exactly one member. */
    static final Set<String> COLLECTIONS = Set.of("elem", "val", "param", "slist", "list", "price", "msg_param");

    /** Deeper XML is refused rather than read recursively into a stack overflow (Jackson refuses deep JSON itself). */
    static final int MAX_XML_DEPTH = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * One value held in memory per this many bytes of maxReplySize. A tree takes far more memory than the text it was
     * read from (a field of a few bytes costs a few hundred in a tree): bounding the bytes alone would let a reply of
     * tiny distinct fields within maxReplySize fill the heap, so the values held at once are bounded too.
     */
    public static final int BYTES_PER_VALUE = 64;

    private final ObjectMapper mapper;
    private final XMLInputFactory xmlInputFactory;
    private final int maxValues;
    private final long maxReplySize;

    public DocumentReader(ObjectMapper mapper) {
        this(mapper, 8L * 1024 * 1024);
    }

    /**
     * @param maxReplySize the maxReplySize option: at most {@code maxReplySize / BYTES_PER_VALUE} values (fields,
     *                     array members, elements, attributes, texts) are held at once, in the document outside the
     *                     streamed list rows, or in one row
     */
    public DocumentReader(ObjectMapper mapper, long maxReplySize) {
        this.mapper = mapper;
        this.maxReplySize = maxReplySize;
        this.maxValues = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxReplySize / BYTES_PER_VALUE));
        this.xmlInputFactory = XMLInputFactory.newFactory();
        // A BILLmanager reply never needs a DTD or external entities; refusing them closes XXE.
        xmlInputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xmlInputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        xmlInputFactory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** Receives the rows of a list, one at a time, in document order. */
    @FunctionalInterface
    public interface RowHandler {
        void row(ObjectNode row) throws Exception;
    }

    /**
     * Reads a whole document.
     *
     * @return the normalised tree, {@code {"doc":{...}}}
     */
    public ObjectNode read(InputStream in, BillmgrFormat format) throws IOException, NotADocumentException {
        return read(in, format, null);
    }

    /**
     * Reads a document, handing each top-level {@code elem} row to {@code rows} instead of keeping it in the tree
     * (when {@code rows} is null they are kept).
     *
     * @return the normalised tree without the streamed rows
     */
    public ObjectNode read(InputStream in, BillmgrFormat format, RowHandler rows)
            throws IOException, NotADocumentException {
        PushbackInputStream body = new PushbackInputStream(in, 4);
        try {
            int first = body.read();
            if (first < 0) {
                throw new NotADocumentException("the body is empty");
            }
            body.unread(first);
            return format == BillmgrFormat.xml ? readXml(body, rows) : readJson(body, rows);
        } catch (CharConversionException | StrictDecodingReader.MalformedTextException e) {
            // bytes that do not decode in the charset the reply was detected in: a reply, not a broken connection
            throw new NotADocumentException("the body is not valid text in its character encoding: " + e.getMessage());
        } catch (NotADocumentException | IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // a RowHandler failure: surface it unchanged to the caller
            throw new RowHandlerException(e);
        }
    }

    // ---------------------------------------------------------------- JSON

    private ObjectNode readJson(PushbackInputStream in, RowHandler rows) throws Exception {
        JsonFactory factory = mapper.getFactory();
        // JSON is UTF-8 (RFC 8259). Decoded strictly here, like XML: Jackson's own decoder lets some invalid bytes
        // through (an encoded surrogate becomes a lone UTF-16 surrogate, which cannot be sent back as it was read).
        try (JsonParser p = factory.createParser(jsonText(in))) {
            JsonToken t;
            try {
                t = p.nextToken();
            } catch (JsonProcessingException e) {
                throw new NotADocumentException("the body is not JSON: " + e.getOriginalMessage());
            }
            if (t == null) {
                throw new NotADocumentException("the body is empty or only whitespace");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new NotADocumentException("the body is " + describe(t) + ", not a JSON object");
            }
            ObjectNode root = NODES.objectNode();
            ObjectNode doc = null;
            try {
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if ("doc".equals(name) && p.currentToken() == JsonToken.START_OBJECT) {
                        doc = readJsonDoc(p, rows);
                        root.set("doc", doc);
                    } else {
                        p.skipChildren();
                    }
                }
            } catch (StreamConstraintsException e) {
                // Jackson's bounds on string length, number length, name length and nesting depth
                throw new NotADocumentException(
                        "the JSON body exceeds a limit of the reader: " + e.getOriginalMessage());
            } catch (JsonProcessingException e) {
                // A connection that breaks mid-body is an IOException, not this: it stays a transport failure.
                throw new NotADocumentException("the JSON body is malformed or truncated: " + e.getOriginalMessage());
            }
            if (doc == null) {
                throw new NotADocumentException("the JSON body has no 'doc' object");
            }
            return root;
        }
    }

    /**
     * The JSON body as strictly decoded text. UTF-8 unless a byte order mark or the zero bytes of its first characters
     * say UTF-16 or UTF-32 (RFC 4627's detection, which Jackson applies too): a JSON text starts with two ASCII
     * characters, so the pattern of zero bytes among its first four gives the encoding away.
     */
    private static StrictDecodingReader jsonText(PushbackInputStream in) throws IOException {
        byte[] b = new byte[4];
        int n = in.readNBytes(b, 0, 4);
        int b0 = n > 0 ? b[0] & 0xff : -1;
        int b1 = n > 1 ? b[1] & 0xff : -1;
        int b2 = n > 2 ? b[2] & 0xff : -1;
        int b3 = n > 3 ? b[3] & 0xff : -1;
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            bom = 3;
        } else if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            charset = Charset.forName("UTF-32BE");
            bom = 4;
        } else if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
            charset = Charset.forName("UTF-32LE");
            bom = 4;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (n == 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            charset = Charset.forName("UTF-32BE");
        } else if (n == 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            charset = Charset.forName("UTF-32LE");
        } else if (n >= 2 && b0 == 0 && b1 != 0) {
            charset = StandardCharsets.UTF_16BE;
        } else if (n >= 2 && b0 != 0 && b1 == 0) {
            charset = StandardCharsets.UTF_16LE;
        }
        in.unread(b, bom, n - bom);
        return new StrictDecodingReader(in, charset, bom);
    }

    private ObjectNode readJsonDoc(JsonParser p, RowHandler rows) throws Exception {
        ObjectNode doc = NODES.objectNode();
        Budget kept = new Budget("outside the list rows");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.startsWith("$")) {
                // the root's own attributes ($lang, $func, ...): ignored, as they are in xml
                p.skipChildren();
            } else if (rows != null && "elem".equals(name)) {
                if (value == JsonToken.START_ARRAY) {
                    JsonToken row;
                    while ((row = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (row != JsonToken.START_OBJECT) {
                            throw notARow(row);
                        }
                        rows.row((ObjectNode) normalisedValue(p, null, new Budget("in one list row")));
                    }
                } else if (value == JsonToken.START_OBJECT) {
                    rows.row((ObjectNode) normalisedValue(p, null, new Budget("in one list row")));
                } else {
                    throw notARow(value);
                }
            } else {
                put(doc, name, normalisedValue(p, name, kept));
            }
        }
        return doc;
    }

    /**
     * The value the parser is on, as a tree, like {@code readValueAsTree} but counting what it builds: a tree is held
     * in memory whole, and each value costs far more there than in the reply.
     */
    private JsonNode readJsonValue(JsonParser p, Budget budget) throws IOException, NotADocumentException {
        JsonToken t = p.currentToken();
        budget.spend();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, readJsonValue(p, budget));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(readJsonValue(p, budget));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                // as readValueAsTree makes them, so that their text is the same
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    case BIG_INTEGER -> NODES.numberNode(p.getBigIntegerValue());
                    case BIG_DECIMAL -> NODES.numberNode(p.getDecimalValue());
                    case FLOAT, DOUBLE -> mapper.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                            ? NODES.numberNode(p.getDecimalValue()) : NODES.numberNode(p.getDoubleValue());
                };
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.pojoNode(p.getEmbeddedObject());
            }
        }
    }

    /**
     * The value the parser is on, read straight into the normalised shape and counted as {@link #readJsonValue}
     * counts: building the tree first and then a normalised copy of it allocated every node twice.
     */
    private JsonNode normalisedValue(JsonParser p, String name, Budget budget)
            throws IOException, NotADocumentException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                budget.spend();
                ObjectNode out = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken v = p.nextToken();
                    if (key.startsWith("$")) {
                        // an attribute is text; one holding a structure keeps that structure's JSON text
                        JsonNode attr = readJsonValue(p, budget);
                        out.put(key, v.isStructStart() ? attr.toString() : attr.asText());
                    } else {
                        out.set(key, normalisedValue(p, key, budget));
                    }
                }
                if (name != null && COLLECTIONS.contains(name)) {
                    ArrayNode one = NODES.arrayNode(1);
                    one.add(out);
                    return one;
                }
                return out;
            }
            case START_ARRAY -> {
                budget.spend();
                ArrayNode out = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(normalisedValue(p, null, budget));
                }
                return out;
            }
            case VALUE_NULL -> {
                budget.spend();
                return NODES.objectNode();
            }
            case VALUE_STRING -> {
                // A bare scalar where BILLmanager writes {"$": ...}: keep the one shape.
                budget.spend();
                ObjectNode scalar = NODES.objectNode();
                scalar.put("$", p.getText());
                return scalar;
            }
            default -> {
                ObjectNode scalar = NODES.objectNode();
                scalar.put("$", readJsonValue(p, budget).asText());
                return scalar;
            }
        }
    }

    /** Counts the values of one tree held in memory, and refuses the one past {@link #maxValues}. */
    private final class Budget {
        private final String where;
        private int left = maxValues;

        Budget(String where) {
            this.where = where;
        }

        void spend() throws NotADocumentException {
            if (--left < 0) {
                throw new NotADocumentException("the document holds more than " + maxValues + " values (fields, "
                        + "elements, attributes, texts) " + where + ", the most held in "
                        + "memory at once for maxReplySize (" + maxReplySize + " bytes: one "
                        + "value per " + BYTES_PER_VALUE + " bytes); raise maxReplySize if "
                        + "BILLmanager's replies really are that large");
            }
        }
    }

    /** A list row that is not an object: reading on would lose the rows, or the parser's place in the document. */
    private static NotADocumentException notARow(JsonToken token) {
        return new NotADocumentException("the list rows ('elem') hold " + describe(token) + " where a row object is "
                + "expected");
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_ARRAY -> "a JSON array";
            case START_OBJECT -> "a JSON object";
            case VALUE_STRING -> "a JSON string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
            case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
            case VALUE_NULL -> "a JSON null";
            default -> "JSON " + t;
        };
    }

    // ---------------------------------------------------------------- XML

    private ObjectNode readXml(InputStream in, RowHandler rows) throws Exception {
        // The parser gets characters, never bytes: decoding bytes itself, it prints bad ones to System.err.
        StrictDecodingReader text = XmlCharsetSniffer.open(in);
        XMLStreamReader r;
        try {
            r = xmlInputFactory.createXMLStreamReader(text);
        } catch (XMLStreamException e) {
            // the prolog is read here already: a body cut inside it fails here
            throw xmlFailure(text, e);
        }
        try {
            try {
                int ev = r.next();
                while (ev != XMLStreamConstants.START_ELEMENT) {
                    if (ev == XMLStreamConstants.DTD) {
                        throw new NotADocumentException("the XML body has a DOCTYPE, which a BILLmanager reply never "
                                + "has (DTDs and entities are refused)");
                    }
                    if (ev == XMLStreamConstants.END_DOCUMENT) {
                        throw new NotADocumentException("the XML body is truncated: it has no root element");
                    }
                    ev = r.next();
                }
                if (!"doc".equals(r.getLocalName())) {
                    throw new NotADocumentException("the XML root element is not <doc> but <" + r.getLocalName() + ">");
                }
                // The root's own attributes carry nothing a caller needs: ignore them.
                ObjectNode doc = NODES.objectNode();
                Budget kept = new Budget("outside the list rows");
                while (r.next() != XMLStreamConstants.END_ELEMENT) {
                    if (r.getEventType() == XMLStreamConstants.START_ELEMENT) {
                        String name = r.getLocalName();
                        boolean row = rows != null && "elem".equals(name);
                        ObjectNode child = readXmlElement(r, 1, row ? new Budget("in one list row") : kept);
                        if (rows != null && "elem".equals(name)) {
                            rows.row(child);
                        } else {
                            add(doc, name, child);
                        }
                    }
                }
                ObjectNode root = NODES.objectNode();
                root.set("doc", doc);
                return root;
            } catch (XMLStreamException e) {
                throw xmlFailure(text, e);
            }
        } finally {
            r.close();
        }
    }

    /**
     * The parser wraps a decoding failure of the reader in its own exception: report the failure itself, where the
     * bad bytes are, under the same heading the parser's own decoding failures had.
     */
    private static NotADocumentException xmlFailure(StrictDecodingReader text, XMLStreamException e) {
        String why = text.failure() != null ? text.failure().getMessage() : e.getMessage();
        return new NotADocumentException("the XML body is malformed or truncated: " + why);
    }

    /** Reads the element the reader is on, up to and including its end tag. */
    private ObjectNode readXmlElement(XMLStreamReader r, int depth, Budget budget)
            throws XMLStreamException, NotADocumentException {
        if (depth > MAX_XML_DEPTH) {
            throw new NotADocumentException("the XML body is nested deeper than " + MAX_XML_DEPTH + " elements");
        }
        ObjectNode node = NODES.objectNode();
        budget.spend();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            budget.spend();
            node.put("$" + r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        StringBuilder text = null;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                add(node, name, readXmlElement(r, depth + 1, budget));
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                if (text == null) {
                    budget.spend();
                    text = new StringBuilder();
                }
                text.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (text != null) {
            String t = text.toString();
            // Whitespace between child elements is layout, not a value.
            if (!(t.isBlank() && hasChildElements(node))) {
                node.put("$", t);
            }
        }
        return node;
    }

    private static boolean hasChildElements(ObjectNode node) {
        var it = node.fieldNames();
        while (it.hasNext()) {
            if (!it.next().startsWith("$")) {
                return true;
            }
        }
        return false;
    }

    /** Adds a child, turning repeated names and the known collections into arrays. */
    private static void add(ObjectNode parent, String name, ObjectNode child) {
        JsonNode existing = parent.get(name);
        if (existing == null) {
            if (COLLECTIONS.contains(name)) {
                parent.putArray(name).add(child);
            } else {
                parent.set(name, child);
            }
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(child);
        } else {
            ArrayNode arr = parent.putArray(name);
            arr.add(existing);
            arr.add(child);
        }
    }

    private static void put(ObjectNode parent, String name, JsonNode value) {
        JsonNode existing = parent.get(name);
        if (existing != null && existing.isArray() && value.isArray()) {
            ((ArrayNode) existing).addAll((ArrayNode) value);
        } else {
            parent.set(name, value);
        }
    }

    /** The body could not be read as a BILLmanager document. */
    public static final class NotADocumentException extends Exception {
        private static final long serialVersionUID = 1L;

        public NotADocumentException(String message) {
            super(message);
        }
    }

    /** A {@link RowHandler} failed; the cause is its exception. */
    public static final class RowHandlerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RowHandlerException(Throwable cause) {
            super(cause);
        }
    }
}

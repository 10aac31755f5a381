package io.github.camelbillmgr.internal;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
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

    private final ObjectMapper mapper;
    private final XMLInputFactory xmlInputFactory;

    public DocumentReader(ObjectMapper mapper) {
        this.mapper = mapper;
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
        PushbackInputStream body = new PushbackInputStream(in, 1);
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

    private ObjectNode readJson(InputStream in, RowHandler rows) throws Exception {
        JsonFactory factory = mapper.getFactory();
        try (JsonParser p = factory.createParser(in)) {
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
                throw new NotADocumentException("the JSON body exceeds a limit of the reader: " + e.getOriginalMessage());
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

    private ObjectNode readJsonDoc(JsonParser p, RowHandler rows) throws Exception {
        ObjectNode doc = NODES.objectNode();
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
                        rows.row(normalisedObject(p));
                    }
                } else if (value == JsonToken.START_OBJECT) {
                    rows.row(normalisedObject(p));
                } else {
                    throw notARow(value);
                }
            } else {
                put(doc, name, normalisedValue(p, name));
            }
        }
        return doc;
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

    /*
     * The reply is read straight into the normalised shape, token by token: reading Jackson's tree first and then
     * copying it into a normalised one allocated every node twice.
     */

    /** The value the parser is on (its first token read), normalised; {@code name} is the member name it is under. */
    private static JsonNode normalisedValue(JsonParser p, String name) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return NODES.objectNode();
        }
        if (t == JsonToken.START_ARRAY) {
            ArrayNode out = NODES.arrayNode();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(normalisedValue(p, null));
            }
            return out;
        }
        if (t == JsonToken.START_OBJECT) {
            ObjectNode n = normalisedObject(p);
            if (name != null && COLLECTIONS.contains(name)) {
                ArrayNode one = NODES.arrayNode(1);
                one.add(n);
                return one;
            }
            return n;
        }
        // A bare scalar where BILLmanager writes {"$": ...}: keep the one shape.
        ObjectNode scalar = NODES.objectNode();
        scalar.put("$", scalarText(p));
        return scalar;
    }

    /** The object the parser is on (at its START_OBJECT), normalised, up to and including its END_OBJECT. */
    private static ObjectNode normalisedObject(JsonParser p) throws IOException {
        ObjectNode out = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (key.startsWith("$")) {
                // an attribute is text; an attribute holding a structure keeps that structure's JSON text
                out.put(key, v.isScalarValue() || v == JsonToken.VALUE_NULL ? scalarText(p)
                        : p.readValueAsTree().toString());
            } else {
                out.set(key, normalisedValue(p, key));
            }
        }
        return out;
    }

    /** The text of a scalar token, as Jackson's tree would give it ({@code asText()}). */
    private static String scalarText(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return "null";
        }
        // numbers and booleans: rare in BILLmanager replies; the mapper's own settings decide their text
        return ((JsonNode) p.readValueAsTree()).asText();
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
                while (r.next() != XMLStreamConstants.END_ELEMENT) {
                    if (r.getEventType() == XMLStreamConstants.START_ELEMENT) {
                        String name = r.getLocalName();
                        ObjectNode child = readXmlElement(r, 1);
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
    private ObjectNode readXmlElement(XMLStreamReader r, int depth) throws XMLStreamException, NotADocumentException {
        if (depth > MAX_XML_DEPTH) {
            throw new NotADocumentException("the XML body is nested deeper than " + MAX_XML_DEPTH + " elements");
        }
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            node.put("$" + r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        StringBuilder text = null;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                add(node, name, readXmlElement(r, depth + 1));
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                if (text == null) {
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

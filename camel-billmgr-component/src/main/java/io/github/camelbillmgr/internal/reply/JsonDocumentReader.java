package io.github.camelbillmgr.internal.reply;

import java.io.IOException;
import java.io.PushbackInputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.internal.reply.DocumentReader.NotADocumentException;
import io.github.camelbillmgr.internal.reply.DocumentReader.RowHandler;

import static io.github.camelbillmgr.internal.reply.NormalisedTree.COLLECTIONS;
import static io.github.camelbillmgr.internal.reply.NormalisedTree.NODES;

/**
 * Reads a JSON reply with Jackson's streaming parser straight into the normalised tree: bare scalars become
 * {@code {"$":"text"}}, a collection with one member an array of one, the root's own attributes are dropped. Jackson's
 * read constraints (string, number and name length, nesting depth) of the mapper's factory apply.
 */
final class JsonDocumentReader implements FormatReader {

    private final ObjectMapper mapper;
    private final ValueBudget.Limits limits;

    JsonDocumentReader(ObjectMapper mapper, ValueBudget.Limits limits) {
        this.mapper = mapper;
        this.limits = limits;
    }

    @Override
    public ObjectNode read(PushbackInputStream in, RowHandler rows) throws Exception {
        // JSON is UTF-8 (RFC 8259). Decoded strictly here, like XML: Jackson's own decoder lets some invalid bytes
        // through (an encoded surrogate becomes a lone UTF-16 surrogate, which cannot be sent back as it was read).
        try (JsonParser p = mapper.getFactory().createParser(JsonCharsetSniffer.open(in))) {
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
            ObjectNode doc = null;
            try {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if ("doc".equals(name) && p.currentToken() == JsonToken.START_OBJECT) {
                        doc = readDoc(p, rows);
                    } else {
                        p.skipChildren();
                    }
                }
            } catch (StreamConstraintsException e) {
                throw new NotADocumentException(
                        "the JSON body exceeds a limit of the reader: " + e.getOriginalMessage());
            } catch (JsonProcessingException e) {
                // A connection that breaks mid-body is an IOException, not this: it stays a transport failure.
                throw new NotADocumentException("the JSON body is malformed or truncated: " + e.getOriginalMessage());
            }
            if (doc == null) {
                throw new NotADocumentException("the JSON body has no 'doc' object");
            }
            return NormalisedTree.root(doc);
        }
    }

    private ObjectNode readDoc(JsonParser p, RowHandler rows) throws Exception {
        ObjectNode doc = NODES.objectNode();
        ValueBudget kept = limits.outsideRows();
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
                        rows.row((ObjectNode) normalised(p, null, limits.oneRow()));
                    }
                } else if (value == JsonToken.START_OBJECT) {
                    rows.row((ObjectNode) normalised(p, null, limits.oneRow()));
                } else {
                    throw notARow(value);
                }
            } else {
                NormalisedTree.put(doc, name, normalised(p, name, kept));
            }
        }
        return doc;
    }

    /**
     * The value the parser is on, read straight into the normalised shape (building Jackson's tree first and then a
     * normalised copy of it allocated every node twice), every value counted against the budget.
     */
    private JsonNode normalised(JsonParser p, String name, ValueBudget budget) throws IOException,
            NotADocumentException {
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
                        JsonNode attr = plain(p, budget);
                        out.put(key, v.isStructStart() ? attr.toString() : attr.asText());
                    } else {
                        out.set(key, normalised(p, key, budget));
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
                    out.add(normalised(p, null, budget));
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
                scalar.put("$", plain(p, budget).asText());
                return scalar;
            }
        }
    }

    /** The value the parser is on as Jackson's plain tree ({@code readValueAsTree}), counted against the budget. */
    private JsonNode plain(JsonParser p, ValueBudget budget) throws IOException, NotADocumentException {
        JsonToken t = p.currentToken();
        budget.spend();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, plain(p, budget));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(plain(p, budget));
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
}

package io.github.camelbillmgr.internal.reply;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.internal.reply.DocumentReader.NotADocumentException;

import static io.github.camelbillmgr.internal.reply.NormalisedTree.COLLECTIONS;
import static io.github.camelbillmgr.internal.reply.NormalisedTree.NODES;

/**
 * Reads one JSON value from Jackson's streaming parser into the normalised shape (bare scalars become
 * {@code {"$":"text"}}, a collection with one member an array of one), or a list row's column straight to its text;
 * every value counted against a {@link ValueBudget}. {@link JsonDocumentReader} walks the document around them.
 */
final class JsonValues {

    private final ObjectMapper mapper;

    JsonValues(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The text a column has in the normalised tree ({@code "$"} of its object), or {@link RowColumns#NOT_SCALAR}; read
     * and counted as {@link #normalised} reads and counts it. {@code previous} and {@code position} (the column's
     * place among the row's columns) let a text or name the previous row had there be reused.
     */
    String column(JsonParser p, String name, JsonToken t, ValueBudget budget, PreviousRow previous, int position)
            throws IOException, NotADocumentException {
        switch (t) {
            case START_OBJECT -> {
                budget.spend();
                boolean children = false;
                String text = "";
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("$".equals(key)) {
                        if (v == JsonToken.VALUE_STRING) {
                            budget.spend();
                            text = previous.text(p, position);
                        } else {
                            text = attribute(p, v, budget);
                        }
                    } else if (key.startsWith("$")) {
                        attribute(p, v, budget);
                    } else {
                        normalised(p, key, budget);
                        children = true;
                    }
                }
                return children || previous.isCollection(position, name) ? RowColumns.NOT_SCALAR : text;
            }
            case START_ARRAY -> {
                normalised(p, null, budget);
                return RowColumns.NOT_SCALAR;
            }
            case VALUE_NULL -> {
                budget.spend();
                return "";
            }
            case VALUE_STRING -> {
                budget.spend();
                return previous.text(p, position);
            }
            default -> {
                return plain(p, budget).asText();
            }
        }
    }

    /** An attribute's text, as {@link #normalised} puts it into the tree. */
    String attribute(JsonParser p, JsonToken v, ValueBudget budget) throws IOException,
            NotADocumentException {
        if (v == JsonToken.VALUE_STRING) {
            budget.spend();
            return p.getText();
        }
        JsonNode attr = plain(p, budget);
        return v.isStructStart() ? attr.toString() : attr.asText();
    }

    /**
     * The value the parser is on, read straight into the normalised shape (building Jackson's tree first and then a
     * normalised copy of it allocated every node twice), every value counted against the budget.
     */
    JsonNode normalised(JsonParser p, String name, ValueBudget budget) throws IOException,
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
                        out.put(key, attribute(p, v, budget));
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
    JsonNode plain(JsonParser p, ValueBudget budget) throws IOException, NotADocumentException {
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
}

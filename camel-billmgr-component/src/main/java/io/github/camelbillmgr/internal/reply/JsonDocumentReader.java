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
    private final JsonValues values;

    JsonDocumentReader(ObjectMapper mapper, ValueBudget.Limits limits) {
        this.mapper = mapper;
        this.limits = limits;
        this.values = new JsonValues(mapper);
    }

    @Override
    public ObjectNode read(PushbackInputStream in, RowHandler rows) throws Exception {
        return read(in, rows, false);
    }

    /**
     * Reads the document's scalar fields and its error only: the tree a details form is mapped from. Lists, choices
     * and other structures are skipped by the parser instead of being built and dropped.
     */
    @Override
    public ObjectNode readScalars(PushbackInputStream in, RowHandler rows) throws Exception {
        return read(in, rows, true);
    }

    private ObjectNode read(PushbackInputStream in, RowHandler rows, boolean onlyScalars) throws Exception {
        // JSON is UTF-8 (RFC 8259). Checked strictly here, like XML: Jackson's own decoder lets some invalid bytes
        // through (an encoded surrogate becomes a lone UTF-16 surrogate, which cannot be sent back as it was read).
        try (JsonParser p = JsonCharsetSniffer.createParser(mapper.getFactory(), in)) {
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
                        doc = readDoc(p, rows, onlyScalars);
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

    private ObjectNode readDoc(JsonParser p, RowHandler rows, boolean onlyScalars) throws Exception {
        ObjectNode doc = NODES.objectNode();
        ValueBudget kept = limits.outsideRows();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.startsWith("$")) {
                // the root's own attributes ($lang, $func, ...): ignored, as they are in xml
                p.skipChildren();
            } else if (rows != null && "elem".equals(name)) {
                RowColumns columns = rows instanceof ScalarRowHandler ? new RowColumns() : null;
                PreviousRow previous = columns == null ? null : new PreviousRow();
                if (value == JsonToken.START_ARRAY) {
                    JsonToken row;
                    while ((row = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (row != JsonToken.START_OBJECT) {
                            throw notARow(row);
                        }
                        handRow(p, rows, columns, previous);
                    }
                } else if (value == JsonToken.START_OBJECT) {
                    handRow(p, rows, columns, previous);
                } else {
                    throw notARow(value);
                }
            } else if (onlyScalars && !"error".equals(name)) {
                JsonNode scalar = scalarOrSkip(p, name, value, kept);
                if (scalar == null) {
                    doc.remove(name); // as a later structure of the same name replaces a scalar in the whole tree
                } else {
                    doc.set(name, scalar);
                }
            } else {
                NormalisedTree.put(doc, name, values.normalised(p, name, kept));
            }
        }
        return doc;
    }

    /**
     * A top-level field as the whole tree has it, if it is a scalar there ({@code {"$":"text"}} with attributes);
     * otherwise null, and the parser skips the rest of it. Collections are never scalars, whatever their shape.
     */
    private JsonNode scalarOrSkip(JsonParser p, String name, JsonToken value, ValueBudget kept) throws Exception {
        if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT && COLLECTIONS.contains(name)) {
            p.skipChildren();
            return null;
        }
        if (value != JsonToken.START_OBJECT) {
            return values.normalised(p, name, kept);
        }
        kept.spend();
        ObjectNode scalar = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (!key.startsWith("$")) {
                // an element with children: not a scalar; skip it to its end
                p.skipChildren();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    p.nextToken();
                    p.skipChildren();
                }
                return null;
            }
            scalar.put(key, values.attribute(p, v, kept));
        }
        return scalar;
    }

    /**
     * Reads the row object the parser is on and hands it over: as its columns when {@code columns} is given, reusing
     * what the {@code previous} row had at the same positions.
     */
    private void handRow(JsonParser p, RowHandler rows, RowColumns columns, PreviousRow previous) throws Exception {
        if (columns == null) {
            rows.row((ObjectNode) values.normalised(p, null, limits.oneRow()));
            return;
        }
        ValueBudget budget = limits.oneRow();
        budget.spend();
        columns.clear();
        int position = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (key.startsWith("$")) {
                values.attribute(p, v, budget); // the row's own attribute: not a column
            } else {
                columns.put(key, values.column(p, key, v, budget, previous, position++), false);
            }
        }
        columns.dropNonScalars();
        ((ScalarRowHandler) rows).columns(columns);
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

package io.github.camelbillmgr.internal.reply;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shape both format readers build: BILLmanager's own JSON shape ({@code {"doc":{...}}}, scalars as
 * {@code {"$":"text"}}, attributes as {@code "$name"}), with the known collections always arrays, however many members
 * they have. Kept here so that the XML and the JSON reader agree on it.
 */
final class NormalisedTree {

    /** Collections BILLmanager renders as a bare object when they have exactly one member. */
    static final Set<String> COLLECTIONS = Set.of("elem", "val", "param", "slist", "list", "price", "msg_param");

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NormalisedTree() {
    }

    /** {@code {"doc": doc}}. */
    static ObjectNode root(ObjectNode doc) {
        ObjectNode root = NODES.objectNode();
        root.set("doc", doc);
        return root;
    }

    /** Adds an XML child, turning repeated names and the known collections into arrays. */
    static void add(ObjectNode parent, String name, ObjectNode child) {
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

    /** Sets a JSON field, appending to a collection of the same name rather than replacing it. */
    static void put(ObjectNode parent, String name, JsonNode value) {
        JsonNode existing = parent.get(name);
        if (existing != null && existing.isArray() && value.isArray()) {
            ((ArrayNode) existing).addAll((ArrayNode) value);
        } else {
            parent.set(name, value);
        }
    }
}

package io.github.camelbillmgr.internal.reply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading values out of the normalised tree. */
public final class Nodes {

    private Nodes() {
    }

    /** The {@code doc} object of a normalised document. */
    public static JsonNode doc(JsonNode root) {
        return root == null ? null : root.get("doc");
    }

    /** The text ({@code $}) of a child element, or null when absent. Collections yield their first member's text. */
    public static String text(JsonNode parent, String name) {
        if (parent == null) {
            return null;
        }
        return text(parent.get(name));
    }

    /** The text ({@code $}) of an element, or null when absent; an element without text yields "". */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        JsonNode t = node.get("$");
        return t == null ? "" : t.asText();
    }

    /** An attribute ({@code $name}) of an element, or null. */
    public static String attr(JsonNode node, String name) {
        if (node == null) {
            return null;
        }
        JsonNode a = node.get("$" + name);
        return a == null ? null : a.asText();
    }

    /** The members of a collection child (always an array in the normalised tree), or an empty list. */
    public static List<JsonNode> members(JsonNode parent, String name) {
        if (parent == null) {
            return Collections.emptyList();
        }
        JsonNode n = parent.get(name);
        if (n == null) {
            return Collections.emptyList();
        }
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    /**
     * The scalar children of an element (those that have no children of their own), by name, in document order.
     * Used for a list row's columns or a form's fields.
     */
    public static Map<String, String> scalars(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        node.fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (!key.startsWith("$") && v.isObject() && isScalar(v)) {
                JsonNode t = v.get("$");
                out.put(key, t == null ? "" : t.asText());
            }
        });
        return out;
    }

    static boolean isScalar(JsonNode v) {
        var it = v.fieldNames();
        while (it.hasNext()) {
            if (!it.next().startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code slist} or {@code list} with the given {@code $name}, or null. */
    public static JsonNode named(JsonNode parent, String collection, String name) {
        for (JsonNode n : members(parent, collection)) {
            if (name.equals(attr(n, "name"))) {
                return n;
            }
        }
        return null;
    }
}

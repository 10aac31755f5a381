package io.github.camelbillmgr.simulator.doc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The mechanical XML-to-JSON conversion of the reference's section 3.2, applied to the whole
 * tree so that the collapse rules hold for every collection alike.
 */
public final class JsonConverter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final boolean emptyAsObject;
    private final boolean alwaysArrays;
    private final Set<String> arrayNames;

    /**
     * @param emptyAsObject an element without text, attributes or children becomes {@code {}}
     *                      rather than {@code {"$":""}}
     * @param alwaysArrays  {@code sjson}: every child becomes an array, even a single one
     */
    public JsonConverter(boolean emptyAsObject, boolean alwaysArrays) {
        this(emptyAsObject, alwaysArrays, Set.of());
    }

    /**
     * @param arrayNames elements with these names become arrays even when there is one ({@code xjson}); an entry
     *                   {@code parent/child} (e.g. {@code list/elem}) only for children of an element so named
     */
    public JsonConverter(boolean emptyAsObject, boolean alwaysArrays, Set<String> arrayNames) {
        this.emptyAsObject = emptyAsObject;
        this.alwaysArrays = alwaysArrays;
        this.arrayNames = Set.copyOf(arrayNames);
    }

    /**
     * The document as JSON bytes, written in one pass with a streaming generator: the same bytes as serialising
     * {@link #toJson} (a test holds the two together), without building the tree first, which cost a served call
     * more than anything else but the socket.
     */
    /** Whether this converter applies these settings, so that it can be used again for the next answer. */
    public boolean converts(boolean emptyAsObject, boolean alwaysArrays, Set<String> arrayNames) {
        return this.emptyAsObject == emptyAsObject && this.alwaysArrays == alwaysArrays
                && this.arrayNames.equals(arrayNames);
    }

    public byte[] toBytes(Element root) {
        // most answers fit: no copy while the buffer grows
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeFieldName(root.name());
            write(root, json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a document tree", e);
        }
        return bytes.toByteArray();
    }

    private void write(Element element, JsonGenerator json) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            json.writeStringField("$" + attribute.getKey(), attribute.getValue());
        }
        if (!element.text().isEmpty()) {
            json.writeStringField("$", element.text());
        }
        List<Element> children = element.children();
        if (distinctNames(children)) {
            for (Element child : children) {
                writeGroup(element, child.name(), List.of(child), json);
            }
        } else {
            for (Map.Entry<String, List<Element>> group : groups(children).entrySet()) {
                writeGroup(element, group.getKey(), group.getValue(), json);
            }
        }
        if (element.isEmpty() && !emptyAsObject) {
            json.writeStringField("$", "");
        }
        json.writeEndObject();
    }

    private void writeGroup(Element parent, String name, List<Element> siblings, JsonGenerator json)
            throws IOException {
        if (siblings.size() == 1 && !isArray(parent, name)) {
            json.writeFieldName(name);
            write(siblings.get(0), json);
        } else {
            json.writeArrayFieldStart(name);
            for (Element sibling : siblings) {
                write(sibling, json);
            }
            json.writeEndArray();
        }
    }

    /** Whether children of this name are an array even when there is one. */
    private boolean isArray(Element parent, String name) {
        return alwaysArrays || !arrayNames.isEmpty()
                && (arrayNames.contains(name) || arrayNames.contains(parent.name() + "/" + name));
    }

    /** True when no two children share a name: the common case of a record's fields, written without grouping. */
    private static boolean distinctNames(List<Element> children) {
        int n = children.size();
        if (n <= 16) {
            for (int i = 1; i < n; i++) {
                String name = children.get(i).name();
                for (int j = 0; j < i; j++) {
                    if (children.get(j).name().equals(name)) {
                        return false;
                    }
                }
            }
            return true;
        }
        Set<String> seen = new HashSet<>(2 * n);
        for (Element child : children) {
            if (!seen.add(child.name())) {
                return false;
            }
        }
        return true;
    }

    /** Children grouped by name in one pass, in first-seen order: large lists stay linear. */
    private static Map<String, List<Element>> groups(List<Element> children) {
        Map<String, List<Element>> groups = new LinkedHashMap<>();
        for (Element child : children) {
            groups.computeIfAbsent(child.name(), k -> new ArrayList<>(1)).add(child);
        }
        return groups;
    }

    public ObjectNode toJson(Element root) {
        ObjectNode top = MAPPER.createObjectNode();
        top.set(root.name(), convert(root));
        return top;
    }

    private JsonNode convert(Element element) {
        ObjectNode node = MAPPER.createObjectNode();
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            node.put("$" + attribute.getKey(), attribute.getValue());
        }
        if (!element.text().isEmpty()) {
            node.put("$", element.text());
        }
        for (Map.Entry<String, List<Element>> group : groups(element.children()).entrySet()) {
            List<Element> siblings = group.getValue();
            if (siblings.size() == 1 && !isArray(element, group.getKey())) {
                node.set(group.getKey(), convert(siblings.get(0)));
            } else {
                ArrayNode array = node.putArray(group.getKey());
                for (Element sibling : siblings) {
                    array.add(convert(sibling));
                }
            }
        }
        if (element.isEmpty() && !emptyAsObject) {
            node.put("$", "");
        }
        return node;
    }
}

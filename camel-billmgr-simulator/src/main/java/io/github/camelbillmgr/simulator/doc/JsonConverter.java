package io.github.camelbillmgr.simulator.doc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    public byte[] toBytes(Element root) {
        try {
            return MAPPER.writeValueAsBytes(toJson(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a document tree", e);
        }
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
        // Grouping by name in one pass keeps large lists linear and keeps first-seen order.
        Map<String, List<Element>> groups = new LinkedHashMap<>();
        for (Element child : element.children()) {
            groups.computeIfAbsent(child.name(), k -> new ArrayList<>(1)).add(child);
        }
        for (Map.Entry<String, List<Element>> group : groups.entrySet()) {
            List<Element> siblings = group.getValue();
            if (siblings.size() == 1 && !alwaysArrays && !arrayNames.contains(group.getKey())
                    && !arrayNames.contains(element.name() + "/" + group.getKey())) {
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

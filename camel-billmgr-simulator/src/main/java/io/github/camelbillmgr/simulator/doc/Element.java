package io.github.camelbillmgr.simulator.doc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a response document. Every response is built once as such a tree and then
 * rendered as XML or converted to JSON, so both formats always agree.
 */
public final class Element {

    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<Element> children = new ArrayList<>();
    private String text = "";

    public Element(String name) {
        this.name = name;
    }

    public static Element doc() {
        return new Element("doc");
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public List<Element> children() {
        return Collections.unmodifiableList(children);
    }

    public Element text(String value) {
        this.text = value == null ? "" : value;
        return this;
    }

    public Element attr(String attrName, String value) {
        if (value != null) {
            attributes.put(attrName, value);
        }
        return this;
    }

    public Element add(Element child) {
        children.add(child);
        return this;
    }

    /** Adds a scalar child; a null or empty value adds nothing, as BILLmanager omits empty fields. */
    public Element field(String childName, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            children.add(new Element(childName).text(value.toString()));
        }
        return this;
    }

    /** Adds a child and returns it, for building nested structures. */
    public Element child(String childName) {
        Element child = new Element(childName);
        children.add(child);
        return child;
    }

    /** Adds an empty marker element such as {@code <ok/>}. */
    public Element marker(String childName) {
        children.add(new Element(childName));
        return this;
    }

    public Element firstChild(String childName) {
        for (Element child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return text.isEmpty() && attributes.isEmpty() && children.isEmpty();
    }
}

package io.github.camelbillmgr.benchmarks;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a hand-written client does with an XML reply: the JDK's StAX (one shared factory, DTDs off) into a Jackson tree,
 * attributes as {@code $name}, text as {@code $}, repeated elements as arrays. The raw anchor's XML parse.
 */
final class XmlTree {

    static final XMLInputFactory FACTORY = factory();

    private XmlTree() {
    }

    static XMLInputFactory factory() {
        // The JDK's own implementation, by name: newFactory() takes whatever the classpath offers, and the component
        // brings Woodstox, which would silently turn this anchor into the component's parser.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    static ObjectNode read(java.io.InputStream in) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(in);
        try {
            while (r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog
            }
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.set(r.getLocalName(), element(r));
            return root;
        } finally {
            r.close();
        }
    }

    private static ObjectNode element(XMLStreamReader r) throws XMLStreamException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            node.put("$" + r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        StringBuilder text = null;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                ObjectNode child = element(r);
                JsonNode existing = node.get(name);
                if (existing == null) {
                    node.set(name, child);
                } else if (existing.isArray()) {
                    ((ArrayNode) existing).add(child);
                } else {
                    node.putArray(name).add(existing).add(child);
                }
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                if (text == null) {
                    text = new StringBuilder();
                }
                text.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (text != null && !text.toString().isBlank()) {
                    node.put("$", text.toString());
                }
                return node;
            }
        }
    }
}

package io.github.camelbillmgr.simulator.doc;

import java.util.Map;

/** Renders an {@link Element} tree as the XML BILLmanager sends. */
public final class XmlRenderer {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private XmlRenderer() {
    }

    public static String render(Element root) {
        StringBuilder out = new StringBuilder(256);
        out.append(DECLARATION);
        write(root, out);
        out.append('\n');
        return out.toString();
    }

    private static void write(Element element, StringBuilder out) {
        out.append('<').append(element.name());
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            out.append(' ').append(attribute.getKey()).append("=\"");
            escape(attribute.getValue(), out, true);
            out.append('"');
        }
        if (element.text().isEmpty() && element.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        escape(element.text(), out, false);
        for (Element child : element.children()) {
            write(child, out);
        }
        out.append("</").append(element.name()).append('>');
    }

    private static void escape(String value, StringBuilder out, boolean attribute) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }
}

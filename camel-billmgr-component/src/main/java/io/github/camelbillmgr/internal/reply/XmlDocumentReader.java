package io.github.camelbillmgr.internal.reply;

import java.io.PushbackInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.internal.reply.DocumentReader.NotADocumentException;
import io.github.camelbillmgr.internal.reply.DocumentReader.RowHandler;
import org.codehaus.stax2.XMLInputFactory2;

import static io.github.camelbillmgr.internal.reply.NormalisedTree.NODES;

/**
 * Reads an XML reply with StAX into the normalised tree: attributes become {@code "$name"}, text {@code "$"}, repeated
 * siblings and the known collections arrays. No DTD and no external entity is ever read: a DOCTYPE is refused, and
 * nesting deeper than {@link #MAX_DEPTH} is refused rather than read recursively into a stack overflow. The parser
 * gets the body opened by {@link XmlCharsetSniffer}: UTF-8 bytes already checked strictly, or characters decoded
 * strictly, so that it never decodes a bad byte sequence its own way.
 * <p>
 * The parser is Woodstox, created directly rather than looked up through {@link XMLInputFactory#newFactory()} (which
 * would take whatever implementation the classpath offers, and in OSGi cannot see the bundle): per reply it costs a
 * fraction of the JDK's parser, whose every new stream reader builds its entity manager, scanners and buffers anew,
 * where Woodstox's readers take their buffers from a small per-thread recycler and share the factory's name table.
 */
final class XmlDocumentReader implements FormatReader {

    /** Deeper XML is refused (Jackson refuses deep JSON itself). */
    static final int MAX_DEPTH = 1000;

    private final XMLInputFactory factory;
    private final ValueBudget.Limits limits;

    XmlDocumentReader(ValueBudget.Limits limits) {
        this.limits = limits;
        this.factory = new WstxInputFactory();
        // A BILLmanager reply never needs a DTD or external entities; refusing them closes XXE.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // Woodstox stops at its own depth limit (1000) first otherwise: the reader's own check names the limit.
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH + 2);
        // Every text is read anyway; parsed lazily, a failure inside one would surface from getText() as a
        // RuntimeException instead of from next() as an XMLStreamException.
        factory.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
        // Closing a stream reader returns its input buffers to Woodstox's per-thread recycler only when it closes
        // its input too; otherwise every reply allocates them anew. The input it closes is the sniffer's, which
        // leaves the body open: the caller still drains or closes it.
        factory.setProperty(XMLInputFactory2.P_AUTO_CLOSE_INPUT, true);
    }

    @Override
    public ObjectNode read(PushbackInputStream in, RowHandler rows) throws Exception {
        XmlCharsetSniffer.XmlBody text = XmlCharsetSniffer.open(in);
        XMLStreamReader r;
        try {
            r = text.open(factory);
        } catch (XMLStreamException e) {
            // the prolog is read here already: a body cut inside it fails here
            throw failure(text, e);
        }
        try {
            toRoot(r);
            // The root's own attributes carry nothing a caller needs: ignore them.
            ObjectNode doc = NODES.objectNode();
            ValueBudget kept = limits.outsideRows();
            RowColumns columns = rows instanceof ScalarRowHandler ? new RowColumns() : null;
            while (r.next() != XMLStreamConstants.END_ELEMENT) {
                if (r.getEventType() == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (columns != null && "elem".equals(name)) {
                        ((ScalarRowHandler) rows).columns(row(r, limits.oneRow(), columns));
                    } else if (rows != null && "elem".equals(name)) {
                        rows.row(element(r, 1, limits.oneRow()));
                    } else {
                        NormalisedTree.add(doc, name, element(r, 1, kept));
                    }
                }
            }
            return NormalisedTree.root(doc);
        } catch (XMLStreamException e) {
            throw failure(text, e);
        } finally {
            r.close();
        }
    }

    /** Moves to the root element, refusing a DOCTYPE, a body without a root and a root other than {@code <doc>}. */
    private static void toRoot(XMLStreamReader r) throws XMLStreamException, NotADocumentException {
        int ev = r.next();
        while (ev != XMLStreamConstants.START_ELEMENT) {
            if (ev == XMLStreamConstants.DTD) {
                throw new NotADocumentException("the XML body has a DOCTYPE, which a BILLmanager reply never "
                        + "has (DTDs and entities are refused)");
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new NotADocumentException("the XML body is truncated: it has no root element");
            }
            ev = r.next();
        }
        if (!"doc".equals(r.getLocalName())) {
            throw new NotADocumentException("the XML root element is not <doc> but <" + r.getLocalName() + ">");
        }
    }

    /**
     * The parser wraps a decoding failure of the reader in its own exception: report the failure itself, where the
     * bad bytes are, under the same heading the parser's own decoding failures had.
     */
    private static NotADocumentException failure(XmlCharsetSniffer.XmlBody text, XMLStreamException e) {
        String why = text.failure() != null ? text.failure().getMessage() : e.getMessage();
        return new NotADocumentException("the XML body is malformed or truncated: " + why);
    }

    /**
     * Reads the list row the reader is on straight into its scalar columns, up to and including its end tag: the
     * columns {@link #element} and {@link Nodes#scalars} would make of it, counted as {@link #element} counts.
     */
    private static RowColumns row(XMLStreamReader r, ValueBudget budget, RowColumns columns)
            throws XMLStreamException, NotADocumentException {
        columns.clear();
        budget.spend();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            budget.spend(); // the row's own attributes: not columns
        }
        boolean text = false;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                columns.put(name, column(r, name, budget), true);
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                if (!text) {
                    budget.spend(); // the row's own text: not a column
                    text = true;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                columns.dropNonScalars();
                return columns;
            }
        }
    }

    /** A column of a row (depth 2): its text, or {@link RowColumns#NOT_SCALAR} when it has child elements. */
    private static String column(XMLStreamReader r, String name, ValueBudget budget)
            throws XMLStreamException, NotADocumentException {
        budget.spend();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            budget.spend();
        }
        boolean scalar = !NormalisedTree.COLLECTIONS.contains(name);
        String text = null;
        StringBuilder more = null;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                element(r, 3, budget);
                scalar = false;
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                if (text == null) {
                    budget.spend();
                    text = r.getText();
                } else {
                    more = (more == null ? new StringBuilder(text) : more).append(r.getText());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (!scalar) {
                    return RowColumns.NOT_SCALAR;
                }
                return more != null ? more.toString() : text != null ? text : "";
            }
        }
    }

    /** Reads the element the reader is on, up to and including its end tag. */
    private static ObjectNode element(XMLStreamReader r, int depth, ValueBudget budget)
            throws XMLStreamException, NotADocumentException {
        if (depth > MAX_DEPTH) {
            throw new NotADocumentException("the XML body is nested deeper than " + MAX_DEPTH + " elements");
        }
        ObjectNode node = NODES.objectNode();
        budget.spend();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            budget.spend();
            node.put("$" + r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        // One text event in nearly every element (the factory coalesces): kept as the parser's String, copied into
        // a builder only when an element's text comes in pieces (around its child elements).
        String text = null;
        StringBuilder more = null;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                NormalisedTree.add(node, name, element(r, depth + 1, budget));
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                if (text == null) {
                    budget.spend();
                    text = r.getText();
                } else {
                    more = (more == null ? new StringBuilder(text) : more).append(r.getText());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (text != null) {
            String t = more != null ? more.toString() : text;
            // Whitespace between child elements is layout, not a value.
            if (!(t.isBlank() && !Nodes.isScalar(node))) {
                node.put("$", t);
            }
        }
        return node;
    }
}

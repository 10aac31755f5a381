package io.github.camelbillmgr.internal.reply;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrFormat;

/**
 * Reads a BILLmanager document, in {@code xml} or {@code json}, into one normalised tree ({@link NormalisedTree}):
 * BILLmanager's own JSON shape ({@code {"doc":{...}}}, scalars as {@code {"$":"text"}}, attributes as
 * {@code "$name"}) with the known collections ({@code elem}, {@code val}, {@code param}, {@code slist}, {@code list},
 * {@code price}) always arrays, however many members they have, and repeated XML siblings always arrays. A nested
 * {@code doc.doc} stays where it is. Each format has its reader ({@link XmlDocumentReader},
 * {@link JsonDocumentReader}); this is the one entry, and the one place their failures are named.
 * <p>
 * The rows of a list ({@code elem} directly under {@code doc}) can be handed to a {@link RowHandler} one at a time
 * instead of being collected, so a list of any length is read in constant memory.
 */
public final class DocumentReader {

    /**
     * One value held in memory per this many bytes of maxReplySize (see {@link ValueBudget}): a tree takes far more
     * memory than the text it was read from.
     */
    public static final int BYTES_PER_VALUE = 64;

    private final FormatReader xml;
    private final FormatReader json;

    public DocumentReader(ObjectMapper mapper) {
        this(mapper, 8L * 1024 * 1024);
    }

    /**
     * @param maxReplySize the maxReplySize option: at most {@code maxReplySize / BYTES_PER_VALUE} values (fields,
     *                     array members, elements, attributes, texts) are held at once, in the document outside the
     *                     streamed list rows, or in one row
     */
    public DocumentReader(ObjectMapper mapper, long maxReplySize) {
        ValueBudget.Limits limits = ValueBudget.Limits.of(maxReplySize);
        this.xml = new XmlDocumentReader(limits);
        this.json = new JsonDocumentReader(mapper, limits);
    }

    /** Receives the rows of a list, one at a time, in document order. */
    @FunctionalInterface
    public interface RowHandler {
        void row(ObjectNode row) throws Exception;
    }

    /**
     * Reads a whole document.
     *
     * @return the normalised tree, {@code {"doc":{...}}}
     */
    public ObjectNode read(InputStream in, BillmgrFormat format) throws IOException, NotADocumentException {
        return read(in, format, null);
    }

    /**
     * Reads a document, handing each top-level {@code elem} row to {@code rows} instead of keeping it in the tree
     * (when {@code rows} is null they are kept).
     *
     * @return the normalised tree without the streamed rows
     */
    public ObjectNode read(InputStream in, BillmgrFormat format, RowHandler rows)
            throws IOException, NotADocumentException {
        return read(in, format, rows, false);
    }

    /**
     * Reads a document as {@link #read(InputStream, BillmgrFormat, RowHandler)} does; with {@code onlyScalars}, the
     * tree may hold only the document's scalar fields and its error, for a caller that reads nothing else.
     */
    public ObjectNode read(InputStream in, BillmgrFormat format, RowHandler rows, boolean onlyScalars)
            throws IOException, NotADocumentException {
        PushbackInputStream body = new PushbackInputStream(in, 4);
        try {
            int first = body.read();
            if (first < 0) {
                throw new NotADocumentException("the body is empty");
            }
            body.unread(first);
            FormatReader reader = format == BillmgrFormat.xml ? xml : json;
            return onlyScalars ? reader.readScalars(body, rows) : reader.read(body, rows);
        } catch (CharConversionException | StrictDecodingReader.MalformedTextException e) {
            // bytes that do not decode in the charset the reply was detected in: a reply, not a broken connection
            throw new NotADocumentException("the body is not valid text in its character encoding: " + e.getMessage());
        } catch (NotADocumentException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // a RowHandler failure: surface it unchanged to the caller
            throw new RowHandlerException(e);
        }
    }

    /** The body could not be read as a BILLmanager document. */
    public static final class NotADocumentException extends Exception {
        private static final long serialVersionUID = 1L;

        public NotADocumentException(String message) {
            super(message);
        }
    }

    /** A {@link RowHandler} failed; the cause is its exception. */
    public static final class RowHandlerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RowHandlerException(Throwable cause) {
            super(cause);
        }
    }
}

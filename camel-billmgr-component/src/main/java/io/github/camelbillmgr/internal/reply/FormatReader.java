package io.github.camelbillmgr.internal.reply;

import java.io.PushbackInputStream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.internal.reply.DocumentReader.RowHandler;

/**
 * Reads a reply document of one format ({@link XmlDocumentReader}, {@link JsonDocumentReader}) into the normalised tree
 * ({@link NormalisedTree}). {@link DocumentReader} picks the one for the endpoint's format and turns its failures into
 * the reader's own exceptions. Thread-safe: one per endpoint, read by any number of calls at once.
 */
interface FormatReader {

    /**
     * Reads a document from a body known not to be empty, handing each top-level {@code elem} row to {@code rows}
     * instead of keeping it in the tree (when {@code rows} is null they are kept).
     *
     * @return {@code {"doc":{...}}}, without the streamed rows
     * @throws DocumentReader.NotADocumentException the body is not a document of this format
     * @throws Exception                            a failure of {@code rows}, or of reading the body
     */
    ObjectNode read(PushbackInputStream body, RowHandler rows) throws Exception;

    /**
     * Reads a document for a caller that reads only its top-level scalar fields and its error: a reader may leave the
     * rest out of the tree. This one reads it whole.
     */
    default ObjectNode readScalars(PushbackInputStream body, RowHandler rows) throws Exception {
        return read(body, rows);
    }
}

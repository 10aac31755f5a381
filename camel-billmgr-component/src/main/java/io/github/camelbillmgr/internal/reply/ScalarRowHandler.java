package io.github.camelbillmgr.internal.reply;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link DocumentReader.RowHandler} that needs only the scalar columns of each list row (a service list): the format
 * readers then read each row straight into {@link RowColumns}, without building it as a tree first. The rows are still
 * bounded by maxReplySize's value budget and the XML depth limit, and read to the same columns as
 * {@link Nodes#scalars} finds in the tree.
 */
@FunctionalInterface
public interface ScalarRowHandler extends DocumentReader.RowHandler {

    /** One row; {@code columns} is refilled for the next row once this returns. */
    void columns(RowColumns columns) throws Exception;

    /** A row that was read as a tree after all. */
    @Override
    default void row(ObjectNode row) throws Exception {
        columns(RowColumns.of(row));
    }
}

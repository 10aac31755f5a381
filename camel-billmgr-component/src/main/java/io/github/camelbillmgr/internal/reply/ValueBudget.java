package io.github.camelbillmgr.internal.reply;

import io.github.camelbillmgr.internal.reply.DocumentReader.NotADocumentException;

/**
 * Counts the values of one tree held in memory, and refuses the one past the limit. A tree takes far more memory than
 * the text it was read from (a field of a few bytes costs a few hundred in a tree): bounding the bytes alone would let a
 * reply of tiny distinct fields within maxReplySize fill the heap, so the values held at once are bounded too. One
 * budget covers the document outside the streamed list rows, and a fresh one each row.
 */
final class ValueBudget {

    private final Limits limits;
    private final String where;
    private int left;

    ValueBudget(Limits limits, String where) {
        this.limits = limits;
        this.where = where;
        this.left = limits.maxValues();
    }

    /** Counts one more value (field, array member, element, attribute, text). */
    void spend() throws NotADocumentException {
        if (--left < 0) {
            throw new NotADocumentException("the document holds more than " + limits.maxValues() + " values (fields, "
                    + "elements, attributes, texts) " + where + ", the most held in "
                    + "memory at once for maxReplySize (" + limits.maxReplySize() + " bytes: one "
                    + "value per " + DocumentReader.BYTES_PER_VALUE + " bytes); raise maxReplySize if "
                    + "BILLmanager's replies really are that large");
        }
    }

    /** The bound for a maxReplySize: one value per {@link DocumentReader#BYTES_PER_VALUE} bytes of it. */
    record Limits(int maxValues, long maxReplySize) {

        static Limits of(long maxReplySize) {
            return new Limits((int) Math.max(1, Math.min(Integer.MAX_VALUE,
                    maxReplySize / DocumentReader.BYTES_PER_VALUE)), maxReplySize);
        }

        ValueBudget outsideRows() {
            return new ValueBudget(this, "outside the list rows");
        }

        ValueBudget oneRow() {
            return new ValueBudget(this, "in one list row");
        }
    }
}

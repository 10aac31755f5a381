package io.github.camelbillmgr.internal.reply;

import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scalar columns of one list row, in document order: what {@link Nodes#scalars} finds in the row's normalised
 * tree, read straight from the parser instead ({@link ScalarRowHandler}), so that a list row is never built as a tree
 * only to be mapped and dropped. Refilled for each row of a reply: a handler copies what it keeps.
 */
public final class RowColumns {

    /** A column that is not a scalar in the normalised tree (a collection, an element with children, repeated). */
    static final String NOT_SCALAR = new String("(not a scalar)");

    private String[] keys = new String[16];
    private String[] values = new String[16];
    private int size;
    /**
     * How many of the previous row's names (still at the start of {@link #keys}, all distinct) this row has repeated
     * so far, in the same order: its next name, when it is the previous row's next one, cannot repeat an earlier one.
     */
    private int sameAsPrevious;
    private int previousSize;
    /** Whether a column of this row is {@link #NOT_SCALAR}: only then is there anything to drop. */
    private boolean nonScalars;

    /** The columns of a row already read as a tree, by the rule of {@link Nodes#scalars}. */
    static RowColumns of(JsonNode row) {
        RowColumns out = new RowColumns();
        if (row != null) {
            for (var it = row.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (!e.getKey().startsWith("$") && v.isObject() && Nodes.isScalar(v)) {
                    JsonNode t = v.get("$");
                    out.append(e.getKey(), t == null ? "" : t.asText());
                }
            }
        }
        return out;
    }

    void clear() {
        // the values are overwritten by the next row's (the arrays live as long as one reply): not nulled per row
        previousSize = size;
        sameAsPrevious = 0;
        nonScalars = false;
        size = 0;
    }

    /**
     * A child of the row. A name seen before keeps its place: in XML it turns into a repeated element, which is not a
     * scalar; in JSON it takes the later value, as in a tree.
     */
    void put(String name, String text, boolean repeatIsNotScalar) {
        nonScalars |= text == NOT_SCALAR;
        if (sameAsPrevious == size && size < previousSize && keys[size] == name) {
            // the rows of a list have the same columns: no search for a repeat of a name among the distinct ones
            values[size++] = text;
            sameAsPrevious = size;
            return;
        }
        int i = indexOf(name);
        if (i < 0) {
            append(name, text);
        } else {
            values[i] = repeatIsNotScalar ? NOT_SCALAR : text;
            nonScalars |= repeatIsNotScalar;
        }
    }

    /** Drops what is not a scalar, once the whole row is read. */
    void dropNonScalars() {
        if (!nonScalars) {
            return;
        }
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] != NOT_SCALAR) {
                keys[n] = keys[i];
                values[n++] = values[i];
            }
        }
        Arrays.fill(values, n, size, null);
        size = n;
    }

    private void append(String name, String text) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = name;
        values[size++] = text;
    }

    private int indexOf(String name) {
        // parsers intern names, so identity usually finds one
        for (int i = 0; i < size; i++) {
            if (keys[i] == name) {
                return i;
            }
        }
        int hash = name.hashCode();
        for (int i = 0; i < size; i++) {
            if (keys[i].hashCode() == hash && keys[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public int size() {
        return size;
    }

    public String key(int i) {
        return keys[i];
    }

    public String value(int i) {
        return values[i];
    }

    /** The value of a column, or null. */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    /** Whether the columns are named as {@code names}, in that order. */
    boolean hasKeys(String[] names) {
        return Arrays.equals(keys, 0, size, names, 0, names.length);
    }

    /** The column names, as a new array. */
    String[] keys() {
        return Arrays.copyOf(keys, size);
    }
}

package io.github.camelbillmgr.internal.reply;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The columns of a {@link io.github.camelbillmgr.model.BillmgrService}: an immutable map in document order, kept as two
 * arrays. A list of services holds one per service, so its size is what bounds how many services fit in a heap: a
 * {@code LinkedHashMap} costs some 40 bytes per column before its strings; this costs 4, and the rows of one page share
 * one key array ({@link ServiceMapper}). Lookups scan the keys; a service has a few dozen columns at most.
 */
public final class ColumnMap extends AbstractMap<String, String> {

    private static final ColumnMap EMPTY = new ColumnMap(new String[0], new String[0]);

    private final String[] keys;
    private final String[] values;

    private ColumnMap(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** A map of these keys and values; both arrays are kept (not copied) and must not change afterwards. */
    static ColumnMap of(String[] keys, String[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + values.length + " values");
        }
        return keys.length == 0 ? EMPTY : new ColumnMap(keys, values);
    }

    /** The same entries, in the same order, as a ColumnMap (the map itself when it is one). */
    public static ColumnMap copyOf(Map<String, String> map) {
        if (map instanceof ColumnMap c) {
            return c;
        }
        if (map == null || map.isEmpty()) {
            return EMPTY;
        }
        String[] k = new String[map.size()];
        String[] v = new String[k.length];
        int i = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            k[i] = java.util.Objects.requireNonNull(e.getKey(), "a column name");
            v[i++] = e.getValue();
        }
        return new ColumnMap(k, v);
    }

    private int indexOf(Object key) {
        // Jackson interns field names, so identity usually finds the key
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        if (key instanceof String s) {
            int hash = s.hashCode(); // cached by String: cheaper than equals on a name that is absent
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].hashCode() == hash && keys[i].equals(s)) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public String get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}

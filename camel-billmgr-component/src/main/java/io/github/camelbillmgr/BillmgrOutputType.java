package io.github.camelbillmgr;

/** What the {@code list} producer puts in the body. */
public enum BillmgrOutputType {
    /** A {@code List<BillmgrService>} with every matching service: simple, but the whole list is in memory. */
    list,
    /**
     * A lazy {@code Iterator<BillmgrService>} (also {@code Closeable}) that requests the next page only when the
     * previous one has been consumed: with {@code split(body()).streaming()} a list of any length is handled with one
     * page in memory.
     */
    iterator
}

package io.github.camelbillmgr.internal.op;

import java.io.Closeable;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.reply.PageValues;
import io.github.camelbillmgr.model.BillmgrService;
import org.apache.camel.RuntimeCamelException;

/**
 * The body of {@code billmgr:TYPE/list?outputType=iterator}: the services of a list, read one page at a time. The
 * next page is requested only when the services of the previous one have all been taken, so a route that handles
 * each service as it comes ({@code split(body()).streaming()}) holds one page of services at most, however long the
 * list is.
 * <p>
 * A page that cannot be read surfaces from {@code hasNext()} as a {@link RuntimeCamelException} whose cause is the
 * {@link BillmgrException} ({@code onException(BillmgrException.class)} matches it through the cause). Not thread
 * safe; one pass only. Closing it (Camel's splitter does when it is done) stops reading further pages.
 */
public final class ServiceIterator implements Iterator<BillmgrService>, Closeable {

    private final ServiceLister lister;
    private final Map<String, Object> extra;
    private final PageCursor cursor;
    private final ServiceLister.ServiceHandler filter;
    private final ArrayDeque<BillmgrService> page = new ArrayDeque<>();
    /** The values of the page read last: what they taught about the columns helps read the next. */
    private PageValues values;
    private BillmgrException failure;
    private boolean closed;

    ServiceIterator(ServiceLister lister, Map<String, Object> extra) {
        this.lister = lister;
        this.extra = extra;
        this.cursor = lister.cursor();
        this.filter = lister.clientSideFilter(page::add);
    }

    @Override
    public boolean hasNext() {
        try {
            return more();
        } catch (BillmgrException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * {@link #hasNext()} for callers that handle the checked exception: reads the next page when the current one has
     * been consumed. After a failure, every call fails the same way.
     */
    public boolean more() throws BillmgrException {
        if (failure != null) {
            throw failure;
        }
        try {
            // a page may hold nothing that passes the client-side filter: then read on
            while (page.isEmpty() && !closed && cursor.hasNextPage()) {
                readNextPage();
            }
        } catch (BillmgrException e) {
            failure = e;
            page.clear();
            throw e;
        }
        return !page.isEmpty();
    }

    @Override
    public BillmgrService next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more services in the list");
        }
        return page.poll();
    }

    /** Reads the first page now, so that a failing request fails the producer rather than the route that iterates. */
    public ServiceIterator open() throws BillmgrException {
        if (cursor.read() == 0 && cursor.hasNextPage()) {
            readNextPage();
        }
        return this;
    }

    private void readNextPage() throws BillmgrException {
        if (!lister.client().isStarted()) {
            throw new IllegalStateException("The billmgr endpoint of this list was stopped: its remaining pages cannot "
                    + "be read");
        }
        values = lister.readPage(cursor, extra, filter, values);
    }

    /**
     * The number of matching services BILLmanager reported ({@code p_elems}) on the pages read so far, or null when
     * it reported none.
     */
    public Long reportedTotal() {
        return cursor.total();
    }

    /**
     * Whether the pages read so far show that the list changed while it was being read (see
     * {@link PageCursor#changedWhileRead()}): then a service may have been skipped or seen twice.
     */
    public boolean listChangedWhileRead() {
        return cursor.changedWhileRead();
    }

    /** The services read and not yet taken: at most one page. */
    int buffered() {
        return page.size();
    }

    /** Stops reading: the services of the current page are dropped and no further page is requested. */
    @Override
    public void close() {
        closed = true;
        cursor.stop();
        page.clear();
    }
}

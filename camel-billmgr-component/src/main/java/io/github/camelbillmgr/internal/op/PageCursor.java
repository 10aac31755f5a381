package io.github.camelbillmgr.internal.op;

import io.github.camelbillmgr.BillmgrTransportException;

/**
 * Decides, page after page, whether a service list has more pages ({@code p_cnt}/{@code p_num}). Shared by every way
 * a list is read, so that they all stop at the same place.
 * <p>
 * When BILLmanager reports the number of matching rows ({@code p_elems}) it is trusted: pages are read until that many
 * rows came, or a page is empty. A page shorter than {@code p_cnt} does not end the list then, because a server may cap
 * the page size below what was asked. Only without {@code p_elems} does a short page mean the last page.
 */
final class PageCursor {

    /** What one page brought: its raw rows (before any client-side filter), the reported total, its first id. */
    record Page(int rows, Long total, Long firstId) {
    }

    private final int pageSize;
    private final boolean singlePage;
    private int page;
    private long read;
    private Long total;
    private Long previousFirstId;
    private boolean done;
    private boolean stopped;
    private boolean totalChanged;

    /**
     * @param pageSize   the rows asked per page ({@code p_cnt})
     * @param pageNumber the only page to read (from 1), or 0 to read every page
     */
    PageCursor(int pageSize, int pageNumber) {
        this.pageSize = pageSize;
        this.singlePage = pageNumber > 0;
        this.page = singlePage ? pageNumber : 1;
    }

    /** True while another page is to be read. */
    boolean hasNextPage() {
        return !done;
    }

    /** The number ({@code p_num}) of the next page to read. */
    int page() {
        return page;
    }

    /** Rows read so far, before any client-side filter. */
    long read() {
        return read;
    }

    /** The total BILLmanager reported on the last page that had one, or null. */
    Long total() {
        return total;
    }

    /** Records what the page just read brought and decides whether another page follows. */
    void advance(Page p, String func) throws BillmgrTransportException {
        read += p.rows();
        if (p.total() != null) {
            totalChanged |= total != null && !total.equals(p.total());
            total = p.total();
        }
        if (page > 1 && p.rows() > 0 && p.firstId() != null && p.firstId().equals(previousFirstId)) {
            // the same first row again: the server ignores p_num, and following it would loop forever
            throw new BillmgrTransportException("BILLmanager returned the same rows for page " + page + " of '" + func
                    + "' as for page " + (page - 1) + ": it seems to ignore paging "
                    + "(p_num); read the list with pageNumber or a larger pageSize",
                    func, null, 200, "OK", null, null, null);
        }
        previousFirstId = p.firstId();
        boolean more = total != null ? read < total : p.rows() >= pageSize;
        done = singlePage || p.rows() == 0 || !more;
        page++;
    }

    /** Ends the list early: no further page is read. */
    void stop() {
        done = true;
        stopped = true;
    }

    /**
     * Whether the pages read show that the list changed between two page requests: BILLmanager reported different
     * totals ({@code p_elems}) on two pages, or, once the whole list was read, the rows read do not add up to the
     * total. Offset paging then may have skipped a row or shown one twice. False only says that nothing showed it: a
     * service deleted and another added between two pages leave the total as it was.
     */
    boolean changedWhileRead() {
        if (totalChanged) {
            return true;
        }
        boolean readToTheEnd = done && !stopped && !singlePage;
        return readToTheEnd && total != null && read != total;
    }
}

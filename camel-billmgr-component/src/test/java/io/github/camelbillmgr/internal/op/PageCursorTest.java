package io.github.camelbillmgr.internal.op;

import io.github.camelbillmgr.BillmgrTransportException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a list has another page: p_elems decides when BILLmanager reports it, a short page only when it does not. */
class PageCursorTest {

    private static PageCursor.Page page(int rows, Long total, long firstId) {
        return new PageCursor.Page(rows, total, rows == 0 ? null : firstId);
    }

    @Test
    void withPElemsShortPagesDoNotEndTheList() throws Exception {
        // asked for 1000 a page, the server caps at 10: read on until the 25 reported rows came
        PageCursor cursor = new PageCursor(1000, 0);
        cursor.advance(page(10, 25L, 1), "vds");
        assertTrue(cursor.hasNextPage());
        assertEquals(2, cursor.page());
        cursor.advance(page(10, 25L, 11), "vds");
        assertTrue(cursor.hasNextPage());
        cursor.advance(page(5, 25L, 21), "vds");
        assertFalse(cursor.hasNextPage());
        assertEquals(25, cursor.read());
        assertEquals(25L, cursor.total());
    }

    @Test
    void withPElemsAnEmptyPageEndsTheList() throws Exception {
        // services deleted while the list was read: fewer rows than reported, then an empty page
        PageCursor cursor = new PageCursor(10, 0);
        cursor.advance(page(10, 30L, 1), "vds");
        cursor.advance(page(0, 18L, 0), "vds");
        assertFalse(cursor.hasNextPage());
    }

    @Test
    void withoutPElemsAShortPageIsTheLast() throws Exception {
        PageCursor cursor = new PageCursor(10, 0);
        cursor.advance(page(10, null, 1), "vds");
        assertTrue(cursor.hasNextPage());
        cursor.advance(page(9, null, 11), "vds");
        assertFalse(cursor.hasNextPage());
        assertEquals(19, cursor.read());
    }

    @Test
    void pageNumberReadsOnePage() throws Exception {
        PageCursor cursor = new PageCursor(10, 3);
        assertEquals(3, cursor.page());
        cursor.advance(page(10, 100L, 21), "vds");
        assertFalse(cursor.hasNextPage());
    }

    @Test
    void theSameRowsAgainMeanTheServerIgnoresPNum() throws Exception {
        PageCursor withTotal = new PageCursor(10, 0);
        withTotal.advance(page(10, 100L, 1), "vds");
        BillmgrTransportException e = assertThrows(BillmgrTransportException.class,
                () -> withTotal.advance(page(10, 100L, 1), "vds"));
        assertTrue(e.getMessage().contains("ignore paging"), e.getMessage());
        // without p_elems this would otherwise never end
        PageCursor withoutTotal = new PageCursor(10, 0);
        withoutTotal.advance(page(10, null, 1), "vds");
        assertThrows(BillmgrTransportException.class, () -> withoutTotal.advance(page(10, null, 1), "vds"));
    }

    @Test
    void aListReadWhileItChangedShowsItOnlyThroughItsTotals() throws Exception {
        PageCursor steady = new PageCursor(10, 0);
        steady.advance(page(10, 15L, 1), "vds");
        steady.advance(page(5, 15L, 11), "vds");
        assertFalse(steady.changedWhileRead(), "the same total on every page, and the rows add up to it");

        PageCursor totalMoved = new PageCursor(10, 0);
        totalMoved.advance(page(10, 15L, 1), "vds");
        totalMoved.advance(page(4, 14L, 11), "vds");
        assertTrue(totalMoved.changedWhileRead(), "p_elems 15, then 14: a service went while the list was read");

        PageCursor rowsShort = new PageCursor(10, 0);
        rowsShort.advance(page(10, 30L, 1), "vds");
        rowsShort.advance(page(0, 30L, 0), "vds");
        assertTrue(rowsShort.changedWhileRead(), "30 reported, 10 read before an empty page");

        PageCursor stopped = new PageCursor(10, 0);
        stopped.advance(page(10, 30L, 1), "vds");
        stopped.stop();
        assertFalse(stopped.changedWhileRead(), "a read stopped early says nothing about the rows it did not read");

        PageCursor onePage = new PageCursor(10, 2);
        onePage.advance(page(10, 30L, 11), "vds");
        assertFalse(onePage.changedWhileRead(), "pageNumber: one page of many is not a short read");
    }
}

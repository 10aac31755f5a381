package io.github.camelbillmgr.internal;

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
}

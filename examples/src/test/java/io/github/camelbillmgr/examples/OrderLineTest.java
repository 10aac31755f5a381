package io.github.camelbillmgr.examples;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Order lines as spreadsheets and scripts write them. */
class OrderLineTest {

    @Test
    void quotedFieldsAreUnquoted() {
        OrderLine line = OrderLine.parse("\"order-10\",\"6\",\"1\",\"ISPsystem__Ubuntu-22.04-amd64\",\"1024\"");
        assertEquals(new OrderLine("order-10", "6", 1, "ISPsystem__Ubuntu-22.04-amd64", 1024), line);
    }

    @Test
    void aQuotedFieldMayHoldCommasAndQuotes() {
        assertEquals("shop 7, room \"B\"",
                OrderLine.parse("\"shop 7, room \"\"B\"\"\",6,1,ISPsystem__Debian-12-amd64,2048").remoteId());
    }

    @Test
    void blanksAroundFieldsAndCarriageReturnsAreDropped() {
        assertEquals(new OrderLine("o-1", "6", 3, "ISPsystem__Debian-12-amd64", 2048),
                OrderLine.parse(" o-1 , 6,3 ,ISPsystem__Debian-12-amd64, 2048\r"));
    }

    @Test
    void theByteOrderMarkOfTheFirstLineIsNotData() {
        assertNull(OrderLine.parse("\uFEFFremoteid,tariff,period,ostempl,ram_mb"), "the header line, after a BOM");
        assertEquals("o-1", OrderLine.parse("\uFEFFo-1,6,1,ISPsystem__Debian-12-amd64,1024").remoteId(),
                "a first order line after a BOM (a file without a header)");
    }

    @Test
    void commentsAndBlankLinesAreNotOrders() {
        assertNull(OrderLine.parse("# a comment, with commas"));
        assertNull(OrderLine.parse("   "));
        assertNull(OrderLine.parse(""));
    }

    @Test
    void brokenLinesSayWhy() {
        IllegalArgumentException unclosed = assertThrows(IllegalArgumentException.class,
                () -> OrderLine.parse("\"o-1,6,1,ISPsystem__Debian-12-amd64,1024"));
        assertTrue(unclosed.getMessage().startsWith("not a CSV line"), unclosed.getMessage());
        assertEquals("expected 5 comma separated fields (remoteid,tariff,period,ostempl,ram_mb), got 4: o-1,6,1,x",
                assertThrows(IllegalArgumentException.class, () -> OrderLine.parse("o-1,6,1,x")).getMessage());
        assertEquals("field 2 is empty: o-1,\"\",1,ISPsystem__Debian-12-amd64,1024",
                assertThrows(IllegalArgumentException.class,
                        () -> OrderLine.parse("o-1,\"\",1,ISPsystem__Debian-12-amd64,1024")).getMessage());
    }
}

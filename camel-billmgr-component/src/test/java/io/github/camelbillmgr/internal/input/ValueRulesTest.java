package io.github.camelbillmgr.internal.input;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The value rules on their own: what each accepts, what it returns, and what its refusal says. */
class ValueRulesTest {

    @Test
    void periodTakesMonthsAndBillmanagersCodes() {
        assertEquals(12, ValueRules.period("period option", "12", false));
        assertEquals(-100, ValueRules.period("period option", -100, false));
        assertEquals(0, ValueRules.period("period option", 0L, false));
        assertEquals(-50, ValueRules.period("period option", " -50 ", true));
        InvalidValueException renewal
                = assertThrows(InvalidValueException.class, () -> ValueRules.period("header P", 0, true));
        assertEquals("Invalid header P '0': prolong takes a whole number of months (1, 3, 12, ...) or -50 (daily); "
                + "0 (one-time) and -100 (trial) are for orders", renewal.getMessage());
        // a long that does not fit an int would wrap around to a valid-looking period
        assertThrows(InvalidValueException.class, () -> ValueRules.period("p", 4294967297L, false));
        assertThrows(InvalidValueException.class, () -> ValueRules.period("p", "1.5", false));
        assertThrows(InvalidValueException.class, () -> ValueRules.period("p", "99999999999", false));
    }

    @Test
    void idsArePositiveAndFitALong() {
        assertEquals("7", ValueRules.id("pricelist option", " 7 "));
        assertTrue(ValueRules.isId("999999999999999999"));
        assertFalse(ValueRules.isId("1000000000000000000"), "19 digits");
        assertFalse(ValueRules.isId("0"));
        assertFalse(ValueRules.isId("-1"));
        InvalidValueException e
                = assertThrows(InvalidValueException.class, () -> ValueRules.id("pricelist option", "x"));
        assertEquals("Invalid pricelist option 'x': must be a positive whole number (a BILLmanager id)",
                e.getMessage());
        assertTrue(assertThrows(InvalidValueException.class, () -> ValueRules.addonId("addon.ram option", "ram"))
                .getMessage().contains("the add-on id 'ram' must be a number"));
    }

    @Test
    void autoprolongIsMonthsOrOff() {
        assertEquals("null", ValueRules.autoprolong("o", "OFF"));
        assertEquals("null", ValueRules.autoprolong("o", false));
        assertEquals("3", ValueRules.autoprolong("o", 3));
        assertThrows(InvalidValueException.class, () -> ValueRules.autoprolong("o", "1234567890"));
        assertThrows(InvalidValueException.class, () -> ValueRules.autoprolong("o", "0"));
    }

    @Test
    void headerParamsRefuseReservedNamesAndNestedValues() {
        assertEquals("note", ValueRules.headerParam("note", List.of("a", 1)));
        assertTrue(assertThrows(InvalidValueException.class, () -> ValueRules.headerParam(" FUNC ", "x"))
                .getMessage().contains("is set by the component"));
        assertTrue(assertThrows(InvalidValueException.class, () -> ValueRules.headerParam("x", List.of(Map.of())))
                .getMessage().contains("got a collection"));
        assertTrue(assertThrows(InvalidValueException.class, () -> ValueRules.headerParam(5, "x"))
                .getMessage().contains("parameter names must be non-empty text, got '5'"));
        assertEquals("3", ValueRules.addonValue("header A", "55", " 3 "));
        assertTrue(assertThrows(InvalidValueException.class, () -> ValueRules.addonValue("header A", "55", new int[0]))
                .getMessage().contains("got an array"));
    }

    @Test
    void loneSurrogatesAreFoundPairsAreNot() {
        assertEquals(-1, ValueRules.loneSurrogate("a\uD83D\uDE00b"));
        assertEquals(1, ValueRules.loneSurrogate("a\uD83Db"));
        assertEquals(0, ValueRules.loneSurrogate("\uDE00"));
        assertEquals(-1, ValueRules.loneSurrogate(null));
    }

    @Test
    void serviceIdsCountEachIdOnce() {
        assertEquals(List.of(3L, 4L), ServiceIds.parse("3, 4, 3", 2));
        assertEquals(List.of(5L), ServiceIds.parse(new long[] { 5 }, 1));
        assertTrue(assertThrows(InvalidValueException.class, () -> ServiceIds.parse("1,2,3", 2)).getMessage()
                .contains("more than maxServiceIds (2)"));
        assertTrue(assertThrows(InvalidValueException.class, () -> ServiceIds.parse(List.of(), 2)).getMessage()
                .contains("the collection of ids is empty"));
    }

    @Test
    void thePathIsItemTypeSlashOperation() {
        assertArrayEquals(new String[] { "vds", "order" }, EndpointCheck.splitPath("vds/order"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EndpointCheck.splitPath("vds/order/x"))
                .getMessage().contains("expected billmgr:itemType/operation"));
    }
}

package io.github.camelbillmgr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input carried by an exchange fails before anything is sent, with a message that names the header or option,
 * the value and what is allowed.
 */
class BadInputTest extends BillmgrTestSupport {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("billmgr:vds/order", Map.of(), "Missing pricelist"),
                Arguments.of("billmgr:vds/order", Map.of(BillmgrConstants.PRICELIST, "six"),
                        "Invalid header CamelBillmgrPricelist 'six'"),
                Arguments.of("billmgr:vds/order?pricelist=6", Map.of(BillmgrConstants.PERIOD, "1.5"),
                        "Invalid header CamelBillmgrPeriod '1.5': the period must be a whole number of months"),
                Arguments.of("billmgr:vds/order?pricelist=6", Map.of(BillmgrConstants.PERIOD, 1.5d),
                        "Invalid header CamelBillmgrPeriod '1.5'"),
                Arguments.of("billmgr:vds/order?pricelist=6", Map.of(BillmgrConstants.PERIOD, "monthly"),
                        "whole number of months"),
                Arguments.of("billmgr:vds/order?pricelist=6", Map.of(BillmgrConstants.ADDONS, "ram=2048"),
                        "Invalid header CamelBillmgrAddons: expected a Map of add-on id to value"),
                Arguments.of("billmgr:vds/order?pricelist=6", Map.of(BillmgrConstants.ADDONS, Map.of("ram", 2048)),
                        "the add-on id 'ram' must be a number"),
                Arguments.of("billmgr:vds/order?pricelist=6",
                        Map.of(BillmgrConstants.ADDONS, Map.of(11, List.of(1, 2))),
                        "the value of add-on 11 must be a number or text, got a collection"),
                Arguments.of("billmgr:vds/order?pricelist=6", Map.of(BillmgrConstants.AUTOPROLONG, "yearly"),
                        "Invalid header CamelBillmgrAutoprolong 'yearly'"),
                Arguments.of("billmgr:vds/order?pricelist=6", Map.of(BillmgrConstants.AUTOPROLONG, true),
                        "give the auto-renewal period in months"),
                Arguments.of("billmgr:vds/order?pricelist=6", Map.of(BillmgrConstants.REMOTE_ID, List.of("a", "b")),
                        "Invalid header CamelBillmgrRemoteId: expected a single value"),
                Arguments.of("billmgr:vds/order?pricelist=6", Map.of(BillmgrConstants.SKIP_BASKET, "yes"),
                        "Invalid header CamelBillmgrSkipBasket 'yes': expected true"),
                Arguments.of("billmgr:vds/order?pricelist=6", Map.of(BillmgrConstants.OSTEMPL, List.of("a", "b")),
                        "Invalid header CamelBillmgrOstempl: expected a single value"),
                Arguments.of("billmgr:vds/order?pricelist=6", Map.of(BillmgrConstants.PARAMS, "x=1"),
                        "Invalid header CamelBillmgrParams: expected a Map"),
                Arguments.of("billmgr:vds/order?pricelist=6", Map.of(BillmgrConstants.PARAMS, Map.of("func", "x")),
                        "the parameter 'func' is set by the component"),
                // a masked value: the test's name is logged, and the leak check fails on a clear authinfo anywhere
                Arguments.of("billmgr:vds/order?pricelist=6",
                        Map.of(BillmgrConstants.PARAMS, Map.of("authinfo", "user:xxxxxx")),
                        "the parameter 'authinfo' is set by the component"),
                Arguments.of("billmgr:vds/prolong?period=1", Map.of(), "Missing service id"),
                Arguments.of("billmgr:vds/prolong", Map.of(BillmgrConstants.SERVICE_ID, 5), "Missing period"),
                Arguments.of("billmgr:vds/prolong?period=1", Map.of(BillmgrConstants.SERVICE_ID, "abc"),
                        "Invalid service id 'abc'"),
                Arguments.of("billmgr:vds/prolong?period=1", Map.of(BillmgrConstants.SERVICE_ID, -5),
                        "Invalid service id '-5'"),
                Arguments.of("billmgr:vds/prolong?period=1", Map.of(BillmgrConstants.SERVICE_ID, 0L),
                        "a service id is a positive whole number"),
                Arguments.of("billmgr:vds/prolong?period=1", Map.of(BillmgrConstants.SERVICE_ID, List.of()),
                        "the collection of ids is empty"),
                Arguments.of("billmgr:vds/prolong?period=1", Map.of(BillmgrConstants.SERVICE_ID, List.of(1, "x")),
                        "Invalid service id 'x'"),
                Arguments.of("billmgr:vds/prolong?period=1", Map.of(BillmgrConstants.SERVICE_ID, "1,,2"),
                        "Invalid service id ''"),
                Arguments.of("billmgr:vds/prolong?period=1", Map.of(BillmgrConstants.SERVICE_ID, 3.7d),
                        "Invalid service id '3.7'"),
                Arguments.of("billmgr:vds/edit", Map.of(BillmgrConstants.SERVICE_ID, List.of(1, 2)),
                        "edit takes exactly one service id, got 2"),
                Arguments.of("billmgr:vds/get", Map.of(BillmgrConstants.SERVICE_ID, "1, 2"),
                        "get takes exactly one service id"),
                Arguments.of("billmgr:vds/get", Map.of(), "Missing service id"),
                Arguments.of("billmgr:vds/suspend", Map.of(), "Missing service id"),
                Arguments.of("billmgr:vds/resume", Map.of(BillmgrConstants.SERVICE_ID, "id-7"),
                        "Invalid service id 'id-7'"),
                Arguments.of("billmgr:vds/delete", Map.of(BillmgrConstants.SERVICE_ID, new Object()),
                        "Invalid service id"),
                Arguments.of("billmgr:func/service.history", Map.of(BillmgrConstants.SERVICE_ID, "x"),
                        "Invalid service id 'x'"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void failsBeforeSendingWithASpecificMessage(String uri, Map<String, Object> headers, String expected) {
        simulator.clearRequests();
        BillmgrInvalidInputException e = failure(uri, new HashMap<>(headers), BillmgrInvalidInputException.class);
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
        assertTrue(e.getMessage().contains(uri.replaceAll("\\?.*", "")), () -> "names the endpoint: " + e.getMessage());
        assertEquals(0, simulator.requests().size(), "nothing was sent");
    }
}

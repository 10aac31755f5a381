package io.github.camelbillmgr;

import java.util.Map;
import java.util.stream.Stream;

import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Orders of the other item types than vds: the function and period parameter each uses on the wire (BILLmanager 6's
 * v2.TYPE.order.param with order_period, the license wizard TYPE.order.param with period and clicked_button=finish,
 * BILLmanager 5's TYPE.order.param) and the service that results.
 */
class OrderItemTypesTest extends BillmgrTestSupport {

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("dedic", "pricelist=20&period=3&datacenter=1", "v2.dedic.order.param", "order_period", 3),
                Arguments.of("dedic", "pricelist=21&period=12&apiVersion=5", "dedic.order.param", "period", 12),
                Arguments.of("vhost", "pricelist=30&period=12&domain=shop.example.com", "v2.vhost.order.param",
                        "order_period", 12),
                Arguments.of("soft", "pricelist=40&period=1&param.ip=192.0.2.10&param.licname=shop-panel",
                        "soft.order.param", "period", 1));
    }

    @ParameterizedTest(name = "{0}: {2} with {3}")
    @MethodSource("orders")
    void eachItemTypeOrdersThroughItsFunction(String type, String options, String func, String periodParam,
                                              int period) {
        simulator.clearRequests();
        BillmgrOrderResult result = call("billmgr:" + type + "/order?" + options,
                Map.of(BillmgrConstants.REMOTE_ID, type + "-1"), BillmgrOrderResult.class);
        assertNotNull(result.getServiceId(), "paid at once: the new service id");
        assertEquals(type, result.getItemType());

        RecordedRequest order = simulator.requests().stream().filter(r -> func.equals(r.func())).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + func + " call in " + simulator.requests()));
        assertEquals(String.valueOf(period), order.param(periodParam));
        assertNull(order.param("order_period".equals(periodParam) ? "period" : "order_period"),
                "one period spelling only");
        assertEquals("ok", order.param("sok"));
        assertEquals("on", order.param("skipbasket"));
        assertEquals(func.startsWith("soft.") ? "finish" : null, order.param("clicked_button"));

        SimService s = service(result.getServiceId());
        assertEquals(type, s.itemType());
        assertEquals(2, s.status(), "active");
        assertEquals(period, s.period());
        assertEquals(type + "-1", s.remoteId());
        if ("soft".equals(type)) {
            assertEquals("192.0.2.10", s.ip());
            assertEquals("shop-panel", s.licname());
        }
        if ("vhost".equals(type)) {
            assertEquals("shop.example.com", s.domain());
        }

        BillmgrService got
                = call("billmgr:" + type + "/get", Map.of(BillmgrConstants.SERVICE_ID, result.getServiceId()),
                        BillmgrService.class);
        assertEquals(result.getServiceId(), got.getId(), "and the component reads it back");
        assertEquals(s.expireDate(), got.getExpireDate());
    }
}

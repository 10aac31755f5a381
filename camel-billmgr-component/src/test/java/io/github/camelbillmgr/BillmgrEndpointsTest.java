package io.github.camelbillmgr;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every option the URI builder can set is a real endpoint option of the catalog, and its URIs work. */
class BillmgrEndpointsTest extends BillmgrTestSupport {

    private static Set<String> catalogOptions() throws Exception {
        try (InputStream in = BillmgrEndpointsTest.class.getResourceAsStream("/META-INF/io/github/camelbillmgr/billmgr.json")) {
            JsonNode catalog = new ObjectMapper().readTree(in);
            Set<String> names = new java.util.HashSet<>();
            catalog.get("properties").fields().forEachRemaining(e -> {
                names.add(e.getKey());
                if (e.getValue().has("prefix")) {
                    names.add(e.getValue().get("prefix").asText());
                }
            });
            return names;
        }
    }

    private static Object sample(Class<?> type) {
        if (type == String.class || type == Object.class) {
            return "x";
        } else if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 1 : (Object) 1L;
        } else if (type == boolean.class) {
            return true;
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        throw new AssertionError("no sample for " + type);
    }

    @Test
    void everyBuilderMethodSetsACatalogOption() throws Exception {
        Set<String> catalog = catalogOptions();
        List<String> checked = new ArrayList<>();
        for (Method m : BillmgrEndpointBuilder.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.getReturnType() != BillmgrEndpointBuilder.class) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = sample(m.getParameterTypes()[i]);
            }
            BillmgrEndpointBuilder b = (BillmgrEndpointBuilder) m.invoke(BillmgrEndpoints.vds().list(), args);
            String uri = b.uri();
            Map<String, Object> query = URISupport.parseQuery(URISupport.extractQuery(uri));
            assertEquals(1, query.size(), m.getName() + " sets one option: " + uri);
            String option = query.keySet().iterator().next();
            String name = option.contains(".") ? option.substring(0, option.indexOf('.') + 1) : option;
            assertTrue(catalog.contains(name), m.getName() + " sets '" + option + "', which is not a catalog option");
            checked.add(m.getName());
        }
        assertTrue(checked.size() >= 35, "all setters were checked: " + checked);
    }

    @Test
    void builtUrisResolveAndWork() {
        String uri = BillmgrEndpoints.vds().order().pricelist(6).period(1).addon(11, 2048)
                .ostempl("ISPsystem__Ubuntu-22.04-amd64").remoteId("a b&c").uri();
        assertTrue(uri.startsWith("billmgr:vds/order?"), uri);
        BillmgrOrderResult r = call(uri, null, BillmgrOrderResult.class);
        assertNotNull(r.getServiceId());
        assertEquals("a b&c", service(r.getServiceId()).remoteId(), "values are encoded");
        assertEquals("2048", service(r.getServiceId()).addons().get(11));

        assertEquals("billmgr:func/dashboard.info", BillmgrEndpoints.func("dashboard.info").uri());
        assertEquals("billmgr:vds/list?status=3", BillmgrEndpoints.vds().list().status(BillmgrServiceStatus.SUSPENDED).uri());
        assertEquals("billmgr:vds/edit?autoprolong=off", BillmgrEndpoints.vds().edit().autoprolongOff().uri());
        BillmgrEndpoint e = context.getEndpoint(BillmgrEndpoints.type("zabota-o-servere").list()
                .emit(BillmgrEmitMode.changes).delay(5000).filter("ip", "10.0.0.1").uri(), BillmgrEndpoint.class);
        assertEquals("zabota-o-servere", e.getConfiguration().getItemType());
        assertEquals(BillmgrEmitMode.changes, e.getConfiguration().getEmit());
        assertEquals("10.0.0.1", e.getConfiguration().getFilters().get("ip"));
    }
}

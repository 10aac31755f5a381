package io.github.camelbillmgr;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.LoggingLevel;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The URI builder and the catalog agree both ways: every builder method sets a real endpoint option, and every
 * endpoint option has a builder method or is left out on purpose (listed in {@link #LEFT_OUT}, with the reason).
 * Its URIs resolve to endpoints configured as asked.
 */
class BillmgrEndpointsTest extends BillmgrTestSupport {

    /**
     * Endpoint options the builder does not offer on purpose. Anything else in the catalog needs a method, so an
     * option added to the component (BillmgrConfiguration, BillmgrEndpoint) without one fails
     * {@link #everyEndpointOptionHasABuilderMethodOrIsLeftOutOnPurpose}.
     */
    private static final Map<String, String> LEFT_OUT = Map.of(
            // a secret does not belong in a URI string, which ends up in logs, JMX and route dumps
            "password", "a secret: set it on the component (camel.component.billmgr.password)",
            // the user goes with its password; an endpoint for another user is another component (ExampleMain's
            // billmgr-admin), so that a password never has to be written next to a route
            "username", "the credentials go together, on the component");

    private static Map<String, JsonNode> endpointOptions() throws Exception {
        try (InputStream in
                = BillmgrEndpointsTest.class.getResourceAsStream("/META-INF/io/github/camelbillmgr/billmgr.json")) {
            JsonNode catalog = new ObjectMapper().readTree(in);
            Map<String, JsonNode> options = new TreeMap<>();
            catalog.get("properties").fields().forEachRemaining(e -> {
                // the path parameters (itemType, operation) are what BillmgrEndpoints.type(...).xyz() chooses
                if ("parameter".equals(e.getValue().path("kind").asText())) {
                    options.put(e.getKey(), e.getValue());
                }
            });
            return options;
        }
    }

    /** The catalog option a URI query key sets: the key itself, or the multi-value option whose prefix it has. */
    private static String optionOf(String key, Map<String, JsonNode> options) {
        if (options.containsKey(key)) {
            return key;
        }
        return options.entrySet().stream()
                .filter(e -> e.getValue().has("prefix") && key.startsWith(e.getValue().get("prefix").asText()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
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
        throw new AssertionError("no sample for " + type + ": add one to BillmgrEndpointsTest.sample");
    }

    /** Calls every option method of the builder; returns what each writes: query key to method name. */
    private static Map<String, String> writtenByBuilder() throws Exception {
        Map<String, String> written = new LinkedHashMap<>();
        for (Method m : BillmgrEndpointBuilder.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.getReturnType() != BillmgrEndpointBuilder.class) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = sample(m.getParameterTypes()[i]);
            }
            String uri = ((BillmgrEndpointBuilder) m.invoke(BillmgrEndpoints.vds().list(), args)).uri();
            Map<String, Object> query = URISupport.parseQuery(URISupport.extractQuery(uri));
            assertEquals(1, query.size(), m.getName() + " sets one option: " + uri);
            written.put(query.keySet().iterator().next(), m.getName());
        }
        return written;
    }

    @Test
    void everyBuilderMethodSetsACatalogOption() throws Exception {
        Map<String, JsonNode> options = endpointOptions();
        Map<String, String> written = writtenByBuilder();
        written.forEach((key, method) -> assertNotNull(optionOf(key, options),
                method + " sets '" + key + "', which is not an endpoint option of billmgr.json"));
        assertTrue(written.size() >= 50, "all option methods were checked: " + written);
    }

    @Test
    void everyEndpointOptionHasABuilderMethodOrIsLeftOutOnPurpose() throws Exception {
        Map<String, JsonNode> options = endpointOptions();
        Map<String, String> methodByOption = new TreeMap<>();
        writtenByBuilder().forEach((key, method) -> methodByOption.put(optionOf(key, options), method));

        List<String> missing = new ArrayList<>();
        options.forEach((name, option) -> {
            if (!methodByOption.containsKey(name) && !LEFT_OUT.containsKey(name)) {
                missing.add("'" + name + "' (" + option.path("javaType").asText() + ", " + option.path("group").asText()
                        + "): add to BillmgrEndpointBuilder\n      " + suggestedMethod(name, option));
            }
        });
        if (!missing.isEmpty()) {
            fail("These endpoint options of billmgr.json have no BillmgrEndpointBuilder method:\n  "
                    + String.join("\n  ", missing)
                    + "\n(or, if an option must not be in a URI, add it with the reason to BillmgrEndpointsTest.LEFT_OUT)");
        }
        LEFT_OUT.keySet().forEach(name -> {
            assertTrue(options.containsKey(name),
                    "LEFT_OUT names '" + name + "', which is no endpoint option any more");
            assertFalse(methodByOption.containsKey(name),
                    "'" + name + "' is LEFT_OUT, yet " + methodByOption.get(name) + " sets it");
        });
    }

    /** The one line to add for an option, after its catalog type. */
    private static String suggestedMethod(String name, JsonNode option) {
        String javaType = option.path("javaType").asText();
        String head = "public BillmgrEndpointBuilder ";
        if (option.has("prefix")) {
            String prefix = option.get("prefix").asText();
            return head + name + "(String name, Object value) { return option(\"" + prefix + "\" + name, value); }";
        }
        String type = switch (javaType) {
            case "int", "long", "boolean", "double" -> javaType;
            case "java.lang.Integer" -> "int";
            case "java.lang.Long" -> "long";
            case "java.lang.Boolean" -> "boolean";
            case "java.lang.String" -> "String";
            default -> "enum".equals(option.path("type").asText()) ? javaType.substring(javaType.lastIndexOf('.') + 1)
                    : null;
        };
        if (type == null) {
            // a bean: referred to by name
            return head + name + "(String beanName) { return bean(\"" + name + "\", beanName); }";
        }
        return head + name + "(" + type + " " + name + ") { return option(\"" + name + "\", " + name + "); }";
    }

    @Test
    void theSuggestedMethodFitsTheOptionType() {
        ObjectMapper json = new ObjectMapper();
        assertEquals(
                "public BillmgrEndpointBuilder connectTimeout(int connectTimeout) { return option(\"connectTimeout\", "
                        + "connectTimeout); }",
                suggestedMethod("connectTimeout",
                        json.createObjectNode().put("javaType", "int").put("type", "integer")));
        assertEquals("public BillmgrEndpointBuilder sslContextParameters(String beanName) { return "
                + "bean(\"sslContextParameters\", beanName); }",
                suggestedMethod("sslContextParameters", json.createObjectNode()
                        .put("javaType", "org.apache.camel.support.jsse.SSLContextParameters").put("type", "object")));
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
        assertEquals("billmgr:vds/list?status=3",
                BillmgrEndpoints.vds().list().status(BillmgrServiceStatus.SUSPENDED).uri());
        assertEquals("billmgr:vds/edit?autoprolong=off", BillmgrEndpoints.vds().edit().autoprolongOff().uri());
        BillmgrEndpoint e = context.getEndpoint(BillmgrEndpoints.type("zabota-o-servere").list()
                .emit(BillmgrEmitMode.changes).delay(5000).filter("ip", "10.0.0.1").uri(), BillmgrEndpoint.class);
        assertEquals("zabota-o-servere", e.getConfiguration().getItemType());
        assertEquals(BillmgrEmitMode.changes, e.getConfiguration().getEmit());
        assertEquals("10.0.0.1", e.getConfiguration().getFilters().get("ip"));
    }

    @Test
    void schedulerAndBeanOptionsReachTheEndpoint() throws Exception {
        PollingConsumerPollStrategy strategy = new PollingConsumerPollStrategy() {
            @Override
            public boolean begin(Consumer consumer, Endpoint endpoint) {
                return true;
            }

            @Override
            public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            }

            @Override
            public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
                return false;
            }
        };
        ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor();
        try {
            context.getRegistry().bind("strategy", strategy);
            context.getRegistry().bind("pool", pool);
            String uri = BillmgrEndpoints.vds().list().delay(2).timeUnit(TimeUnit.MINUTES).initialDelay(0).greedy(true)
                    .backoffMultiplier(3).backoffErrorThreshold(2).backoffIdleThreshold(4).repeatCount(5)
                    .useFixedDelay(false).runLoggingLevel(LoggingLevel.DEBUG).pollStrategy("strategy")
                    .scheduledExecutorService("pool").schedulerProperty("foo", "bar").generateRemoteId(false).uri();
            BillmgrEndpoint e = context.getEndpoint(uri, BillmgrEndpoint.class);
            assertEquals(2, e.getDelay());
            assertEquals(TimeUnit.MINUTES, e.getTimeUnit());
            assertEquals(0, e.getInitialDelay());
            assertTrue(e.isGreedy());
            assertFalse(e.isUseFixedDelay());
            assertEquals(LoggingLevel.DEBUG, e.getRunLoggingLevel());
            assertSame(strategy, e.getPollStrategy());
            assertSame(pool, e.getScheduledExecutorService());
            assertEquals(3, e.getBackoffMultiplier());
            assertEquals(2, e.getBackoffErrorThreshold());
            assertEquals(4, e.getBackoffIdleThreshold());
            assertEquals(5, e.getRepeatCount());
            assertEquals(Map.of("foo", "bar"), e.getSchedulerProperties());
            assertFalse(e.getConfiguration().isGenerateRemoteId());
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.github.camelbillmgr;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory and file state repositories in JMX, as an operator uses them: the services remembered per state key, and
 * clearing a key so that its consumer announces every service again as created.
 */
class StateRepositoryJmxTest extends BillmgrTestSupport {

    private static final String MEMORY_URI = "billmgr:vds/list?emit=changes&scheduler=#memoryPolls";
    private static final String FILE_URI = "billmgr:vds/list?emit=changes&scheduler=#filePolls&stateRepository=#file";

    @TempDir
    static Path dir;

    private final ConsumerTest.ManualScheduler memoryPolls = new ConsumerTest.ManualScheduler();
    private final ConsumerTest.ManualScheduler filePolls = new ConsumerTest.ManualScheduler();

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("memoryPolls", memoryPolls);
        context.getRegistry().bind("filePolls", filePolls);
        context.getRegistry().bind("file", new FileBillmgrStateRepository(dir.resolve("state.properties")));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(MEMORY_URI).to("mock:memory");
                from(FILE_URI).to("mock:file");
            }
        };
    }

    @Test
    void memoryRepositoryShowsItsSizesAndClearsAKey() throws Exception {
        assertSizesAndClear("MemoryBillmgrStateRepository", MEMORY_URI, memoryPolls, "mock:memory");
    }

    @Test
    void fileRepositoryShowsItsSizesAndClearsAKey() throws Exception {
        assertSizesAndClear("FileBillmgrStateRepository", FILE_URI, filePolls, "mock:file");
        assertEquals(dir.resolve("state.properties").toAbsolutePath().toString(),
                server().getAttribute(repository("FileBillmgrStateRepository"), "File"));
    }

    private void assertSizesAndClear(String type, String uri, ConsumerTest.ManualScheduler polls, String mock)
            throws Exception {
        orderVds(null);
        orderVds(null);
        MockEndpoint out = getMockEndpoint(mock);
        polls.fire();
        int services = out.getReceivedCounter();
        assertTrue(services >= 2, "the first poll announces every service, at least the two ordered: " + services);
        String key = context.getEndpoint(uri, BillmgrEndpoint.class).getStateKey();
        ObjectName name = repository(type);
        assertEquals(Map.of(key, services), server().getAttribute(name, "Sizes"));
        assertEquals(services, server().invoke(name, "size", new Object[] { key },
                new String[] { String.class.getName() }));

        out.reset();
        out.expectedMessageCount(services);
        server().invoke(name, "clearKey", new Object[] { key }, new String[] { String.class.getName() });
        assertEquals(0, server().invoke(name, "size", new Object[] { key }, new String[] { String.class.getName() }));
        polls.fire();
        out.assertIsSatisfied();
        out.getExchanges().forEach(e -> assertEquals("created", e.getMessage().getHeader(BillmgrConstants.CHANGE),
                "a cleared key announces its services again as created"));
    }

    private MBeanServer server() {
        return context.getManagementStrategy().getManagementAgent().getMBeanServer();
    }

    private ObjectName repository(String type) throws Exception {
        Set<ObjectName> names = server().queryNames(new ObjectName("org.apache.camel:context="
                + context.getManagementName()
                + ",type=services,name=" + type + "*"), null);
        assertEquals(1, names.size(), "MBeans: " + names);
        return names.iterator().next();
    }
}

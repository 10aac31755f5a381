package io.github.camelbillmgr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What JMX and the {@code billmgr} dev console show of sessions, login backoff and list consumers, read the way an
 * operator reads them (MBean attributes, the console resolved by name), and that neither shows a session id.
 */
class ManagementTest extends BillmgrTestSupport {

    private static final String SESSION = "billmgr-session";
    private static final String WRONG = "billmgr-wrong";

    private final ConsumerTest.ManualScheduler scheduler = new ConsumerTest.ManualScheduler();

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("manual", scheduler);
        BillmgrComponent session = component(BillmgrSimulator.CLIENT_USER, BillmgrSimulator.CLIENT_PASSWORD);
        session.getConfiguration().setAuthMode(BillmgrAuthMode.session);
        context.addComponent(SESSION, session);
        context.addComponent(WRONG, component(BillmgrSimulator.ADMIN_USER, "Not-The-Password"));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:session").to(SESSION + ":func/whoami");
                from("direct:admin").to(ADMIN + ":func/whoami?authMode=session");
                from("direct:wrong").to(WRONG + ":func/whoami");
                from("billmgr:vds/list?emit=changes&scheduler=#manual").routeId("poll").to("mock:changes");
            }
        };
    }

    @Test
    void jmxShowsTheSessionAndLetsAnOperatorDropIt() throws Exception {
        template.sendBody("direct:session", null);
        ObjectName endpoint = endpoint(SESSION + "://func/whoami");
        assertEquals(true, attribute(endpoint, "SessionActive"));
        assertEquals(1L, attribute(endpoint, "SessionLogins"));
        assertEquals(0L, attribute(endpoint, "SessionRenewals"));
        assertFalse(((String) attribute(endpoint, "SessionLastLogin")).isEmpty());
        assertEquals("session", attribute(endpoint, "AuthMode"));
        assertEquals(BillmgrSimulator.CLIENT_USER, attribute(endpoint, "Username"));
        assertEquals(simulator.getBaseUrl(), attribute(endpoint, "BaseUrl"));

        server().invoke(endpoint, "forgetSession", null, null);
        assertEquals(false, attribute(endpoint, "SessionActive"));
        template.sendBody("direct:session", null);
        assertEquals(true, attribute(endpoint, "SessionActive"));
        assertEquals(2L, attribute(endpoint, "SessionLogins"));
        assertEquals(1L, attribute(endpoint, "SessionRenewals"));
        assertEquals(2, simulator.state().issuedSessionIds().size());
        assertNoSessionIdShown();
    }

    @Test
    void jmxShowsTheLoginPauseAndLetsAnOperatorEndIt() throws Exception {
        assertNotNull(send("direct:wrong", null).getException());
        ObjectName endpoint = endpoint(WRONG + "://func/whoami");
        assertEquals(true, attribute(endpoint, "LoginPaused"));
        assertEquals("auth/badpassword", attribute(endpoint, "LastLoginRefusal"));
        assertEquals(1000L, attribute(endpoint, "LoginPauseMillis"));
        assertTrue((Long) attribute(endpoint, "LoginPauseRemainingMillis") > 0);
        assertEquals(1L, attribute(endpoint, "LoginPauses"));
        assertNotNull(send("direct:wrong", null).getException());
        assertEquals(1L, attribute(endpoint, "LoginHeldCalls"));

        server().invoke(endpoint, "endLoginPause", null, null);
        assertEquals(false, attribute(endpoint, "LoginPaused"));
        long sent = simulator.requests().size();
        assertNotNull(send("direct:wrong", null).getException());
        assertEquals(sent + 1, simulator.requests().size(), "after the pause the credentials are tried again");
        assertEquals(2L, attribute(endpoint, "LoginPauses"));
        assertEquals(2000L, attribute(endpoint, "LoginPauseMillis"), "refused again: the pause doubles");
        assertNoSessionIdShown();
    }

    @Test
    void jmxShowsTheConsumerState() throws Exception {
        orderVds(null);
        orderVds(null);
        scheduler.fire();
        ObjectName consumer = consumerMBean();
        assertEquals(2, attribute(consumer, "RecordedServices"));
        assertEquals(2L, attribute(consumer, "LastPollRows"));
        assertEquals(2L, attribute(consumer, "LastPollEmitted"));
        assertEquals(1L, attribute(consumer, "ListPolls"));
        assertEquals(0L, attribute(consumer, "FailedListPolls"));
        assertEquals(context.getEndpoint("billmgr:vds/list?emit=changes&scheduler=#manual", BillmgrEndpoint.class)
                .getStateKey(), attribute(consumer, "StateKey"));
        assertEquals(MemoryBillmgrStateRepository.class.getName(), attribute(consumer, "StateRepositoryType"));

        scheduler.fire();
        assertEquals(2L, attribute(consumer, "LastPollRows"));
        assertEquals(0L, attribute(consumer, "LastPollEmitted"), "nothing changed");
        assertEquals(2L, attribute(consumer, "ListPolls"));
    }

    @Test
    void devConsoleShowsAccountsAndConsumersAsTextAndJson() {
        template.sendBody("direct:admin", null);
        assertNotNull(send("direct:wrong", null).getException());
        orderVds(null);
        scheduler.fire();

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("billmgr");
        assertNotNull(console, "found through META-INF/services/org/apache/camel/dev-console/billmgr");
        assertEquals(BillmgrDevConsole.class, console.getClass());
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        // billmgr and billmgr-session: client; billmgr-admin and billmgr-wrong: admin, each with its own password
        assertTrue(text.contains("BILLmanager accounts: 4"), text);
        assertTrue(text.contains(BillmgrSimulator.ADMIN_USER + " at " + simulator.getBaseUrl() + ", component " + ADMIN
                + " (authMode=session)"), text);
        assertTrue(text.contains("session: held, 1 login(s), 0 renewal(s)"), text);
        assertTrue(text.contains(BillmgrSimulator.CLIENT_USER + " at " + simulator.getBaseUrl()
                + ", component billmgr (authMode=authinfo)"), text);
        // paused or not by the time the console is read (the pause lasts a second), the refusal shows
        assertTrue(text.contains("auth/badpassword"), text);
        assertTrue(text.contains("login pauses: 1, calls held: 0"), text);
        assertTrue(text.contains("state: 1 service(s) in " + MemoryBillmgrStateRepository.class.getName()), text);
        assertTrue(text.contains("polls: 1 (0 failed); last: 1 row(s) read in"), text);

        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        List<Map<String, Object>> accounts = list(json.get("accounts"));
        Map<String, Object> session = accounts.stream().filter(a -> ADMIN.equals(a.get("component"))).findFirst()
                .orElseThrow();
        assertEquals(BillmgrSimulator.ADMIN_USER, session.get("username"));
        assertEquals(List.of("session"), session.get("authModes"));
        assertEquals(1L, ((Map<?, ?>) session.get("session")).get("logins"));
        assertEquals(List.of(ADMIN + "://func/whoami?authMode=session"), session.get("endpoints"));
        Map<String, Object> wrong = accounts.stream().filter(a -> WRONG.equals(a.get("component"))).findFirst()
                .orElseThrow();
        assertEquals(BillmgrSimulator.ADMIN_USER, wrong.get("username"));
        assertEquals("auth/badpassword", ((Map<?, ?>) wrong.get("loginBackoff")).get("lastRefusal"));
        assertEquals(1L, ((Map<?, ?>) wrong.get("loginBackoff")).get("pauses"));
        List<Map<String, Object>> consumers = list(json.get("consumers"));
        assertEquals(1, consumers.size());
        assertEquals(1, consumers.get(0).get("recordedServices"));
        assertEquals(1L, consumers.get(0).get("lastPollRows"));

        for (String sid : simulator.state().issuedSessionIds()) {
            assertFalse(text.contains(sid), "the session id is never shown");
            assertFalse(json.toJson().contains(sid), "the session id is never shown");
        }
        assertFalse(text.contains(BillmgrSimulator.CLIENT_PASSWORD) || json.toJson().contains("Not-The-Password"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private MBeanServer server() {
        return context.getManagementStrategy().getManagementAgent().getMBeanServer();
    }

    private Object attribute(ObjectName name, String attribute) throws Exception {
        return server().getAttribute(name, attribute);
    }

    private ObjectName endpoint(String uri) throws Exception {
        for (ObjectName n : server().queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null)) {
            if (uri.equals(server().getAttribute(n, "EndpointUri"))) {
                return n;
            }
        }
        throw new AssertionError("no endpoint MBean for " + uri);
    }

    private ObjectName consumerMBean() throws Exception {
        Set<ObjectName> names = server().queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        for (ObjectName n : names) {
            if (n.getKeyProperty("name").startsWith("BillmgrConsumer")) {
                return n;
            }
        }
        throw new AssertionError("no BillmgrConsumer MBean in " + names);
    }

    /** Every attribute of every billmgr MBean, read, and none holding a session id the simulator issued. */
    private void assertNoSessionIdShown() throws Exception {
        List<String> values = new ArrayList<>();
        for (ObjectName n : server().queryNames(new ObjectName("org.apache.camel:*"), null)) {
            if (!n.toString().contains("billmgr")) {
                continue;
            }
            for (MBeanAttributeInfo a : server().getMBeanInfo(n).getAttributes()) {
                if (a.isReadable()) {
                    try {
                        values.add(String.valueOf(server().getAttribute(n, a.getName())));
                    } catch (Exception e) {
                        // some of Camel's own attributes are not readable in every state
                    }
                }
            }
        }
        assertTrue(values.size() > 20, "attributes read: " + values.size());
        for (String sid : simulator.state().issuedSessionIds()) {
            assertFalse(values.stream().anyMatch(v -> v.contains(sid)), "a JMX attribute shows a session id");
        }
    }
}

package io.github.camelbillmgr.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.github.camelbillmgr.BillmgrTestSupport;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leak check can fail: secrets planted in a log line at each level, in an exception, in an endpoint URI, a route
 * and a JMX attribute are each reported, and the report itself shows none of them. Each test takes back what it
 * planted, so that {@link SecretLeakExtension} does not fail it.
 */
class SecretLeakCheckTest extends BillmgrTestSupport {

    private static final Logger CAMEL_LOG = LoggerFactory.getLogger("org.apache.camel.planted");
    private static final Logger HTTP_LOG = LoggerFactory.getLogger("org.apache.hc.client5.http.planted");

    @Override
    protected boolean useJmx() {
        return true;
    }

    /** The premise of the whole check: what could print a secret prints it (but for the wire log, see below). */
    @Test
    void everyLoggerRunsAtTraceButTheWireLog() {
        for (String name : List.of("io.github.camelbillmgr.internal.http.BillmgrClient", "org.apache.camel.impl.engine",
                "org.apache.camel.component.http", "org.apache.hc.client5.http.headers",
                "org.apache.hc.client5.http.impl",
                "some.other.library")) {
            assertTrue(LoggerFactory.getLogger(name).isTraceEnabled(), name + " runs at TRACE");
        }
        // the wire log dumps request bodies, credentials included: not checked, and documented as such
        assertFalse(LoggerFactory.getLogger("org.apache.hc.client5.http.wire").isDebugEnabled());
    }

    @Test
    void scannerFindsKnownValuesTokensAndClearCredentialParameters() {
        SecretScanner scanner = new SecretScanner();
        scanner.addSecret("S3cret pass", "the test password");
        scanner.addSecret("abc", "too short to look for");
        Set<String> sessions = new java.util.HashSet<>(Set.of("0123456789abcdef0123456789abcdef"));
        scanner.addTokens(sessions, "a session id");

        assertNull(scanner.scan("Calling BILLmanager http://127.0.0.1/billmgr: func=vds, authinfo=xxxxxx"));
        assertNull(scanner.scan("billmgr://vds/list?password=xxxxxx&username=u"));
        assertNull(scanner.scan("billmgr://vds/list?password=RAW(xxxxxx)&username=u"));
        assertNull(scanner.scan("camel.component.billmgr.password = {{env:BILLMGR_PASSWORD}}"));
        assertNull(scanner.scan("authinfo=<user>:<password>, or authinfo=client:xxxxxx"));
        assertNull(scanner.scan("func=auth, authMode=session, abc, oauth=1"));
        assertNull(scanner.scan("baseUrl=https://admin:xxxxxx@billing.example.com/billmgr, mailto:a@b.c, 10:20@x"));

        assertLeak(scanner, "error at S3cret pass here", "the test password", "S3cret pass");
        assertLeak(scanner, "body authinfo=client%3AS3cret+pass", "URL-encoded", "S3cret+pass");
        assertLeak(scanner, "POST func=whoami&auth=0123456789abcdef0123456789abcdef&out=json", "a session id",
                "0123456789abcdef0123456789abcdef");
        assertLeak(scanner, "billmgr://vds/list?password=p&username=u", "'password'", "password=p");
        assertLeak(scanner, "billmgr://vds/list?password=RAW(x&y)", "'password'", "RAW(x&y)");
        assertLeak(scanner, "sent authinfo=someone:Unkn0wn", "'authinfo'", "Unkn0wn");
        assertLeak(scanner, "sent auth=feedbeef", "'auth'", "feedbeef");
        assertLeak(scanner, "baseUrl=https://admin:Top5ecret@billing.example.com", "a password in a URL", "Top5ecret");
        // a session issued after the scanner was set up is found too: the set is live
        sessions.add("fedcba9876543210fedcba9876543210");
        assertLeak(scanner, "sid fedcba9876543210fedcba9876543210.", "a session id",
                "fedcba9876543210fedcba9876543210");
    }

    private static void assertLeak(SecretScanner scanner, String text, String expected, String secret) {
        String leak = scanner.scan(text);
        assertNotNull(leak, () -> "no leak found in: " + text);
        assertTrue(leak.contains(expected), leak);
        assertFalse(leak.contains(secret), () -> "the report shows the secret: " + leak);
    }

    @Test
    void secretsLoggedAtAnyLevelOrInAnExceptionAreRecorded() {
        call("billmgr:func/whoami?authMode=session", null, Object.class);
        String sid = simulator.state().issuedSessionIds().iterator().next();
        long mark = SecretLeaks.mark();

        CAMEL_LOG.trace("endpoint billmgr://vds/list?password=RAW({})", BillmgrSimulator.ADMIN_PASSWORD);
        String authinfo = BillmgrSimulator.CLIENT_USER + ":" + BillmgrSimulator.CLIENT_PASSWORD;
        HTTP_LOG.debug("body: authinfo={}", URLEncoder.encode(authinfo, StandardCharsets.UTF_8));
        CAMEL_LOG.trace("logged in, session {}", sid);
        // planted below INFO: the file log (INFO) and the console (WARN) must not get them
        CAMEL_LOG.debug("call failed", new IllegalStateException("wrapper",
                new IllegalArgumentException("bad password " + BillmgrSimulator.CLIENT_PASSWORD)));
        SecretLeaks.Findings found = SecretLeaks.takeSince(mark);

        assertEquals(4, found.count(), found::toString);
        List<String> shown = found.shown();
        assertTrue(shown.get(0).startsWith("log TRACE org.apache.camel.planted: the simulator's admin password"),
                shown.get(0));
        assertTrue(shown.get(1).startsWith("log DEBUG org.apache.hc.client5.http.planted: the simulator"),
                shown.get(1));
        assertTrue(shown.get(1).contains("(URL-encoded)"), shown.get(1));
        assertTrue(shown.get(2).contains("a session id issued by the simulator"), shown.get(2));
        assertTrue(shown.get(3).contains("(java.lang.IllegalArgumentException): the simulator's client password"),
                shown.get(3));
        assertNoSecretIn(found.toString(), sid);
    }

    /**
     * Camel core logs the URI as written at TRACE, and {@code getEndpointUri()} keeps it: both are reported. Route
     * definitions and JMX attributes show it masked; the check reads them all the same.
     */
    @Test
    void thePasswordInAnEndpointUriIsRecorded() throws Exception {
        String uri = "billmgr:func/whoami?password=RAW(" + BillmgrSimulator.ADMIN_PASSWORD + ")";
        long mark = SecretLeaks.mark();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:leaky").routeId("leaky").to(uri);
            }
        });
        Endpoint leaky = context.getEndpoint(uri);
        int jmxRead = CamelSurfaceCheck.check(context);
        Object shownByJmx = context.getManagementStrategy().getManagementAgent().getMBeanServer().getAttribute(
                context.getManagementStrategy().getManagementObjectNameStrategy().getObjectNameForEndpoint(leaky),
                "EndpointUri");
        context.getRouteController().stopRoute("leaky");
        context.removeRoute("leaky");
        context.removeEndpoint(leaky);
        SecretLeaks.Findings found = SecretLeaks.takeSince(mark);

        String report = found.toString();
        assertTrue(report.contains("endpoint URI: the simulator's admin password"), report);
        assertTrue(report.contains("log TRACE org.apache.camel.impl.engine.AbstractCamelContext: the simulator's admin "
                + "password in: Getting endpoint with uri: billmgr:func/whoami?password=RAW(<13 "
                + "characters>)"), report);
        assertNoSecretIn(report, null);
        assertTrue(jmxRead > 0, "JMX attributes read: " + jmxRead);
        assertEquals("billmgr://func/whoami?password=xxxxxx", shownByJmx);
    }

    /** An exception a route handles is never logged above DEBUG; the exchange events show it all the same. */
    @Test
    void anExceptionThatARouteHandlesIsRecorded() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:handled").routeId("handled")
                        .onException(IllegalStateException.class).handled(true).end()
                        .throwException(IllegalStateException.class, "refused: ${header.pw}");
            }
        });
        long mark = SecretLeaks.mark();
        template.sendBodyAndHeader("direct:handled", null, "pw", BillmgrSimulator.CLIENT_PASSWORD);
        context.getRouteController().stopRoute("handled");
        context.removeRoute("handled");
        SecretLeaks.Findings found = SecretLeaks.takeSince(mark);

        String report = found.toString();
        assertTrue(report.contains("exchange exception caught (java.lang.IllegalStateException): the simulator's "
                + "client password in: refused: <"), report);
        assertNoSecretIn(report, null);
    }

    @Test
    void theExtensionFailsWithWhatLeaked() {
        CAMEL_LOG.debug("oops {}", BillmgrSimulator.CLIENT_PASSWORD);
        AssertionError e = assertThrows(AssertionError.class, () -> SecretLeakExtension.failOnNewLeaks("this test"));
        assertTrue(e.getMessage().contains("1 secret(s) leaked"), e.getMessage());
        assertTrue(e.getMessage().contains("log DEBUG org.apache.camel.planted: the simulator's client password"),
                e.getMessage());
        assertNoSecretIn(e.getMessage(), null);
    }

    private static void assertNoSecretIn(String report, String sid) {
        assertFalse(report.contains(BillmgrSimulator.ADMIN_PASSWORD), report);
        assertFalse(report.contains(BillmgrSimulator.CLIENT_PASSWORD), report);
        assertFalse(report.contains(URLEncoder.encode(BillmgrSimulator.CLIENT_PASSWORD, StandardCharsets.UTF_8)),
                report);
        if (sid != null) {
            assertFalse(report.contains(sid), report);
        }
    }
}

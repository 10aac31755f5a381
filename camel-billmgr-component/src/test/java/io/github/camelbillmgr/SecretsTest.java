package io.github.camelbillmgr;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.secrets.SecretLeaks;
import io.github.camelbillmgr.secrets.SecretScanAppender;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every path that handles a secret, in one flow: both auth modes and both formats, as client and admin, a service
 * password sent as a parameter, refused passwords, API errors, a session that expires, a route that logs the whole
 * exchange. Like every test of the module, it runs with all loggers at TRACE and JMX on, and
 * {@link io.github.camelbillmgr.secrets.SecretLeakExtension} fails it on a secret in a log line, an exception, an
 * endpoint URI, a route or an MBean; this test adds the secrets only it knows (the service password, the refused one)
 * and checks the URLs the simulator received.
 */
class SecretsTest extends BillmgrTestSupport {

    private static final String USER_PASSWORD = "Srv-P4ss-Secret";
    private static final String WRONG_PASSWORD = "Wr0ng-Passw0rd";

    static {
        SecretLeaks.SCANNER.addSecret(USER_PASSWORD, "a service password sent as a parameter");
        SecretLeaks.SCANNER.addSecret(WRONG_PASSWORD, "a refused password");
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    /** A second identity is a second component (see {@link BillmgrTestSupport}). */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("billmgrwrong", component(BillmgrSimulator.CLIENT_USER, WRONG_PASSWORD));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:session").to("billmgr:vds/order?pricelist=6&period=1&authMode=session")
                        .to("log:ordered?level=DEBUG&showAll=true");
            }
        };
    }

    @Test
    void noSecretInLogsExceptionsUrisOrUrls() {
        long mark = SecretLeaks.mark();
        long scannedBefore = SecretScanAppender.scanned();
        // a successful flow in both modes and both formats
        for (String mode : BillmgrTestSupport.modes().toList()) {
            long id = orderVds(mode);
            call(ADMIN + ":vds/edit?" + mode, Map.of(BillmgrConstants.SERVICE_ID, id, BillmgrConstants.PARAMS,
                    Map.of("userpassword", USER_PASSWORD)), JsonNode.class);
            call("billmgr:vds/list?" + mode, null, List.class);
            call("billmgr:func/whoami?" + mode, null, JsonNode.class);
        }
        Exchange routed = template.request("direct:session", e -> {
        });
        assertNull(routed.getException());
        assertTrue(routed.getMessage().getBody() instanceof BillmgrOrderResult);
        // failures (their messages are scanned by send()): bad password, API errors, a session that expires
        failure("billmgrwrong:func/whoami?authMode=session", null, BillmgrAuthenticationException.class);
        failure("billmgrwrong:func/whoami", null, BillmgrAuthenticationException.class);
        failure("billmgr:vds/prolong?period=1", Map.of(BillmgrConstants.SERVICE_ID, 987654), BillmgrException.class);
        failure(ADMIN + ":vds/edit?authMode=session", Map.of(BillmgrConstants.SERVICE_ID, 987654,
                BillmgrConstants.PARAMS, Map.of("userpassword", USER_PASSWORD)), BillmgrException.class);
        simulator.clock().advance(Duration.ofHours(3));
        call("billmgr:func/whoami?authMode=session", null, JsonNode.class);

        assertTrue(simulator.state().issuedSessionIds().size() >= 3,
                "client, admin and renewed sessions were issued: " + simulator.state().issuedSessionIds().size());
        for (RecordedRequest r : simulator.requests()) {
            assertEquals("POST", r.method(), "the component only POSTs");
            SecretLeaks.check("request URL", String.valueOf(r.rawQuery()));
        }
        long scanned = SecretScanAppender.scanned() - scannedBefore;
        assertTrue(scanned > 500, "log events at every level were scanned: " + scanned);
        SecretLeaks.Findings leaks = SecretLeaks.since(mark);
        assertTrue(leaks.isEmpty(), leaks::toString);
    }
}

package io.github.camelbillmgr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.RecordedRequest;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a full flow with every logger at TRACE and checks that no password, session id, authinfo value or service
 * password appears in any log line, exception message, endpoint URI as Camel shows it, or request URL.
 * <p>
 * One logger is left at INFO on purpose: {@code org.apache.hc.client5.http.wire}, HttpClient's byte-for-byte dump
 * of the traffic. Like a packet capture, it shows whatever is sent, and must not be enabled in production.
 */
class SecretsTest extends BillmgrTestSupport {

    private static final String USER_PASSWORD = "Srv-P4ss-Secret";
    private static final String WRONG_PASSWORD = "Wr0ng-Passw0rd";

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private AbstractAppender appender;
    private Level previousRoot;

    @BeforeEach
    void captureEverything() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder sb = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    sb.append(" | ").append(t);
                }
                lines.add(sb.toString());
            }
        };
        appender.start();
        LoggerConfig root = cfg.getRootLogger();
        previousRoot = root.getLevel();
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.ALL);
        cfg.addLogger("org.apache.hc.client5.http.wire",
                LoggerConfig.newBuilder().withLoggerName("org.apache.hc.client5.http.wire").withLevel(Level.INFO)
                        .withAdditivity(true).withConfig(cfg).build());
        ctx.updateLoggers();
    }

    @AfterEach
    void stopCapture() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        cfg.getRootLogger().removeAppender("capture");
        cfg.getRootLogger().setLevel(previousRoot);
        cfg.removeLogger("org.apache.hc.client5.http.wire");
        ctx.updateLoggers();
        appender.stop();
    }

    /**
     * Credentials live on components, never in endpoint URIs (Camel core itself logs URIs as written at TRACE): a
     * second identity is a second component.
     */
    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext context = super.createCamelContext();
        context.addComponent("billmgradmin", component(BillmgrSimulator.ADMIN_USER, BillmgrSimulator.ADMIN_PASSWORD));
        context.addComponent("billmgrwrong", component(BillmgrSimulator.CLIENT_USER, WRONG_PASSWORD));
        return context;
    }

    private static BillmgrComponent component(String user, String password) {
        BillmgrComponent c = new BillmgrComponent();
        c.getConfiguration().setBaseUrl(simulator.getBaseUrl());
        c.getConfiguration().setUsername(user);
        c.getConfiguration().setPassword(password);
        return c;
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
        List<String> messages = new ArrayList<>();
        // a successful flow in both modes and both formats
        for (String mode : BillmgrTestSupport.modes().toList()) {
            long id = orderVds(mode);
            call("billmgradmin:vds/edit?" + mode, Map.of(BillmgrConstants.SERVICE_ID, id, BillmgrConstants.PARAMS,
                    Map.of("userpassword", USER_PASSWORD)), JsonNode.class);
            call("billmgr:vds/list?" + mode, null, List.class);
            call("billmgr:func/whoami?" + mode, null, JsonNode.class);
        }
        Exchange routed = template.request("direct:session", e -> {
        });
        assertNull(routed.getException());
        assertTrue(routed.getMessage().getBody() instanceof BillmgrOrderResult);
        // failures: bad password (echoed nowhere), an API error, a session that expires
        messages.add(failure("billmgrwrong:func/whoami?authMode=session", null, BillmgrException.class).getMessage());
        messages.add(failure("billmgrwrong:func/whoami", null, BillmgrException.class).getMessage());
        messages.add(failure("billmgr:vds/prolong?period=1", Map.of(BillmgrConstants.SERVICE_ID, 987654),
                BillmgrException.class).getMessage());
        messages.add(failure("billmgradmin:vds/edit?authMode=session", Map.of(BillmgrConstants.SERVICE_ID, 987654,
                BillmgrConstants.PARAMS, Map.of("userpassword", USER_PASSWORD)), BillmgrException.class).getMessage());
        simulator.clock().advance(java.time.Duration.ofHours(3));
        call("billmgr:func/whoami?authMode=session", null, JsonNode.class);

        List<String> sessionIds = simulator.requests().stream().map(r -> r.param("auth")).filter(s -> s != null)
                .distinct().toList();
        assertFalse(sessionIds.isEmpty(), "session mode was exercised");
        List<String> secrets = new ArrayList<>(sessionIds);
        secrets.add(BillmgrSimulator.CLIENT_PASSWORD);
        secrets.add(BillmgrSimulator.ADMIN_PASSWORD);
        secrets.add(USER_PASSWORD);
        secrets.add(WRONG_PASSWORD);
        secrets.add(java.net.URLEncoder.encode(BillmgrSimulator.CLIENT_PASSWORD, java.nio.charset.StandardCharsets.UTF_8));

        List<String> shown = new ArrayList<>(lines);
        shown.addAll(messages);
        for (Endpoint ep : context.getEndpoints()) {
            shown.add(ep.toString());
            shown.add(URISupport.sanitizeUri(ep.getEndpointUri()));
        }
        context.getRoutes().forEach(r -> shown.add(r.getEndpoint().toString()));
        for (RecordedRequest r : simulator.requests()) {
            shown.add(String.valueOf(r.rawQuery()));
            assertEquals("POST", r.method(), "the component only POSTs");
        }
        assertTrue(lines.size() > 50, "lines were captured: " + lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains("Calling BILLmanager")), "DEBUG lines were captured");
        for (String s : shown) {
            for (String secret : secrets) {
                assertFalse(s.contains(secret), () -> "secret leaked in: " + s);
            }
            assertFalse(s.contains("authinfo=" + BillmgrSimulator.CLIENT_USER + ":"), () -> "authinfo leaked: " + s);
        }
    }
}

package io.github.camelbillmgr;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.CannedReplyServer.Reply;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.fault.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each documented failure becomes the right exception, reaches onException as that class, and, with
 * throwExceptionOnFailure=false, lands in the body and headers instead.
 */
class ErrorHandlingTest extends BillmgrTestSupport {

    /** Given to the {@code billmgr-wrong} component: the client's user with a password BILLmanager refuses. */
    private static final String WRONG_PASSWORD = "Wrong-Pw-1";

    /** A real server that answers like a proxy or a broken BILLmanager would. */
    private static CannedReplyServer broken;

    @BeforeAll
    static void startBrokenServer() {
        broken = CannedReplyServer.start()
                .reply("/html200", Reply.html(200, "<html><body>Maintenance</body></html>"))
                .reply("/bad502", Reply.html(502, "<html><h1>502 Bad Gateway</h1></html>"))
                .reply("/waf460", Reply.of(460, "text/plain", "Blocked"))
                .reply("/truncated", Reply.json("{\"doc\":{\"elem\":[{\"id\":"))
                .reply("/form", Reply.json("{\"doc\":{\"pricelist\":{\"$\":\"6\"},\"slist\":{\"$name\":\"ostempl\","
                        + "\"val\":{\"$key\":\"U\",\"$\":\"U\"}}}}"))
                .reply("/okredirect", Reply.json("{\"doc\":{\"ok\":{\"$\":\"func=vds.edit&elid=77\"}}}"))
                .reply("/okonly", Reply.json("{\"doc\":{\"ok\":{}}}"))
                .handle("/echo", ex -> {
                    // a badly behaved server that echoes the request body back in an error page
                    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    CannedReplyServer.send(ex, Reply.of(500, "text/plain", "error processing " + body));
                });
    }

    @AfterAll
    static void stopBrokenServer() {
        broken.close();
    }

    private static String brokenUrl(String path) {
        return broken.url(path);
    }

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext context = super.createCamelContext();
        context.addComponent("billmgr-wrong", component(BillmgrSimulator.CLIENT_USER, WRONG_PASSWORD));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(BillmgrInsufficientFundsException.class).handled(true)
                        .setHeader("outcome", constant("top-up"))
                        .setHeader("deficit", simple("${exception.deficit}"))
                        .to("mock:topup");
                onException(BillmgrException.class).handled(true)
                        .setHeader("outcome", simple("${exception.class.simpleName}"))
                        .to("mock:failed");
                from("direct:order").to("billmgr:vds/order?pricelist=6&period=12").to("mock:ordered");
            }
        };
    }

    @Test
    void insufficientFundsIsHandledApartFromOtherFailures() throws Exception {
        simulator.state().setBalance(BillmgrSimulator.CLIENT_USER, new BigDecimal("2.00"));
        MockEndpoint topup = getMockEndpoint("mock:topup");
        MockEndpoint failed = getMockEndpoint("mock:failed");
        topup.expectedMessageCount(1);
        failed.expectedMessageCount(1);
        template.sendBody("direct:order", null);
        template.sendBodyAndHeader("direct:order", null, BillmgrConstants.PRICELIST, 999);
        MockEndpoint.assertIsSatisfied(context);
        assertNotNull(topup.getExchanges().get(0).getMessage().getHeader("deficit"));
        assertEquals("BillmgrApiException", failed.getExchanges().get(0).getMessage().getHeader("outcome"));
        assertEquals(0, getMockEndpoint("mock:ordered").getReceivedCounter());
    }

    @Test
    void badPasswordIsAnAuthenticationFailureInBothModes() {
        for (String mode : new String[] { "authinfo", "session" }) {
            BillmgrAuthenticationException e = failure("billmgr-wrong:func/whoami?authMode=" + mode, null,
                    BillmgrAuthenticationException.class);
            assertEquals("badpassword", e.getObject(), e.getMessage());
            assertFalse(e.getMessage().contains(WRONG_PASSWORD), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "authinfo", "session" })
    void repeatedBadPasswordsEndInBlocklogonEvenForTheRightPassword(String mode) {
        // five different wrong passwords: each is refused once by BILLmanager (the component's own pause after a
        // refusal is per password, so it does not hold them back)
        for (int i = 1; i <= 5; i++) {
            // credentials on a component, never in a URI (the suite-wide secret scan would flag it)
            context.addComponent("billmgr-bad" + i, component(BillmgrSimulator.CLIENT_USER, "Wrong-Pw-" + i));
            BillmgrAuthenticationException e = failure("billmgr-bad" + i + ":func/whoami?authMode=" + mode,
                    null, BillmgrAuthenticationException.class);
            assertEquals("badpassword", e.getObject(), e.getMessage());
        }
        BillmgrAuthenticationException blocked = failure("billmgr:func/whoami?authMode=" + mode, null,
                BillmgrAuthenticationException.class);
        assertEquals("blocklogon", blocked.getObject(), blocked.getMessage());
        assertEquals("auth", blocked.getType());
        assertTrue(blocked.getMessage().contains("blocked"), blocked.getMessage());
        assertFalse(blocked.getMessage().contains(BillmgrSimulator.CLIENT_PASSWORD), blocked.getMessage());
        assertEquals(mode.equals("session") ? "auth" : "whoami", blocked.getFunc(), "where it was refused");
    }

    @ParameterizedTest
    @ValueSource(strings = { "authinfo", "session" })
    void twoFactorAuthenticationFailsClearly(String mode) {
        simulator.settings().getTwoFactorUsers().add(BillmgrSimulator.CLIENT_USER);
        // the challenge is an <ok>: it must not pass for an order that was accepted without an id
        BillmgrAuthenticationException e = failure("billmgr:vds/order?pricelist=6&period=1&authMode=" + mode, null,
                BillmgrAuthenticationException.class);
        assertEquals("totp", e.getObject());
        assertTrue(e.getMessage().contains("two-factor authentication") && e.getMessage().contains("totp.confirm"),
                e.getMessage());
        assertTrue(simulator.requests().stream().anyMatch(r -> "v2.vds.order.param".equals(r.func())),
                "the order reached BILLmanager");
        assertTrue(simulator.state().servicesOf("vds").isEmpty());

        Exchange quiet = send("billmgr:func/whoami?throwExceptionOnFailure=false&authMode=" + mode, null);
        assertNull(quiet.getException());
        assertEquals("auth", quiet.getMessage().getHeader(BillmgrConstants.ERROR_TYPE));
        assertEquals("totp", quiet.getMessage().getHeader(BillmgrConstants.ERROR_OBJECT));
    }

    @Test
    void secondOrderWithTheSameRemoteIdIsRefusedWithExists() {
        simulator.settings().setRemoteIdUnique(true);
        BillmgrOrderResult first = call("billmgr:vds/order?pricelist=6&period=1&remoteId=crm-7", null,
                BillmgrOrderResult.class);
        assertNotNull(first.getServiceId());
        BillmgrApiException e = failure("billmgr:vds/order?pricelist=6&period=1&remoteId=crm-7", null,
                BillmgrApiException.class);
        assertEquals("exists", e.getType());
        assertEquals("remoteid", e.getObject(), "the error names the field");
        assertEquals("crm-7", e.getValue());
        assertTrue(e.getMessage().contains("crm-7") && e.getMessage().contains("already exists"), e.getMessage());
        assertEquals(1, simulator.state().servicesOf("vds").size(), "nothing was ordered the second time");
    }

    @Test
    void expiredSessionIsRenewedOnceAndTheCallSucceeds() {
        JsonNode first = call("billmgr:func/whoami?authMode=session", null, JsonNode.class);
        assertNotNull(first);
        simulator.clock().advance(Duration.ofHours(2));
        simulator.clearRequests();
        long id = orderVds("authMode=session");
        assertTrue(id > 0);
        long logins = simulator.requests().stream().filter(r -> "auth".equals(r.func())).count();
        assertEquals(1, logins, "exactly one new login after the session expired");
        long orders = simulator.requests().stream().filter(r -> "v2.vds.order.param".equals(r.func())).count();
        assertEquals(2, orders, "the refused order is sent again once, with the new session");
        assertEquals(1, simulator.state().servicesOf("vds").size(), "and only one service exists");
    }

    @Test
    void aBusyAnswerToTheLoginIsBusyNotARefusalOfTheCredentials() {
        simulator.state().faults().injectNext("auth", 1, Fault.busy());
        // not an authentication failure, which no route retries and which would hold the next calls back
        BillmgrBusyException e = failure("billmgr:vds/order?pricelist=6&period=1&authMode=session", null,
                BillmgrBusyException.class);
        assertEquals("auth", e.getFunc());
        assertEquals(BillmgrOutcome.NOT_DONE, e.getOutcome());
        assertTrue(simulator.state().servicesOf("vds").isEmpty());
        // the next call logs in at once
        assertTrue(orderVds("authMode=session") > 0);
        assertEquals(2, simulator.requests().stream().filter(r -> "auth".equals(r.func())).count());
    }

    @Test
    void sessionIsSharedByEndpointsOfTheSameUser() {
        call("billmgr:func/whoami?authMode=session", null, JsonNode.class);
        call("billmgr:vds/list?authMode=session", null, java.util.List.class);
        call("billmgr:func/dashboard.info?authMode=session", null, JsonNode.class);
        assertEquals(1, simulator.requests().stream().filter(r -> "auth".equals(r.func())).count());
    }

    @Test
    void htmlPageWithHttp200IsATransportFailure() {
        BillmgrTransportException e = failure("billmgr:func/whoami?baseUrl=" + brokenUrl("/html200"), null,
                BillmgrTransportException.class);
        assertEquals(200, e.getHttpResponseCode());
        assertTrue(e.getMessage().contains("not a BILLmanager json document"), e.getMessage());
        assertTrue(e.getResponseBody().contains("Maintenance"));
        assertInstanceOf(org.apache.camel.spi.HttpResponseAware.class, e);
    }

    @Test
    void non2xxStatusIsATransportFailureWithTheStatus() {
        BillmgrTransportException e = failure("billmgr:func/whoami?baseUrl=" + brokenUrl("/bad502"), null,
                BillmgrTransportException.class);
        assertEquals(502, e.getHttpResponseCode());
        assertTrue(e.getMessage().contains("HTTP 502"), e.getMessage());
        BillmgrTransportException waf = failure("billmgr:func/whoami?baseUrl=" + brokenUrl("/waf460"), null,
                BillmgrTransportException.class);
        assertEquals(460, waf.getHttpResponseCode());
    }

    @Test
    void truncatedBodyIsATransportFailure() {
        BillmgrTransportException e = failure("billmgr:vds/list?baseUrl=" + brokenUrl("/truncated"), null,
                BillmgrTransportException.class);
        assertTrue(e.getMessage().contains("malformed or truncated"), e.getMessage());
    }

    @Test
    void echoedCredentialsAreMaskedInTheException() {
        BillmgrTransportException e = failure("billmgr:func/whoami?baseUrl=" + brokenUrl("/echo"), null,
                BillmgrTransportException.class);
        assertEquals(500, e.getHttpResponseCode());
        assertFalse(e.getResponseBody().contains(BillmgrSimulator.CLIENT_PASSWORD), e.getResponseBody());
        assertFalse(e.getResponseBody().contains("Cl1ent-P%40ss"), e.getResponseBody());
        assertTrue(e.getResponseBody().contains("authinfo="), "the rest of the body is kept");
    }

    @Test
    void orderFormInsteadOfAnOrderMeansNothingWasOrdered() {
        BillmgrApiException e = failure("billmgr:vds/order?pricelist=6&baseUrl=" + brokenUrl("/form"), null,
                BillmgrApiException.class);
        assertEquals("form", e.getType());
        assertTrue(e.getMessage().contains("nothing was ordered"), e.getMessage());
    }

    @Test
    void orderAcceptedWithoutAnIdIsNotAFailure() {
        BillmgrOrderResult redirect = call("billmgr:vds/order?pricelist=6&baseUrl=" + brokenUrl("/okredirect"), null,
                BillmgrOrderResult.class);
        assertEquals(77L, redirect.getServiceId(), "the id is read from the ok redirect");
        // failing here would invite a retry and a second order: the result says it was accepted, without an id
        BillmgrOrderResult bare = call("billmgr:vds/order?pricelist=6&remoteId=r-1&baseUrl=" + brokenUrl("/okonly"),
                null, BillmgrOrderResult.class);
        assertNull(bare.getServiceId());
        assertFalse(bare.isInCart());
        assertEquals("r-1", bare.getRemoteId());
    }

    @Test
    void connectionRefusedIsATransportFailureWithoutStatus() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        BillmgrTransportException e = failure("billmgr:vds/order?pricelist=6&baseUrl=http://127.0.0.1:" + port
                + "/billmgr", null, BillmgrTransportException.class);
        assertEquals(0, e.getHttpResponseCode());
        assertTrue(e.getMessage().contains("No reply from BILLmanager"), e.getMessage());
    }

    @Test
    void wrongPathIsA404TransportFailure() {
        BillmgrTransportException e = failure("billmgr:func/whoami?baseUrl=" + simulator.getBaseUrl() + "/nope", null,
                BillmgrTransportException.class);
        assertEquals(404, e.getHttpResponseCode());
    }

    @Test
    void withoutThrowingTheErrorGoesToBodyAndHeaders() {
        Exchange e = send("billmgr:vds/prolong?period=1&throwExceptionOnFailure=false",
                Map.of(BillmgrConstants.SERVICE_ID, 424242));
        assertNull(e.getException());
        assertEquals("missed", e.getMessage().getHeader(BillmgrConstants.ERROR_TYPE));
        assertNotNull(e.getMessage().getHeader(BillmgrConstants.ERROR_MESSAGE));
        JsonNode body = e.getMessage().getBody(JsonNode.class);
        assertEquals("missed", body.at("/doc/error/$type").asText());

        Exchange t = send("billmgr:func/whoami?throwExceptionOnFailure=false&baseUrl=" + brokenUrl("/bad502"), null);
        assertNull(t.getException());
        assertEquals("transport", t.getMessage().getHeader(BillmgrConstants.ERROR_TYPE));
        assertEquals(502, t.getMessage().getHeader(BillmgrConstants.HTTP_RESPONSE_CODE));
    }

    @Test
    void invalidInputStillThrowsWithThrowExceptionOnFailureFalse() {
        BillmgrInvalidInputException e = failure("billmgr:vds/order?throwExceptionOnFailure=false", null,
                BillmgrInvalidInputException.class);
        assertTrue(e.getMessage().contains("Missing pricelist"), e.getMessage());
    }

    @Test
    void validationErrorOfTheServerNamesTheField() {
        BillmgrApiException e = failure("billmgr:vds/order?pricelist=6&period=7", null, BillmgrApiException.class);
        assertEquals("period", e.getObject(), e.getMessage());
        BillmgrOrderResult ok = call("billmgr:vds/order?pricelist=6&period=1", null, BillmgrOrderResult.class);
        assertNotNull(ok.getServiceId());
    }
}

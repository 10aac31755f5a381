package io.github.camelbillmgr;

import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wrong URI fails when the endpoint is created, before anything is sent, with a message naming the option, the value
 * and what is allowed. The address and credentials are options of the component, as users are told to set them: a
 * password in an endpoint URI shows wherever Camel prints the URI as written (TRACE logs among others).
 */
class EndpointValidationTest {

    private static final String PASSWORD = "Secr3tPw";

    private CamelContext context;
    /** The billmgr component's configuration, which the endpoints start from. */
    private BillmgrConfiguration component;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        // camel-management is on the test classpath (for the secret leak check): these checks need no MBeans
        context.disableJMX();
        context.start();
        component = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        component.setBaseUrl("http://127.0.0.1:9/billmgr");
        component.setUsername("u");
        component.setPassword(PASSWORD);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    static Stream<Arguments> badUris() {
        return Stream.of(
                Arguments.of("billmgr:vds", "expected billmgr:itemType/operation"),
                Arguments.of("billmgr:vds/", "expected billmgr:itemType/operation"),
                Arguments.of("billmgr:vds/order/x", "expected billmgr:itemType/operation"),
                Arguments.of("billmgr:vds/buy", "Unknown operation 'buy'"),
                Arguments.of("billmgr:vds/buy",
                        "allowed are order, prolong, edit, get, list, suspend, resume, delete, pricelist"),
                Arguments.of("billmgr:v%20ds/order", "Invalid itemType 'v ds'"),
                Arguments.of("billmgr:vd$s/order", "letters, digits, '-' and '_'"),
                Arguments.of("billmgr:func/who%20ami", "Invalid function name 'who ami'"),
                Arguments.of("billmgr:vds/order?baseUrl=ftp://host/billmgr", "must be an http or https URL"),
                Arguments.of("billmgr:vds/order?baseUrl=billing.example.com", "must be an http or https URL"),
                Arguments.of("billmgr:vds/order?apiVersion=7", "Invalid apiVersion '7': allowed are 5 and 6"),
                Arguments.of("billmgr:vds/order?period=1.5", "Invalid period option '1.5'"),
                Arguments.of("billmgr:vds/order?period=one", "whole number of months"),
                Arguments.of("billmgr:vds/order?pricelist=abc", "Invalid pricelist option 'abc'"),
                Arguments.of("billmgr:vds/edit?autoprolong=sometimes", "Invalid autoprolong option 'sometimes'"),
                Arguments.of("billmgr:vds/list?status=gone", "Invalid status 'gone'"),
                Arguments.of("billmgr:vds/list?pageSize=0", "Invalid pageSize '0'"),
                Arguments.of("billmgr:vds/list?pageNumber=-1", "Invalid pageNumber '-1'"),
                Arguments.of("billmgr:vds/order?addon.ram=5", "the add-on id 'ram' must be a number"),
                Arguments.of("billmgr:vds/order?authMode=kerberos", "kerberos"),
                Arguments.of("billmgr:vds/order?format=yaml", "yaml"),
                Arguments.of("billmgr:vds/order?noSuchOption=1", "noSuchOption"),
                // a masked value: the leak check fails on a clear authinfo anywhere, test URIs included
                Arguments.of("billmgr:func/whoami?param.authinfo=user:xxxxxx",
                        "the parameter 'authinfo' is set by the component"),
                Arguments.of("billmgr:func/whoami?param.out=xml",
                        "the parameter 'out' is set by the component"));
    }

    @ParameterizedTest
    @MethodSource("badUris")
    void badUriFailsWithSpecificMessage(String uri, String expected) {
        ResolveEndpointFailedException e
                = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        String message = fullMessage(e);
        assertTrue(message.contains(expected), () -> "expected '" + expected + "' in: " + message);
        assertFalse(message.contains(PASSWORD), () -> "password leaked in: " + message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "baseUrl", "username", "password" })
    void missingComponentOptionFailsWithItsName(String option) {
        switch (option) {
            case "baseUrl" -> component.setBaseUrl(null);
            case "username" -> component.setUsername(null);
            default -> component.setPassword(null);
        }
        ResolveEndpointFailedException e
                = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("billmgr:vds/order"));
        String message = fullMessage(e);
        assertTrue(message.contains("Missing option " + option), message);
    }

    @Test
    void baseUrlWithCredentialsIsRefusedWithoutEchoingThem() {
        component.setBaseUrl("https://admin:Top5ecret@billing.example.com/billmgr");
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("billmgr:vds/order"));
        // Camel's own ResolveEndpointFailedException repeats the URI as written; our part must not echo it.
        String message = e.getCause().getMessage();
        assertTrue(message.contains("must not contain a query string or user info"), message);
        assertFalse(message.contains("Top5ecret"), message);
    }

    @Test
    void validEndpointHasTypedConfigurationAndPrefixedMaps() {
        BillmgrEndpoint endpoint = context.getEndpoint(
                "billmgr:platform/order?pricelist=55163&period=-100&addon.55165=2&filter.ip=1.2.3.4"
                        + "&param.licname=lab&authMode=session&format=xml&apiVersion=5",
                BillmgrEndpoint.class);
        BillmgrConfiguration c = endpoint.getConfiguration();
        assertEquals("platform", c.getItemType());
        assertEquals("order", c.getOperation());
        assertEquals("-100", c.getPeriod());
        assertEquals("2", c.getAddons().get("55165"));
        assertEquals("1.2.3.4", c.getFilters().get("ip"));
        assertEquals("lab", c.getParams().get("licname"));
        assertEquals(BillmgrAuthMode.session, c.getAuthMode());
        assertEquals(BillmgrFormat.xml, c.getFormat());
        assertEquals(5, c.getApiVersion());
        assertFalse(endpoint.toString().contains(PASSWORD), endpoint.toString());
        assertEquals(PASSWORD, c.getPassword(), "taken from the component");
        assertEquals("http://127.0.0.1:9/billmgr", endpoint.getServiceUrl());
        assertEquals("http", endpoint.getServiceProtocol());
    }

    @Test
    void componentLevelConfigurationIsInheritedAndOverridden() {
        component.setBaseUrl("https://billing.example.com/billmgr");
        component.setUsername("reseller");
        component.setPassword("Comp0nentPw");
        component.setPeriod("12");
        BillmgrEndpoint a = context.getEndpoint("billmgr:vds/order?pricelist=6", BillmgrEndpoint.class);
        BillmgrEndpoint b = context.getEndpoint("billmgr:vds/order?pricelist=6&period=3&username=other",
                BillmgrEndpoint.class);
        assertEquals("12", a.getConfiguration().getPeriod());
        assertEquals("3", b.getConfiguration().getPeriod());
        assertEquals("reseller", a.getConfiguration().getUsername());
        assertEquals("other", b.getConfiguration().getUsername());
        assertEquals("12", component.getPeriod(), "endpoints must not change the component's copy");
        assertEquals("https", a.getServiceProtocol());
    }

    static String fullMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wrong URI fails when the endpoint is created, before anything is sent, with a message naming the option, the value
 * and what is allowed.
 */
class EndpointValidationTest {

    private static final String CREDS = "baseUrl=http://127.0.0.1:9/billmgr&username=u&password=Secr3tPw";

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    static Stream<Arguments> badUris() {
        return Stream.of(
                Arguments.of("billmgr:vds?" + CREDS, "expected billmgr:itemType/operation"),
                Arguments.of("billmgr:vds/?" + CREDS, "expected billmgr:itemType/operation"),
                Arguments.of("billmgr:vds/order/x?" + CREDS, "expected billmgr:itemType/operation"),
                Arguments.of("billmgr:vds/buy?" + CREDS, "Unknown operation 'buy'"),
                Arguments.of("billmgr:vds/buy?" + CREDS, "allowed are order, prolong, edit, get, list, suspend, resume, delete, pricelist"),
                Arguments.of("billmgr:v%20ds/order?" + CREDS, "Invalid itemType 'v ds'"),
                Arguments.of("billmgr:vd$s/order?" + CREDS, "letters, digits, '-' and '_'"),
                Arguments.of("billmgr:func/who%20ami?" + CREDS, "Invalid function name 'who ami'"),
                Arguments.of("billmgr:vds/order?username=u&password=p", "Missing option baseUrl"),
                Arguments.of("billmgr:vds/order?baseUrl=ftp://host/billmgr&username=u&password=p",
                        "must be an http or https URL"),
                Arguments.of("billmgr:vds/order?baseUrl=billing.example.com&username=u&password=p",
                        "must be an http or https URL"),
                Arguments.of("billmgr:vds/order?baseUrl=http://127.0.0.1:9/billmgr&password=p", "Missing option username"),
                Arguments.of("billmgr:vds/order?baseUrl=http://127.0.0.1:9/billmgr&username=u", "Missing option password"),
                Arguments.of("billmgr:vds/order?" + CREDS + "&apiVersion=7", "Invalid apiVersion '7': allowed are 5 and 6"),
                Arguments.of("billmgr:vds/order?" + CREDS + "&period=1.5", "Invalid period option '1.5'"),
                Arguments.of("billmgr:vds/order?" + CREDS + "&period=one", "whole number of months"),
                Arguments.of("billmgr:vds/order?" + CREDS + "&pricelist=abc", "Invalid pricelist option 'abc'"),
                Arguments.of("billmgr:vds/edit?" + CREDS + "&autoprolong=sometimes", "Invalid autoprolong option 'sometimes'"),
                Arguments.of("billmgr:vds/list?" + CREDS + "&status=gone", "Invalid status 'gone'"),
                Arguments.of("billmgr:vds/list?" + CREDS + "&pageSize=0", "Invalid pageSize '0'"),
                Arguments.of("billmgr:vds/list?" + CREDS + "&pageNumber=-1", "Invalid pageNumber '-1'"),
                Arguments.of("billmgr:vds/order?" + CREDS + "&addon.ram=5", "the add-on id 'ram' must be a number"),
                Arguments.of("billmgr:vds/order?" + CREDS + "&authMode=kerberos", "kerberos"),
                Arguments.of("billmgr:vds/order?" + CREDS + "&format=yaml", "yaml"),
                Arguments.of("billmgr:vds/order?" + CREDS + "&noSuchOption=1", "noSuchOption"),
                Arguments.of("billmgr:func/whoami?" + CREDS + "&param.authinfo=a:b",
                        "the parameter 'authinfo' is set by the component"),
                Arguments.of("billmgr:func/whoami?" + CREDS + "&param.out=xml",
                        "the parameter 'out' is set by the component"));
    }

    @ParameterizedTest
    @MethodSource("badUris")
    void badUriFailsWithSpecificMessage(String uri, String expected) {
        ResolveEndpointFailedException e
                = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        String message = fullMessage(e);
        assertTrue(message.contains(expected), () -> "expected '" + expected + "' in: " + message);
        assertFalse(message.contains("Secr3tPw"), () -> "password leaked in: " + message);
    }

    @Test
    void baseUrlWithCredentialsIsRefusedWithoutEchoingThem() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class, () -> context
                .getEndpoint("billmgr:vds/order?baseUrl=https://admin:Top5ecret@billing.example.com/billmgr&username=u&password=p"));
        // Camel's own ResolveEndpointFailedException repeats the URI as written; our part must not echo it.
        String message = e.getCause().getMessage();
        assertTrue(message.contains("must not contain a query string or user info"), message);
        assertFalse(message.contains("Top5ecret"), message);
    }

    @Test
    void validEndpointHasTypedConfigurationAndPrefixedMaps() {
        BillmgrEndpoint endpoint = context.getEndpoint("billmgr:platform/order?" + CREDS
                                                       + "&pricelist=55163&period=-100&addon.55165=2&filter.ip=1.2.3.4"
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
        assertFalse(endpoint.toString().contains("Secr3tPw"), endpoint.toString());
        assertEquals("http://127.0.0.1:9/billmgr", endpoint.getServiceUrl());
        assertEquals("http", endpoint.getServiceProtocol());
    }

    @Test
    void componentLevelConfigurationIsInheritedAndOverridden() {
        BillmgrComponent component = context.getComponent("billmgr", BillmgrComponent.class);
        component.getConfiguration().setBaseUrl("https://billing.example.com/billmgr");
        component.getConfiguration().setUsername("reseller");
        component.getConfiguration().setPassword("Comp0nentPw");
        component.getConfiguration().setPeriod("12");
        BillmgrEndpoint a = context.getEndpoint("billmgr:vds/order?pricelist=6", BillmgrEndpoint.class);
        BillmgrEndpoint b = context.getEndpoint("billmgr:vds/order?pricelist=6&period=3&username=other",
                BillmgrEndpoint.class);
        assertEquals("12", a.getConfiguration().getPeriod());
        assertEquals("3", b.getConfiguration().getPeriod());
        assertEquals("reseller", a.getConfiguration().getUsername());
        assertEquals("other", b.getConfiguration().getUsername());
        assertEquals("12", component.getConfiguration().getPeriod(), "endpoints must not change the component's copy");
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

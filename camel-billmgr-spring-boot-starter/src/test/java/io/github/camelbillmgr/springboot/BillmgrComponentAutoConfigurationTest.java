package io.github.camelbillmgr.springboot;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.camelbillmgr.BillmgrAuthMode;
import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * camel.component.billmgr.* reach the component Camel creates, against the simulator over loopback HTTP: relaxed
 * names, durations, enums, map options, bean references, Camel's {{...}} and Spring's ${...} placeholders.
 */
class BillmgrComponentAutoConfigurationTest {

    private static BillmgrSimulator simulator;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, BillmgrComponentConverter.class,
                    BillmgrComponentAutoConfiguration.class, BillmgrSecretsAutoConfiguration.class));

    @BeforeAll
    static void startSimulator() {
        simulator = new BillmgrSimulator().start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    @Test
    void propertiesConfigureTheComponent() {
        Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        runner.withBean("billmgrClock", Clock.class, () -> clock)
                .withPropertyValues(
                        "billmgr.url=" + simulator.getBaseUrl(),
                        "billmgr.secret=" + BillmgrSimulator.CLIENT_PASSWORD,
                        "camel.component.billmgr.base-url=${billmgr.url}",         // Spring placeholder
                        "camel.component.billmgr.username=" + BillmgrSimulator.CLIENT_USER,
                        "camel.component.billmgr.password={{billmgr.secret}}",      // Camel placeholder
                        "camel.component.billmgr.authMode=session",                 // relaxed names both ways
                        "camel.component.billmgr.connect-timeout=5s",
                        "camel.component.billmgr.response-timeout=90000",
                        "camel.component.billmgr.api-version=5",
                        "camel.component.billmgr.addons.11=2048",
                        "camel.component.billmgr.clock=#billmgrClock")
                .run(ctx -> {
                    CamelContext camel = ctx.getBean(CamelContext.class);
                    BillmgrConfiguration c = camel.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
                    assertEquals(simulator.getBaseUrl(), c.getBaseUrl());
                    assertEquals(BillmgrSimulator.CLIENT_USER, c.getUsername());
                    assertEquals(BillmgrSimulator.CLIENT_PASSWORD, c.getPassword());
                    assertEquals(BillmgrAuthMode.session, c.getAuthMode());
                    assertEquals(5_000L, c.getConnectTimeout());
                    assertEquals(90_000L, c.getResponseTimeout());
                    assertEquals(30_000L, c.getConnectionRequestTimeout(), "the default");
                    assertEquals(5, c.getApiVersion());
                    assertEquals(Map.of("11", "2048"), c.getAddons());
                    assertSame(clock, c.getClock());

                    // and the credentials work: a call logged in through a session (func=auth) as the client
                    ProducerTemplate template = camel.createProducerTemplate();
                    Object body = template.requestBody("billmgr:func/whoami", (Object) null);
                    assertTrue(String.valueOf(body).contains(BillmgrSimulator.CLIENT_USER), String.valueOf(body));
                    assertTrue(simulator.requests().stream().anyMatch(r -> "auth".equals(r.func())),
                            "authMode=session logged in with func=auth");
                });
    }

    @Test
    void disabledLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.billmgr.enabled=false",
                "camel.component.billmgr.base-url=" + simulator.getBaseUrl())
                .run(ctx -> {
                    CamelContext camel = ctx.getBean(CamelContext.class);
                    assertNull(camel.getComponent("billmgr", BillmgrComponent.class).getConfiguration().getBaseUrl());
                });
    }

    @Test
    void thePasswordIsMaskedWhereverTheActuatorShowsIt() {
        runner.run(ctx -> {
            SanitizingFunction f = ctx.getBean("billmgrSecretsSanitizer", SanitizingFunction.class);
            for (String key : new String[] {
                    "camel.component.billmgr.password", "camel.component.billmgr.PASSWORD", "password",
                    "CAMEL_COMPONENT_BILLMGR_PASSWORD" }) {
                assertEquals(SanitizableData.SANITIZED_VALUE,
                        f.apply(new SanitizableData(null, key, "s3cret")).getValue(), key);
            }
            assertEquals("https://billing.example.com/billmgr", f.apply(new SanitizableData(null,
                    "camel.component.billmgr.base-url", "https://billing.example.com/billmgr")).getValue());
        });
    }
}

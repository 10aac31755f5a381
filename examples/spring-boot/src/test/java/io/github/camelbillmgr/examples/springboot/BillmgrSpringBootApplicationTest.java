package io.github.camelbillmgr.examples.springboot;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.SimService;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boots the example application against the BILLmanager simulator, configured by its application.properties alone:
 * the test only supplies what an operator puts in the environment (BILLMGR_BASE_URL, BILLMGR_USERNAME,
 * BILLMGR_PASSWORD). It orders a VPS through the route and reads the application's readiness from Spring Boot's
 * health endpoint over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BillmgrSpringBootApplicationTest {

    private static final BillmgrSimulator SIMULATOR = new BillmgrSimulator().start();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry env) {
        env.add("BILLMGR_BASE_URL", SIMULATOR::getBaseUrl);
        env.add("BILLMGR_USERNAME", () -> BillmgrSimulator.CLIENT_USER);
        env.add("BILLMGR_PASSWORD", () -> BillmgrSimulator.CLIENT_PASSWORD);
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

    @Autowired
    private ProducerTemplate template;

    @LocalServerPort
    private int port;

    @Test
    void ordersAVpsFromTheSimulator() {
        BigDecimal before = SIMULATOR.state().balance(BillmgrSimulator.CLIENT_USER);

        Object serviceId = template.requestBody("direct:order-vps", "shop-2001");

        SimService vps = SIMULATOR.state().services().stream()
                .filter(s -> "shop-2001".equals(s.remoteId()))
                .findFirst().orElseThrow(() -> new AssertionError("no service with remote id shop-2001"));
        assertEquals(String.valueOf(vps.id()), String.valueOf(serviceId));
        assertEquals("vds", vps.itemType());
        assertEquals(BillmgrSimulator.CLIENT_USER, vps.owner());
        assertEquals(6L, vps.pricelistId());
        assertEquals("ISPsystem__Ubuntu-22.04-amd64", vps.ostempl());
        BigDecimal after = SIMULATOR.state().balance(BillmgrSimulator.CLIENT_USER);
        assertEquals(0, before.subtract(vps.cost()).compareTo(after), "charged once: " + before + " -> " + after);
        // authMode=session from application.properties: logged in with func=auth, no password on the order itself
        assertTrue(SIMULATOR.requests().stream().anyMatch(r -> "auth".equals(r.func())));
        assertTrue(SIMULATOR.requests().stream().filter(r -> r.func() != null && r.func().endsWith("order.param"))
                .allMatch(r -> r.param("authinfo") == null));
    }

    @Test
    void healthEndpointShowsTheBillmgrReadinessCheck() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertEquals("UP", health.get("status").asText(), response.body());
        assertTrue(response.body().contains("producer:billmgr"), "a billmgr producer check in " + response.body());
        assertTrue(SIMULATOR.requests().stream().anyMatch(r -> "whoami".equals(r.func())),
                "the check logged in to BILLmanager (whoami)");
        assertTrue(!response.body().contains(BillmgrSimulator.CLIENT_PASSWORD), "no password in " + response.body());
    }
}

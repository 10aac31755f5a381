package io.github.camelbillmgr;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.SimService;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An order whose answer is lost is never placed twice: the redelivery finds the first attempt's service by its
 * remote id, and orders again only when the first attempt did not land.
 */
class ExactlyOnceOrderTest extends BillmgrTestSupport {

    /** What the proxy does to the next order requests. */
    enum Mode { PASS, COMMIT_THEN_502, DROP_WITH_502 }

    private static final AtomicInteger FAULTY_ORDERS = new AtomicInteger();
    private static volatile Mode mode = Mode.PASS;
    private HttpServer proxy;

    @BeforeEach
    void startProxy() throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/billmgr", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            boolean order = new String(body).contains("order.param");
            boolean faulty = order && mode != Mode.PASS && FAULTY_ORDERS.getAndDecrement() > 0;
            byte[] reply;
            int status;
            if (faulty && mode == Mode.DROP_WITH_502) {
                status = 502;
                reply = "<html>502 Bad Gateway</html>".getBytes();
            } else {
                try {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(simulator.getBaseUrl()))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    status = faulty ? 502 : r.statusCode(); // COMMIT_THEN_502: BILLmanager did it, the answer is lost
                    reply = faulty ? "<html>502 Bad Gateway</html>".getBytes() : r.body();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            ex.sendResponseHeaders(status, reply.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(reply);
            }
        });
        proxy.start();
    }

    @AfterEach
    void stopProxy() {
        proxy.stop(0);
        mode = Mode.PASS;
    }

    private String viaProxy() {
        return "baseUrl=http://127.0.0.1:" + proxy.getAddress().getPort() + "/billmgr";
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:order")
                        .onException(BillmgrOutcomeUnknownException.class).maximumRedeliveries(2).redeliveryDelay(0).end()
                        .toD("billmgr:vds/order?pricelist=6&period=1&${header.proxy}");
                from("direct:three").loop(3).toD("billmgr:vds/order?pricelist=6&period=1&${header.proxy}").end();
            }
        };
    }

    @Test
    void lostAnswerAfterCommitIsRecoveredNotOrderedTwice() {
        BigDecimal before = simulator.state().balance(BillmgrSimulator.CLIENT_USER);
        mode = Mode.COMMIT_THEN_502;
        FAULTY_ORDERS.set(1);
        Exchange e = template.request("direct:order", x -> x.getMessage().setHeader("proxy", viaProxy()));
        assertNull(e.getException(), () -> "failed: " + e.getException());
        List<SimService> services = simulator.state().servicesOf("vds");
        assertEquals(1, services.size(), "exactly one VPS");
        BillmgrOrderResult result = e.getMessage().getBody(BillmgrOrderResult.class);
        assertEquals(services.get(0).id(), result.getServiceId());
        assertEquals(services.get(0).remoteId(), result.getRemoteId());
        assertTrue(result.getRemoteId().startsWith("camel-"), result.getRemoteId());
        assertEquals(true, e.getMessage().getHeader(BillmgrConstants.RECOVERED));
        BigDecimal charged = before.subtract(simulator.state().balance(BillmgrSimulator.CLIENT_USER));
        assertEquals(0, charged.compareTo(services.get(0).cost()), "charged once: " + charged);
    }

    @Test
    void lostRequestIsOrderedOnRedelivery() {
        mode = Mode.DROP_WITH_502;
        FAULTY_ORDERS.set(1);
        Exchange e = template.request("direct:order", x -> x.getMessage().setHeader("proxy", viaProxy()));
        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals(1, simulator.state().servicesOf("vds").size());
        assertNull(e.getMessage().getHeader(BillmgrConstants.RECOVERED));
        long orders = simulator.requests().stream().filter(r -> "v2.vds.order.param".equals(r.func())).count();
        assertEquals(1, orders, "the dropped request never reached BILLmanager, the redelivery did");
    }

    @Test
    void withoutRedeliveryTheExceptionSaysTheOutcomeIsUnknown() {
        mode = Mode.COMMIT_THEN_502;
        FAULTY_ORDERS.set(1);
        BillmgrOutcomeUnknownException e = failure("billmgr:vds/order?pricelist=6&period=1&remoteId=crm-77&" + viaProxy(),
                null, BillmgrOutcomeUnknownException.class);
        assertEquals("crm-77", e.getRemoteId());
        assertEquals(502, e.getStatusCode());
        assertTrue(e.getMessage().contains("outcome of v2.vds.order.param is unknown"), e.getMessage());
        assertEquals("crm-77", simulator.state().servicesOf("vds").get(0).remoteId(), "it did land");
        assertInstanceOf(BillmgrTransportException.class, e);
    }

    @Test
    void severalOrdersInOneExchangeAreSeveralServices() {
        Exchange e = template.request("direct:three", x -> x.getMessage().setHeader("proxy", viaProxy()));
        assertNull(e.getException());
        List<SimService> services = simulator.state().servicesOf("vds");
        assertEquals(3, services.size());
        assertEquals(3, services.stream().map(SimService::remoteId).distinct().count(), "each with its own remote id");
    }
}

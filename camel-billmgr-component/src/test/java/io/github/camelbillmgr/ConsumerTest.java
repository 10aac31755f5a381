package io.github.camelbillmgr;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.SimService;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The polling consumer: every page, batch headers, emit=changes with what changed, expiring services, failed polls.
 */
class ConsumerTest extends BillmgrTestSupport {

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private void route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from(uri).routeId("poll").to("mock:out");
            }
        });
        if (!context.isStarted()) {
            context.start();
        }
    }

    @Test
    void emitAllSendsEveryServiceWithBatchHeaders() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 5);
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMinimumMessageCount(5);
        route("billmgr:vds/list?pageSize=2&initialDelay=0&delay=60000");
        MockEndpoint.assertIsSatisfied(context);
        Exchange first = out.getExchanges().get(0);
        assertInstanceOf(BillmgrService.class, first.getMessage().getBody());
        assertNotNull(first.getMessage().getHeader(BillmgrConstants.SERVICE_ID));
        assertEquals(BillmgrServiceStatus.ACTIVE, first.getMessage().getHeader(BillmgrConstants.STATUS));
        assertEquals("vds", first.getMessage().getHeader(BillmgrConstants.ITEM_TYPE));
        assertEquals(5, first.getProperty(Exchange.BATCH_SIZE));
        assertEquals(true, out.getExchanges().get(4).getProperty(Exchange.BATCH_COMPLETE));
    }

    @Test
    void emitAllWithMaxMessagesPerPollReadsOnlyThePagesItEmits() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 50);
        simulator.clearRequests();
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(15);
        route("billmgr:vds/list?pageSize=10&maxMessagesPerPoll=15&initialDelay=0&delay=60000");
        MockEndpoint.assertIsSatisfied(context);
        assertEquals(15, out.getExchanges().get(0).getProperty(Exchange.BATCH_SIZE));
        assertEquals(2, simulator.requests().stream().filter(r -> "vds".equals(r.func())).count(),
                "15 services are on the first two pages: the other three are not read");
    }

    @Test
    void emitChangesWithMaxMessagesPerPollSpreadsTheFirstPollOverSeveralPolls() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 25);
        MockEndpoint out = getMockEndpoint("mock:out");
        NotifyBuilder all = new NotifyBuilder(context).whenDone(25).create();
        route("billmgr:vds/list?emit=changes&pageSize=10&maxMessagesPerPoll=10&initialDelay=0&delay=100");
        assertTrue(all.matches(20, TimeUnit.SECONDS), "25 created services over three polls");
        assertEquals(10, out.getExchanges().get(0).getProperty(Exchange.BATCH_SIZE));
        assertEquals(25, out.getExchanges().stream().map(e -> e.getMessage().getHeader(BillmgrConstants.SERVICE_ID))
                .distinct().count(), "each service once");
        NotifyBuilder more = new NotifyBuilder(context).whenDone(26).create();
        assertFalse(more.matches(500, TimeUnit.MILLISECONDS), "nothing is emitted twice");
    }

    @Test
    void tenThousandServicesThenExactlyTheHundredThatChanged() throws Exception {
        List<SimService> all = simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 10_000);
        MockEndpoint out = getMockEndpoint("mock:out");
        NotifyBuilder firstPoll = new NotifyBuilder(context).whenDone(10_000).create();
        long start = System.nanoTime();
        route("billmgr:vds/list?emit=changes&pageSize=1000&initialDelay=0&delay=300");
        assertTrue(firstPoll.matches(60, TimeUnit.SECONDS), "first poll emits all 10,000 as created");
        System.out.printf("emit=changes: first poll of 10,000 services in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertTrue(out.getExchanges().stream().allMatch(e -> "created".equals(e.getMessage().getHeader(BillmgrConstants.CHANGE))));
        context.getRouteController().suspendRoute("poll");
        out.reset();

        for (int i = 0; i < 100; i++) {
            long id = all.get(i * 97).id();
            if (i % 2 == 0) {
                simulator.state().setStatus(id, 3);
            } else {
                simulator.state().setExpireDate(id, service(id).expireDate().plusMonths(1));
            }
        }
        NotifyBuilder changes = new NotifyBuilder(context).whenDone(100).create();
        context.getRouteController().resumeRoute("poll");
        assertTrue(changes.matches(60, TimeUnit.SECONDS), "the 100 changes are emitted");
        Thread.sleep(1500); // several more polls: nothing else may come
        assertEquals(100, out.getReceivedCounter());
        long statusChanged = out.getExchanges().stream()
                .filter(e -> "statusChanged".equals(e.getMessage().getHeader(BillmgrConstants.CHANGE))).count();
        long renewed = out.getExchanges().stream()
                .filter(e -> "renewed".equals(e.getMessage().getHeader(BillmgrConstants.CHANGE))).count();
        assertEquals(50, statusChanged);
        assertEquals(50, renewed);
        Exchange suspended = out.getExchanges().stream()
                .filter(e -> "statusChanged".equals(e.getMessage().getHeader(BillmgrConstants.CHANGE))).findFirst().get();
        assertEquals(BillmgrServiceStatus.ACTIVE, suspended.getMessage().getHeader(BillmgrConstants.PREVIOUS_STATUS));
        assertEquals(BillmgrServiceStatus.SUSPENDED, suspended.getMessage().getHeader(BillmgrConstants.STATUS));
        System.out.printf("emit=changes: 10,000 services, 100 changed, %d events on the next polls%n",
                out.getReceivedCounter());
    }

    @Test
    void removedServicesAndAPersistentStateAcrossRestarts(@TempDir Path dir) throws Exception {
        List<SimService> all = simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 3);
        context.getRegistry().bind("state", new FileBillmgrStateRepository(dir.resolve("state.properties")));
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(3);
        route("billmgr:vds/list?emit=changes&stateRepository=#state&initialDelay=0&delay=200");
        MockEndpoint.assertIsSatisfied(context);
        Path file = dir.resolve("state.properties");
        for (int i = 0; i < 50 && !Files.exists(file); i++) {
            Thread.sleep(100); // the batch is written once it is complete
        }
        assertTrue(Files.readString(file).contains("#" + all.get(0).id() + "="));

        // a new context (a restart) with the same file emits only what changed meanwhile
        context.stop();
        simulator.state().setStatus(all.get(1).id(), 4); // deleted services drop out of the list
        org.apache.camel.CamelContext restarted = createCamelContext();
        try {
            restarted.getRegistry().bind("state", new FileBillmgrStateRepository(dir.resolve("state.properties")));
            restarted.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("billmgr:vds/list?emit=changes&stateRepository=#state&initialDelay=0&delay=200").to("mock:out");
                }
            });
            NotifyBuilder removed = new NotifyBuilder(restarted).whenDone(1).create();
            restarted.start();
            assertTrue(removed.matches(20, TimeUnit.SECONDS));
            Thread.sleep(600);
            MockEndpoint again = restarted.getEndpoint("mock:out", MockEndpoint.class);
            assertEquals(1, again.getReceivedCounter(), "only the removed service, not the other two again");
            assertEquals("removed", again.getExchanges().get(0).getMessage().getHeader(BillmgrConstants.CHANGE));
            assertEquals(all.get(1).id(), again.getExchanges().get(0).getMessage().getHeader(BillmgrConstants.SERVICE_ID));
        } finally {
            restarted.stop();
        }
    }

    @Test
    void expiringWithinDaysUsesTheGivenClock() throws Exception {
        List<SimService> all = simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 3);
        var today = simulator.clock().today();
        simulator.state().setExpireDate(all.get(0).id(), today.plusDays(3));
        simulator.state().setExpireDate(all.get(1).id(), today.plusDays(30));
        simulator.state().setExpireDate(all.get(2).id(), today.minusDays(1));
        context.getRegistry().bind("simClock", Clock.fixed(simulator.clock().now(), ZoneOffset.UTC));
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        route("billmgr:vds/list?expiringWithinDays=7&clock=#simClock&initialDelay=0&delay=60000");
        MockEndpoint.assertIsSatisfied(context);
        assertEquals(all.get(0).id(), out.getExchanges().get(0).getMessage().getHeader(BillmgrConstants.SERVICE_ID));
    }

    @Test
    void failedPollReachesTheErrorHandlerAndEmitsNothing() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 5);
        AtomicInteger calls = new AtomicInteger();
        // a real proxy in front of the simulator whose second page fails once with HTTP 502
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpClient http = HttpClient.newHttpClient();
        proxy.createContext("/billmgr", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String form = new String(body);
            byte[] reply;
            int status;
            if (form.contains("p_num=2") && calls.incrementAndGet() == 1) {
                status = 502;
                reply = "<html>502</html>".getBytes();
            } else {
                try {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(simulator.getBaseUrl()))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    status = r.statusCode();
                    reply = r.body();
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
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(BillmgrException.class).handled(true).to("mock:error");
                    from("billmgr:vds/list?emit=changes&pageSize=2&bridgeErrorHandler=true&initialDelay=0&delay=300"
                         + "&baseUrl=http://127.0.0.1:" + proxy.getAddress().getPort() + "/billmgr")
                            .routeId("poll").to("mock:out");
                }
            });
            context.start();
            MockEndpoint error = getMockEndpoint("mock:error");
            error.expectedMinimumMessageCount(1);
            MockEndpoint out = getMockEndpoint("mock:out");
            out.expectedMessageCount(5);
            MockEndpoint.assertIsSatisfied(context);
            Exception e = error.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertInstanceOf(BillmgrTransportException.class, e);
            Thread.sleep(700);
            assertEquals(5, out.getReceivedCounter(), "the failed poll emitted nothing, the next one each service once");
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void onlyListCanBeConsumed() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> route("billmgr:vds/order?pricelist=6"));
        assertTrue(EndpointValidationTest.fullMessage(e).contains("only billmgr:TYPE/list polls"),
                EndpointValidationTest.fullMessage(e));
    }

}

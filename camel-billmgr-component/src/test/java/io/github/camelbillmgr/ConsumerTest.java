package io.github.camelbillmgr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.SimService;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The polling consumer: every page, batch headers, emit=changes with what changed, expiring services; failed polls
 * (HTTP 502, refused credentials, a malformed page, a poll strategy bean), maxMessagesPerPoll,
 * sendEmptyMessageWhenIdle and a scheduler bean.
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
        assertTrue(out.getExchanges().stream()
                .allMatch(e -> "created".equals(e.getMessage().getHeader(BillmgrConstants.CHANGE))));
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
                .filter(e -> "statusChanged".equals(e.getMessage().getHeader(BillmgrConstants.CHANGE))).findFirst()
                .get();
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
            assertEquals(all.get(1).id(),
                    again.getExchanges().get(0).getMessage().getHeader(BillmgrConstants.SERVICE_ID));
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
        try (FaultInjectingProxy proxy = FaultInjectingProxy.to(simulator.getBaseUrl())
                .failNext(form -> form.contains("p_num=2"), 1, FaultInjectingProxy.Reply.html(502))) {
            MockEndpoint error = getMockEndpoint("mock:error");
            MockEndpoint out = getMockEndpoint("mock:out");
            bridgedRoute("billmgr:vds/list?emit=changes&pageSize=2&bridgeErrorHandler=true&initialDelay=0&delay=100"
                    + "&baseUrl=" + proxy.baseUrl());
            Await.until(() -> out.getReceivedCounter() >= 5, () -> "5 services, got " + out.getReceivedCounter());
            assertEquals(1, proxy.faultsServed());
            assertInstanceOf(BillmgrTransportException.class, caught(error, 0));
            awaitPolls(2);
            assertEmittedOnce(out, 5, "the failed poll emitted nothing, the next one each service once");
        }
    }

    @Test
    void pollsOnceAMinuteUnlessTheUriSaysOtherwise() throws Exception {
        context.start();
        org.apache.camel.Processor none = exchange -> {};
        BillmgrConsumer byDefault = (BillmgrConsumer) context.getEndpoint("billmgr:vds/list").createConsumer(none);
        assertEquals(60_000, byDefault.getDelay(), "not Camel's 500 ms: every poll reads the whole list");
        BillmgrConsumer inSeconds = (BillmgrConsumer) context.getEndpoint("billmgr:vds/list?timeUnit=SECONDS")
                .createConsumer(none);
        assertEquals(60, inSeconds.getDelay(), "the default is a minute in the endpoint's time unit too");
        BillmgrConsumer given
                = (BillmgrConsumer) context.getEndpoint("billmgr:vds/list?delay=250").createConsumer(none);
        assertEquals(250, given.getDelay());
        try (java.io.InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelbillmgr/billmgr.json")) {
            com.fasterxml.jackson.databind.JsonNode delay
                    = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in)
                            .path("properties").path("delay");
            assertEquals(String.valueOf(BillmgrEndpoint.DEFAULT_DELAY), delay.path("defaultValue").asText(),
                    "the catalog (and so the component page) shows the billmgr default: " + delay);
        }
    }

    @Test
    void refusedCredentialsEmitNothingUntilBillmanagerAcceptsThemAgain() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 3);
        // the password was changed in BILLmanager: the one configured on the component is refused
        simulator.state().setPassword(BillmgrSimulator.CLIENT_USER, "Changed-In-Billmanager-1");
        MockEndpoint error = getMockEndpoint("mock:error");
        MockEndpoint out = getMockEndpoint("mock:out");
        bridgedRoute("billmgr:vds/list?emit=changes&bridgeErrorHandler=true&initialDelay=0&delay=100");
        Await.until(() -> error.getReceivedCounter() >= 1, () -> "a refused poll reaches onException");
        Exception refused = caught(error, 0);
        assertInstanceOf(BillmgrAuthenticationException.class, refused);
        assertTrue(refused.getMessage().contains("badpassword"), refused.getMessage());
        assertFalse(refused.getMessage().contains(BillmgrSimulator.CLIENT_PASSWORD), refused.getMessage());
        assertEquals(0, out.getReceivedCounter(), "a refused poll emits nothing");

        simulator.state().setPassword(BillmgrSimulator.CLIENT_USER, BillmgrSimulator.CLIENT_PASSWORD);
        // the refusal pauses logins for a second (LoginBackoff), then the next poll goes through
        Await.until(() -> out.getReceivedCounter() >= 3,
                () -> "3 services after the fix, got " + out.getReceivedCounter());
        awaitPolls(2);
        assertEmittedOnce(out, 3, "each service once, as created, once the credentials are accepted");
        assertTrue(out.getExchanges().stream()
                .allMatch(e -> "created".equals(e.getMessage().getHeader(BillmgrConstants.CHANGE))));
    }

    @Test
    void aMalformedPageHalfwayEmitsNothingAndTheNextPollRecovers() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 5);
        // the second page is an HTML page with HTTP 200 (a proxy or a login page in the way), once
        try (FaultInjectingProxy proxy = FaultInjectingProxy.to(simulator.getBaseUrl())
                .failNext(form -> form.contains("p_num=2"), 1, new FaultInjectingProxy.Reply(200,
                        "text/html; charset=UTF-8", "<html><body>Maintenance</body></html>"))) {
            MockEndpoint error = getMockEndpoint("mock:error");
            MockEndpoint out = getMockEndpoint("mock:out");
            bridgedRoute("billmgr:vds/list?emit=changes&pageSize=2&bridgeErrorHandler=true&initialDelay=0&delay=100"
                    + "&baseUrl=" + proxy.baseUrl());
            Await.until(() -> out.getReceivedCounter() >= 5, () -> "5 services, got " + out.getReceivedCounter());
            assertEquals(1, proxy.faultsServed());
            Exception malformed = caught(error, 0);
            assertInstanceOf(BillmgrTransportException.class, malformed);
            assertTrue(malformed.getMessage().contains("not a BILLmanager json document"), malformed.getMessage());
            awaitPolls(2);
            assertEmittedOnce(out, 5,
                    "page 1 of the failed poll was read but not emitted; the next poll emits each once");
        }
    }

    @Test
    void aPollStrategyBeanSeesTheFailedPollAndTheNextPollCommits() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 3);
        simulator.state().faults().failNext("vds", 1, "misc", null, "Temporarily unavailable");
        RecordingPollStrategy strategy = new RecordingPollStrategy();
        context.getRegistry().bind("strategy", strategy);
        MockEndpoint out = getMockEndpoint("mock:out");
        route(BillmgrEndpoints.vds().list().emit(BillmgrEmitMode.changes).pollStrategy("strategy").initialDelay(0)
                .delay(100).uri());
        Await.until(() -> strategy.committed.size() >= 3, () -> "three polls after the failure: " + strategy);

        assertEquals(1, strategy.rolledBack.size(), strategy::toString);
        BillmgrApiException cause = assertInstanceOf(BillmgrApiException.class, strategy.rolledBack.get(0));
        assertEquals("misc", cause.getType());
        assertEquals(3, strategy.committed.get(0), "the poll after the failure emits every service");
        assertEquals(List.of(0, 0), strategy.committed.subList(1, 3), "and nothing is left for the polls after it");
        assertEmittedOnce(out, 3, "nothing from the failed poll, each service once from the next");
    }

    @Test
    void maxMessagesPerPollLeavesTheRestForTheNextPolls() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 5);
        MockEndpoint out = getMockEndpoint("mock:out");
        route("billmgr:vds/list?emit=changes&maxMessagesPerPoll=2&initialDelay=0&delay=100");
        Await.until(() -> out.getReceivedCounter() >= 5, () -> "5 services, got " + out.getReceivedCounter());
        awaitPolls(2);
        assertEmittedOnce(out, 5, "two per poll, each once");
        List<Object> batchSizes = out.getExchanges().stream().map(e -> e.getProperty(Exchange.BATCH_SIZE)).toList();
        assertEquals(List.of(2, 2, 2, 2, 1), batchSizes, "polls of 2, 2 and 1 services");
        assertEquals(true, out.getExchanges().get(1).getProperty(Exchange.BATCH_COMPLETE));
    }

    @Test
    void sendEmptyMessageWhenIdleSendsOneEmptyExchangePerIdlePoll() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 2);
        MockEndpoint out = getMockEndpoint("mock:out");
        route("billmgr:vds/list?emit=changes&sendEmptyMessageWhenIdle=true&initialDelay=0&delay=100");
        Await.until(() -> out.getReceivedCounter() >= 4,
                () -> "2 services and 2 idle polls, got " + out.getReceivedCounter());
        List<Exchange> received = out.getExchanges();
        for (int i = 0; i < 2; i++) {
            assertInstanceOf(BillmgrService.class, received.get(i).getMessage().getBody());
        }
        for (Exchange idle : received.subList(2, received.size())) {
            assertNull(idle.getMessage().getBody(), "an idle poll: no body");
            assertNull(idle.getMessage().getHeader(BillmgrConstants.SERVICE_ID), "and no service headers");
        }
    }

    @Test
    void aSchedulerBeanDecidesWhenToPoll() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 3);
        ManualScheduler scheduler = new ManualScheduler();
        context.getRegistry().bind("manual", scheduler);
        MockEndpoint out = getMockEndpoint("mock:out");
        // delay and initialDelay are Camel's scheduler's: a scheduler bean replaces it, so they do not apply
        route(BillmgrEndpoints.vds().list().scheduler("#manual").initialDelay(0).delay(1).uri());
        assertTrue(scheduler.isSchedulerStarted());
        assertEquals(0, listCalls(), "no poll before the scheduler fires");
        scheduler.fire();
        assertEquals(1, listCalls());
        assertEquals(3, out.getReceivedCounter(), "the poll ran on the scheduler's thread (here the test's)");
        scheduler.fire();
        assertEquals(2, listCalls());
        assertEquals(6, out.getReceivedCounter(), "emit=all: every service at every poll");
    }

    /** Remembers what Camel tells a poll strategy; rolls nothing back for a retry. */
    static final class RecordingPollStrategy implements PollingConsumerPollStrategy {
        final List<Exception> rolledBack = new CopyOnWriteArrayList<>();
        final List<Integer> committed = new CopyOnWriteArrayList<>();

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            return true;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            committed.add(polledMessages);
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
            rolledBack.add(cause);
            return false;
        }

        @Override
        public String toString() {
            return "rolled back " + rolledBack + ", committed " + committed;
        }
    }

    /** A scheduler that polls only when the test says so, on the test's thread. */
    static final class ManualScheduler extends ServiceSupport implements ScheduledPollConsumerScheduler {
        private volatile Runnable task;
        private volatile boolean started;
        private CamelContext camelContext;

        void fire() {
            task.run();
        }

        @Override
        public void onInit(Consumer consumer) {
        }

        @Override
        public void scheduleTask(Runnable task) {
            this.task = task;
        }

        @Override
        public void unscheduleTask() {
            task = null;
        }

        @Override
        public void startScheduler() {
            started = true;
        }

        @Override
        public boolean isSchedulerStarted() {
            return started;
        }

        @Override
        public void setCamelContext(CamelContext camelContext) {
            this.camelContext = camelContext;
        }

        @Override
        public CamelContext getCamelContext() {
            return camelContext;
        }
    }

    /** Like {@link #route}, with failed polls going to mock:error through bridgeErrorHandler=true. */
    private void bridgedRoute(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(BillmgrException.class).handled(true).to("mock:error");
                from(uri).routeId("poll").to("mock:out");
            }
        });
        context.start();
    }

    private static Exception caught(MockEndpoint error, int index) {
        return error.getExchanges().get(index).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    /** How many list requests (func=vds) the simulator has received. */
    private static long listCalls() {
        return simulator.requests().stream().filter(r -> "vds".equals(r.func())).count();
    }

    /**
     * Waits until the route's consumer has completed {@code polls} more polls (failed or not): Camel counts a poll
     * when it starts, so {@code polls + 1} more starts mean {@code polls} complete ones.
     */
    private void awaitPolls(int polls) {
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("poll").getConsumer();
        long start = consumer.getCounter();
        Await.until(() -> consumer.getCounter() >= start + polls + 1, () -> polls + " more polls");
    }

    /** Exactly {@code count} services arrived, none twice. */
    private static void assertEmittedOnce(MockEndpoint out, int count, String why) {
        List<Object> ids
                = out.getExchanges().stream().map(e -> e.getMessage().getHeader(BillmgrConstants.SERVICE_ID)).toList();
        assertEquals(count, ids.size(), why + ": " + ids);
        assertEquals(count, new HashSet<>(ids).size(), why + ", none twice: " + ids);
    }

    @Test
    void onlyListCanBeConsumed() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> route("billmgr:vds/order?pricelist=6"));
        assertTrue(EndpointValidationTest.fullMessage(e).contains("only billmgr:TYPE/list polls"),
                EndpointValidationTest.fullMessage(e));
    }

}

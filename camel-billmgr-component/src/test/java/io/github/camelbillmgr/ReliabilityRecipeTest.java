package io.github.camelbillmgr;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.github.camelbillmgr.docs.AdocTables;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.BillmgrSimulatorExtension;
import io.github.camelbillmgr.simulator.fault.Fault;
import io.github.camelbillmgr.simulator.fault.FaultKind;
import io.github.camelbillmgr.simulator.model.SimService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recipe of docs/reliability.md, run as the page shows it: {@link OrderRoutes} and {@link RenewalRoutes} (whose
 * tagged parts the page shows verbatim) with a {@link FileIdempotentRepository} in a temporary directory, against the
 * simulator. Each "application run" is a new CamelContext on the same repository files, so a restart is a real one.
 * The only change to the routes is a redelivery delay of 0 instead of seconds, to keep the test fast.
 */
class ReliabilityRecipeTest {

    private static final String ORDER = "v2.vds.order.param";
    private static final String PROLONG = "service.prolong";

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension();

    @TempDir
    Path dir;

    private final List<CamelContext> runs = new ArrayList<>();

    @AfterEach
    void stopApplications() {
        runs.forEach(CamelContext::stop);
    }

    // ------------------------------------------------------------------ orders

    @Test
    void aDuplicateFromUpstreamIsDroppedBeforeBillmanager() throws Exception {
        CamelContext app = startApplication();
        BigDecimal before = balance();

        Exchange first = order(app, "1001");
        Exchange copy = order(app, "1001");

        assertNull(first.getException(), () -> "failed: " + first.getException());
        assertNull(copy.getException(), () -> "failed: " + copy.getException());
        assertEquals(true, copy.getProperty(Exchange.DUPLICATE_MESSAGE), "the copy was recognised as a duplicate");
        assertExactlyOneVps("shop-1001", before);
        assertEquals(1, calls(ORDER), "the copy never reached BILLmanager");
    }

    @Test
    void aCopyArrivingWhileTheFirstIsStillInFlightIsDroppedThoughNoLookupCouldFindTheOrderYet() throws Exception {
        CamelContext app = startApplication();
        BigDecimal before = balance();
        billmgr.state().faults().delayNext(ORDER, 1, Duration.ofSeconds(2)); // the order runs after the pause
        ProducerTemplate template = app.createProducerTemplate();
        CompletableFuture<Exchange> first = template.asyncSend("direct:orders", orderMessage("1002"));
        Await.until(() -> calls(ORDER) == 1, () -> "the first order never reached BILLmanager");

        Exchange copy = order(app, "1002");

        assertEquals(true, copy.getProperty(Exchange.DUPLICATE_MESSAGE));
        assertFalse(first.isDone(), "the first order was still in flight when the copy was dropped");
        assertEquals(0, billmgr.state().serviceCount(), "no service yet, so a lookup would have found nothing");
        Exchange done = first.get();
        assertNull(done.getException(), () -> "failed: " + done.getException());
        assertExactlyOneVps("shop-1002", before);
        assertEquals(1, calls(ORDER));
    }

    @Test
    void aDuplicateAfterARestartIsDroppedByThePersistentRepository() throws Exception {
        CamelContext firstRun = startApplication();
        BigDecimal before = balance();
        assertNull(order(firstRun, "1003").getException());
        firstRun.stop();
        assertTrue(Files.readAllLines(ordersFile(), StandardCharsets.UTF_8).contains("1003"), "recorded on disk");

        CamelContext secondRun = startApplication();
        billmgr.simulator().clearRequests();
        Exchange copy = order(secondRun, "1003");

        assertNull(copy.getException(), () -> "failed: " + copy.getException());
        assertEquals(true, copy.getProperty(Exchange.DUPLICATE_MESSAGE));
        assertEquals(0, billmgr.simulator().requests().size(), "the second run did not even ask BILLmanager");
        assertExactlyOneVps("shop-1003", before);
    }

    /** Lost replies of every shape the simulator has, the order having been placed each time. */
    static Stream<Fault> lostReplies() {
        return Stream.of(Fault.dropAfterCommit(), Fault.httpStatus(502).afterCommit(), Fault.truncatedBody(),
                Fault.malformedBody(), Fault.html200().afterCommit());
    }

    @ParameterizedTest
    @MethodSource("lostReplies")
    void aLostReplyIsRedeliveredAndTheOrderIsPlacedAndChargedOnce(Fault lostReply) throws Exception {
        CamelContext app = startApplication();
        BigDecimal before = balance();
        billmgr.state().faults().injectNext(ORDER, 1, lostReply);

        Exchange e = order(app, "1004");

        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals(1, billmgr.state().faults().injected(lostReply.kind()));
        assertEquals(true, e.getMessage().getHeader(BillmgrConstants.RECOVERED), "found by its remote id");
        assertExactlyOneVps("shop-1004", before);
        assertEquals(1, calls(ORDER), "ordered once, then looked up");
    }

    @Test
    void aBusyBillmanagerIsWaitedForAndTheOrderPlacedOnce() throws Exception {
        CamelContext app = startApplication();
        BigDecimal before = balance();
        billmgr.state().faults().injectNext(ORDER, 2, Fault.busy());

        Exchange e = order(app, "1005");

        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals(2, billmgr.state().faults().injected(FaultKind.BUSY));
        assertNull(e.getMessage().getHeader(BillmgrConstants.RECOVERED), "busy: nothing had been ordered");
        assertExactlyOneVps("shop-1005", before);
    }

    @Test
    void anOrderThatStayedUnknownIsReplayedAfterARestartWithoutASecondService() throws Exception {
        CamelContext firstRun = startApplication();
        BigDecimal before = balance();
        // the first lookup passes, the order lands but its reply is lost, and every redelivery's lookup fails
        billmgr.state().faults().injectNext(ORDER, 1, Fault.dropAfterCommit())
                .script("vds", Stream.concat(Stream.of(Fault.none()), Stream.generate(Fault::dropBeforeDispatch)
                        .limit(6)).toList());

        Exchange failed = order(firstRun, "1006");

        BillmgrOutcomeUnknownException unknown
                = assertInstanceOf(BillmgrOutcomeUnknownException.class, failed.getException());
        assertEquals("shop-1006", unknown.getRemoteId());
        assertEquals(5, billmgr.state().faults().injected(FaultKind.DROP_BEFORE_DISPATCH),
                "five redeliveries, each of which could not look the order up");
        assertFalse(Files.readAllLines(ordersFile(), StandardCharsets.UTF_8).contains("1006"),
                "a failed exchange leaves no key behind, so the message can be replayed");
        firstRun.stop();
        billmgr.state().faults().clear();

        Exchange replay = order(startApplication(), "1006"); // e.g. from the dead letter queue, after a restart

        assertNull(replay.getException(), () -> "failed: " + replay.getException());
        assertEquals(true, replay.getMessage().getHeader(BillmgrConstants.RECOVERED));
        assertExactlyOneVps("shop-1006", before);
        assertEquals(1, calls(ORDER), "the replay found the first order instead of placing another");
    }

    // ------------------------------------------------------------------ renewals

    @Test
    void aRenewalWhoseReplyWasLostIsRedeliveredAndChargedOnceAndItsCopyDropped() throws Exception {
        CamelContext app = startApplication();
        long id = activeVps();
        LocalDate expires = expireDate(id);
        BigDecimal before = balance();
        billmgr.state().faults().injectNext(PROLONG, 1, Fault.dropAfterCommit());

        Exchange e = renew(app, "INV-1", id);
        Exchange copy = renew(app, "INV-1", id);

        assertNull(e.getException(), () -> "failed: " + e.getException());
        assertEquals(true, e.getMessage().getHeader(BillmgrConstants.RECOVERED));
        assertEquals(true, copy.getProperty(Exchange.DUPLICATE_MESSAGE));
        assertEquals(expires.plusMonths(1), expireDate(id), "renewed once");
        assertEquals(0, service(id).cost().compareTo(before.subtract(balance())), "charged once");
        assertEquals(1, calls(PROLONG));
    }

    @Test
    void aRenewalThatStayedUnknownKeepsItsKeySoNoCopyRenewsAgainBlindly() throws Exception {
        CamelContext firstRun = startApplication();
        long id = activeVps();
        LocalDate expires = expireDate(id);
        // the expire date is read, the renewal lands but its reply is lost, and every redelivery's read fails
        billmgr.state().faults().injectNext(PROLONG, 1, Fault.dropAfterCommit())
                .script("vds.edit", Stream.concat(Stream.of(Fault.none()), Stream.generate(Fault::dropBeforeDispatch)
                        .limit(6)).toList());

        Exchange e = renew(firstRun, "INV-2", id);

        BillmgrOutcomeUnknownException unknown
                = assertInstanceOf(BillmgrOutcomeUnknownException.class, e.getException());
        assertEquals(List.of(id), unknown.getServiceIds(), "the services to check");
        assertEquals(5, billmgr.state().faults().injected(FaultKind.DROP_BEFORE_DISPATCH), "five redeliveries");
        assertTrue(Files.readAllLines(renewalsFile(), StandardCharsets.UTF_8).contains("INV-2"), "the key stayed");
        firstRun.stop();
        billmgr.state().faults().clear();

        Exchange replay = renew(startApplication(), "INV-2", id); // e.g. from the dead letter queue, after a restart

        assertEquals(true, replay.getProperty(Exchange.DUPLICATE_MESSAGE), "not renewed blindly");
        assertEquals(expires.plusMonths(1), expireDate(id), "renewed once, by the first attempt");
        assertEquals(1, calls(PROLONG));
    }

    @Test
    void aRefusedRenewalFreesItsKeySoTheSameMessageRenewsOnceTheCauseIsFixed() throws Exception {
        CamelContext app = startApplication();
        long id = activeVps();
        LocalDate expires = expireDate(id);
        billmgr.state().setBalance(BillmgrSimulator.CLIENT_USER, BigDecimal.ZERO);

        Exchange refused = renew(app, "INV-3", id);

        assertInstanceOf(BillmgrInsufficientFundsException.class, refused.getException());
        assertFalse(Files.readAllLines(renewalsFile(), StandardCharsets.UTF_8).contains("INV-3"), "NOT_DONE: freed");
        assertEquals(expires, expireDate(id), "nothing was renewed");
        billmgr.state().setBalance(BillmgrSimulator.CLIENT_USER, new BigDecimal("100.00"));

        Exchange replay = renew(app, "INV-3", id);

        assertNull(replay.getException(), () -> "failed: " + replay.getException());
        assertNull(replay.getProperty(Exchange.DUPLICATE_MESSAGE));
        assertEquals(expires.plusMonths(1), expireDate(id), "renewed once");
        assertEquals(0, service(id).cost().compareTo(new BigDecimal("100.00").subtract(balance())), "charged once");
    }

    // ------------------------------------------------------------------ the page

    @Test
    void thePageShowsTheseRoutesVerbatim() throws IOException {
        Path page = AdocTables.moduleDir().resolveSibling("docs").resolve("reliability.md");
        assertTrue(Files.isRegularFile(page), "docs/reliability.md is missing: " + page);
        String text = AdocTables.normalise(Files.readString(page, StandardCharsets.UTF_8));
        Path sources = AdocTables.moduleDir().resolve("src/test/java/io/github/camelbillmgr");
        for (String[] tagged : new String[][] { { "OrderRoutes.java", "order-routes" },
                { "RenewalRoutes.java", "renewal-route" },
                { "docs/OrderRoutesTest.java", "fault-test" } }) {
            String snippet = tagged(sources.resolve(tagged[0]), tagged[1]);
            assertTrue(snippet.lines().count() > 5, "the tagged part of " + tagged[0] + " is missing");
            assertTrue(text.contains(snippet), "docs/reliability.md no longer shows the tagged part of " + tagged[0]
                    + " verbatim: copy it into the page again");
        }
    }

    /** The lines between {@code // tag::name[]} and {@code // end::name[]}, without their common indentation. */
    private static String tagged(Path source, String name) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals("// tag::" + name + "[]")) {
                start = i + 1;
            } else if (l.equals("// end::" + name + "[]")) {
                end = i;
            }
        }
        assertTrue(start > 0 && end >= start, "no tag " + name + " in " + source);
        List<String> part = lines.subList(start, end);
        int indent = part.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : part) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ the application

    /**
     * One run of the application: a new CamelContext with the page's routes on the repository files in the
     * temporary directory.
     */
    private CamelContext startApplication() throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        conf.setBaseUrl(billmgr.baseUrl());
        conf.setUsername(BillmgrSimulator.CLIENT_USER);
        conf.setPassword(BillmgrSimulator.CLIENT_PASSWORD);
        context.addRoutes(new OrderRoutes(FileIdempotentRepository.fileIdempotentRepository(ordersFile().toFile())));
        context.addRoutes(
                new RenewalRoutes(FileIdempotentRepository.fileIdempotentRepository(renewalsFile().toFile())));
        noRedeliveryDelay(context.getRouteDefinition("billmgr-orders"));
        noRedeliveryDelay(context.getRouteDefinition("billmgr-renewals"));
        context.start();
        runs.add(context);
        return context;
    }

    /** The routes as written, but redelivering at once: the delays would only make the test slow. */
    private static void noRedeliveryDelay(RouteDefinition route) {
        List<OnExceptionDefinition> redelivering = route.getOutputs().stream()
                .filter(OnExceptionDefinition.class::isInstance).map(OnExceptionDefinition.class::cast)
                .filter(c -> c.getRedeliveryPolicyType() != null).toList();
        assertEquals(1, redelivering.size(), "the route's redelivering onException clause");
        redelivering.forEach(c -> c.getRedeliveryPolicyType().setRedeliveryDelay("0"));
    }

    private Path ordersFile() {
        return dir.resolve("billmgr-orders.dat");
    }

    private Path renewalsFile() {
        return dir.resolve("billmgr-renewals.dat");
    }

    private static Exchange order(CamelContext app, String orderNumber) {
        return app.createProducerTemplate().send("direct:orders", orderMessage(orderNumber));
    }

    private static org.apache.camel.Processor orderMessage(String orderNumber) {
        return e -> e.getMessage().setHeader("orderNumber", orderNumber);
    }

    private static Exchange renew(CamelContext app, String invoiceNumber, long serviceId) {
        return app.createProducerTemplate().send("direct:renewals", e -> {
            e.getMessage().setHeader("invoiceNumber", invoiceNumber);
            e.getMessage().setHeader("serviceId", serviceId);
        });
    }

    // ------------------------------------------------------------------ BILLmanager's side

    private static void assertExactlyOneVps(String remoteId, BigDecimal balanceBefore) {
        List<SimService> services = billmgr.state().servicesOf("vds");
        assertEquals(1, services.size(), () -> "exactly one VPS: " + services);
        assertEquals(remoteId, services.get(0).remoteId());
        BigDecimal charged = balanceBefore.subtract(balance());
        assertEquals(0, charged.compareTo(services.get(0).cost()), "charged once: " + charged);
    }

    private static long activeVps() {
        return billmgr.state().addService(SimService.builder("vds", BillmgrSimulator.CLIENT_USER).pricelistId(6)).id();
    }

    private static SimService service(long id) {
        return billmgr.state().service(id).orElseThrow();
    }

    private static LocalDate expireDate(long id) {
        return service(id).expireDate();
    }

    private static BigDecimal balance() {
        return billmgr.state().balance(BillmgrSimulator.CLIENT_USER);
    }

    /** Calls of a function that execute (with sok): orders and renewals, not the reads around them. */
    private static long calls(String func) {
        return billmgr.simulator().requests().stream().filter(r -> func.equals(r.func()) && r.param("sok") != null)
                .count();
    }
}

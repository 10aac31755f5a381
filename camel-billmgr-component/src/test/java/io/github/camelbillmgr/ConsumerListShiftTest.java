package io.github.camelbillmgr;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.SimService;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A list that changes between two page requests of one poll. BILLmanager pages by offset, so a service deleted on an
 * earlier page makes the next page skip a row, and a service added before the offset makes it show a row again. A
 * proxy in front of the simulator changes the simulator's state just before it forwards page 2; the polls run on the
 * test's thread (a scheduler bean), so each {@link #poll()} returns what that one poll emitted.
 */
class ConsumerListShiftTest extends BillmgrTestSupport {

    private static final int ACTIVE = 2;
    private static final int SUSPENDED = 3;
    private static final int DELETED = 4;

    private FaultInjectingProxy proxy;
    private final ConsumerTest.ManualScheduler scheduler = new ConsumerTest.ManualScheduler();

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.to(simulator.getBaseUrl());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    /** Starts a route polling the VDS list through the proxy, two services a page, when the test says so. */
    private void route(String options) throws Exception {
        context.getRegistry().bind("manual", scheduler);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("billmgr:vds/list?pageSize=2&scheduler=#manual&baseUrl=" + proxy.baseUrl() + options)
                        .routeId("poll").to("mock:out");
            }
        });
        context.start();
    }

    /** Runs one poll and returns what it emitted, as "change id" (emit=changes) or "id" (emit=all), in order. */
    private List<String> poll() {
        MockEndpoint out = getMockEndpoint("mock:out");
        out.reset();
        scheduler.fire();
        return out.getExchanges().stream().map(ConsumerListShiftTest::event).toList();
    }

    private static String event(Exchange e) {
        Object change = e.getMessage().getHeader(BillmgrConstants.CHANGE);
        Object id = e.getMessage().getHeader(BillmgrConstants.SERVICE_ID);
        return change == null ? String.valueOf(id) : change + " " + id;
    }

    /** A request for page {@code number} of the VDS list. */
    private static Predicate<String> page(int number) {
        Pattern list = Pattern.compile("(^|&)func=vds(&|$)");
        Pattern page = Pattern.compile("(^|&)p_num=" + number + "(&|$)");
        return form -> list.matcher(form).find() && page.matcher(form).find();
    }

    private static long listRequests() {
        return simulator.requests().stream().filter(r -> "vds".equals(r.func())).count();
    }

    private static List<String> created(List<SimService> services) {
        return services.stream().map(s -> "created " + s.id()).toList();
    }

    @Test
    void aServiceDeletedAndOneAddedBetweenPagesIsNeitherFalselyRemovedNorLost() throws Exception {
        List<SimService> s = simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 6);
        route("&emit=changes");
        assertEquals(created(s), poll(), "the first poll: every service, as created");

        // page 1 is [s0, s1]; then s0 is deleted and s6 added: page 2 starts at the 3rd row, now s3, so s2 is skipped.
        // p_elems stays 6, and 6 rows come: nothing in the pages shows it
        AtomicReference<SimService> added = new AtomicReference<>();
        proxy.beforeNext(page(2), 1, () -> {
            simulator.state().setStatus(s.get(0).id(), DELETED);
            added.set(simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 1).get(0));
        });
        simulator.clearRequests();
        List<String> events = poll();
        assertEquals(List.of("created " + added.get().id()), events, "s2, skipped, is not removed");
        assertEquals(1, proxy.actionsRun());
        assertEquals(3 + 1, listRequests(), "three pages, then the second read, which found s2 on its first page");

        assertEquals(List.of("removed " + s.get(0).id()), poll(), "the next poll: the deletion, once");
        assertEquals(List.of(), poll(), "and nothing after that");
    }

    @Test
    void aServiceShownOnTwoPagesIsEmittedOnceWithEmitAll() throws Exception {
        List<SimService> s = simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 6);
        simulator.state().setStatus(s.get(0).id(), SUSPENDED);
        route("&status=active");
        // the active list is [s1..s5], page 1 [s1, s2]; then s0 is resumed (it comes first) and s5 deleted: the list
        // is [s0..s4], page 2 [s2, s3] shows s2 again, page 3 [s4]
        proxy.beforeNext(page(2), 1, () -> {
            simulator.state().setStatus(s.get(0).id(), ACTIVE);
            simulator.state().setStatus(s.get(5).id(), DELETED);
        });
        List<String> first = poll();
        assertEquals(1, proxy.actionsRun());
        assertEquals(ids(s.subList(1, 5)), first, "s2 once");
        assertEquals(4, getMockEndpoint("mock:out").getExchanges().get(0).getProperty(Exchange.BATCH_SIZE));
        assertEquals(ids(s.subList(0, 5)), poll(), "the next poll: the list as it is now");
    }

    @Test
    void aServiceShownOnTwoPagesIsComparedOnceWithEmitChanges() throws Exception {
        List<SimService> s = simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 6);
        simulator.state().setStatus(s.get(0).id(), SUSPENDED);
        route("&status=active&emit=changes");
        assertEquals(created(s.subList(1, 6)), poll());

        proxy.beforeNext(page(2), 1, () -> {
            simulator.state().setStatus(s.get(0).id(), ACTIVE);
            simulator.state().setStatus(s.get(5).id(), DELETED);
        });
        assertEquals(List.of("removed " + s.get(5).id()), poll(),
                "s2, seen twice, is not created again; s5 is really gone; s0 came in before the offset, unseen");
        assertEquals(List.of("created " + s.get(0).id()), poll(), "the next poll: s0, once");
        assertEquals(List.of(), poll());
    }

    @Test
    void whenTheSecondReadShowsTheListMovingTheMissingServicesWaitForTheNextPoll() throws Exception {
        List<SimService> s = simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 6);
        route("&emit=changes");
        assertEquals(created(s), poll());

        // s5 is really deleted; while the second read (the one that checks it) is between pages, s0 is deleted too:
        // p_elems goes from 5 to 4 within that read, which therefore cannot confirm anything
        simulator.state().setStatus(s.get(5).id(), DELETED);
        AtomicInteger page2Requests = new AtomicInteger();
        proxy.beforeNext(page(2).and(form -> page2Requests.incrementAndGet() == 2), 1,
                () -> simulator.state().setStatus(s.get(0).id(), DELETED));
        assertEquals(List.of(), poll(), "s5 keeps its state: nothing removed on an unsettled list");
        assertEquals(1, proxy.actionsRun());

        assertEquals(List.of("removed " + s.get(0).id(), "removed " + s.get(5).id()),
                poll().stream().sorted().toList(), "the next poll: both deletions, once");
        assertEquals(List.of(), poll());
    }

    private static List<String> ids(List<SimService> services) {
        return services.stream().map(x -> String.valueOf(x.id())).toList();
    }
}

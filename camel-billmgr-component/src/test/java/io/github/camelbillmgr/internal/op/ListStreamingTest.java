package io.github.camelbillmgr.internal.op;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrTestSupport;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code outputType=iterator}: a list is read one page at a time, as the route consumes it, so a list of any length
 * never sits in memory. The bound is checked by counting (pages requested, services buffered), not by measuring the
 * heap, which belongs in a benchmark (examples' ListStreamingBenchmark).
 */
class ListStreamingTest extends BillmgrTestSupport {

    private static final int SPLIT_SERVICES = 10_000;
    private static final int PAGE = 2_000;

    private final AtomicReference<ServiceIterator> iterator = new AtomicReference<>();
    private final AtomicInteger maxBuffered = new AtomicInteger();
    private final AtomicLong handled = new AtomicLong();
    private final Set<Long> ids = new HashSet<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all")
                        .to("billmgr:vds/list?outputType=iterator&pageSize=" + PAGE)
                        .process(e -> iterator.set(e.getMessage().getBody(ServiceIterator.class)))
                        .split(body()).streaming()
                            .process(e -> {
                                maxBuffered.accumulateAndGet(iterator.get().buffered(), Math::max);
                                handled.incrementAndGet();
                                ids.add(e.getMessage().getBody(BillmgrService.class).getId());
                            })
                        .end();
            }
        };
    }

    private long listRequests() {
        return simulator.requests().stream().filter(r -> "vds".equals(r.func())).count();
    }

    @Test
    void aHundredThousandServicesAreReadWithOnePageInMemory() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 100_000);
        simulator.clearRequests();
        long start = System.nanoTime();
        Exchange e = send("billmgr:vds/list?outputType=iterator&pageSize=" + PAGE, null);
        assertNull(e.getException());
        ServiceIterator services = e.getMessage().getBody(ServiceIterator.class);
        long count = 0;
        long previousId = 0;
        int most = 0;
        while (services.hasNext()) {
            most = Math.max(most, services.buffered());
            long id = services.next().getId();
            assertTrue(id > previousId, "in list order, each service once");
            previousId = id;
            count++;
        }
        System.out.printf("outputType=iterator: %,d services read in %d ms%n", count,
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(100_000, count);
        assertEquals(100_000 / PAGE, listRequests(), "one request per page, none after the last");
        assertEquals(PAGE, most, "never more than one page held");
    }

    @Test
    void splitStreamingHandlesEachServiceAsItsPageArrives() {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, SPLIT_SERVICES);
        simulator.clearRequests();
        template.sendBody("direct:all", null);
        assertEquals(SPLIT_SERVICES, handled.get());
        assertEquals(SPLIT_SERVICES, ids.size(), "each service once");
        assertEquals(SPLIT_SERVICES / PAGE, listRequests());
        assertTrue(maxBuffered.get() <= PAGE, "at most one page buffered, was " + maxBuffered.get());
    }

    @Test
    void pagesAreRequestedOnlyAsTheServicesAreConsumed() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 2_500);
        simulator.clearRequests();
        Exchange e = send("billmgr:vds/list?outputType=iterator&pageSize=1000", null);
        assertNull(e.getException());
        assertEquals(2_500L, e.getMessage().getHeader(BillmgrConstants.TOTAL_COUNT));
        ServiceIterator services = e.getMessage().getBody(ServiceIterator.class);
        assertEquals(1, listRequests(), "the producer reads the first page only");
        assertEquals(1000, services.buffered());

        for (int consumed = 1; consumed <= 1_500; consumed++) {
            services.next();
            long expectedPages = (consumed + 999) / 1000;
            assertEquals(expectedPages, listRequests(), "after " + consumed + " services");
            assertTrue(services.buffered() <= 1000);
        }
        services.close();
        assertFalse(services.hasNext(), "closed: no more pages");
        assertEquals(2, listRequests());
    }

    @Test
    void aPageThatFailsSurfacesAsTheBillmgrExceptionFromTheIterator() throws Exception {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 30);
        Exchange e = send("billmgr:vds/list?outputType=iterator&pageSize=10", null);
        @SuppressWarnings("unchecked")
        Iterator<BillmgrService> services = e.getMessage().getBody(Iterator.class);
        for (int i = 0; i < 10; i++) {
            services.next();
        }
        // the next page is refused: the client's password changed while the route was iterating
        simulator.state().setPassword(BillmgrSimulator.CLIENT_USER, "changed-Pa55");
        RuntimeCamelException failure = assertThrows(RuntimeCamelException.class, services::hasNext);
        assertInstanceOf(BillmgrApiException.class, failure.getCause());
        assertThrows(RuntimeCamelException.class, services::hasNext, "and it stays failed");
    }

    @Test
    void aFirstPageThatFailsFailsTheProducer() {
        context.addComponent("billmgr-wrong", component(BillmgrSimulator.CLIENT_USER, "wrong-pw"));
        Exchange e = send("billmgr-wrong:vds/list?outputType=iterator", null);
        assertInstanceOf(BillmgrApiException.class, e.getException());
    }
}

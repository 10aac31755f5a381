package io.github.camelbillmgr.reliability;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.camelbillmgr.BillmgrAuthMode;
import io.github.camelbillmgr.BillmgrBusyException;
import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.fault.Fault;
import io.github.camelbillmgr.simulator.fault.SimFaults;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import io.github.camelbillmgr.simulator.model.SimService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The exactly-once batch of issue 4: a batch of VPS order lines, split in parallel, each ordered with its own
 * business key as remote id, against a simulator that answers a share of all requests with a fault, and redelivered
 * as docs/error-handling.md recommends. Returns what the simulator holds afterwards ({@link BatchFigures}); the test
 * asserts on it and the benchmark prints it.
 * <p>
 * The simulator's state is changed: the client's balance is set, faults are added and cleared. Run it against a
 * simulator of its own (or one that is reset afterwards).
 */
public final class ExactlyOnceBatch {

    /** The order's func: where the session expiries are aimed. */
    static final String ORDER_FUNC = "v2.vds.order.param";
    static final String KEY_PREFIX = "batch-";
    private static final int KEY_DIGITS = 7;
    static final String ORDER_URI
            = "billmgr:vds/order?pricelist=6&period=1&remoteIdExpression=" + KEY_PREFIX + "${body}";

    private ExactlyOnceBatch() {
    }

    /**
     * Every kind of fault of issue 4 that applies to an order, its lookup or a login, but the late reply, chosen
     * evenly for a request that is hit. Half the HTTP errors and HTML pages come after the order was placed, as from a
     * proxy that gave up on a BILLmanager that went on. Session expiry is not among them: it is aimed at the orders
     * at fixed points instead (see {@link #expireSessionsAtIntervals}).
     */
    static List<Fault> faultMix() {
        return List.of(
                Fault.delay(Duration.ofMillis(50)),                              // latency: late, still answered
                Fault.httpStatus(500), Fault.httpStatus(500).afterCommit(),
                Fault.httpStatus(502), Fault.httpStatus(502).afterCommit(),
                Fault.httpStatus(503), Fault.httpStatus(503).afterCommit(),
                Fault.html200(), Fault.html200().afterCommit(),
                Fault.truncatedBody(), Fault.malformedBody(),
                Fault.dropBeforeDispatch(), Fault.dropAfterCommit(),
                Fault.busy());
    }

    /** The request is run at once and its reply held back past the response timeout: a timeout after the commit. */
    static Fault lateReply(BatchPlan plan) {
        return Fault.delayAfterCommit(plan.responseTimeout().plusMillis(250));
    }

    public static BatchFigures run(BillmgrSimulator sim, BatchPlan plan) throws Exception {
        String user = BillmgrSimulator.CLIENT_USER;
        // enough for every line at 5.00 EUR a month and then some: a refusal for money would hide nothing here
        sim.state().setBalance(user, new BigDecimal(plan.lines()).multiply(new BigDecimal("100.00")));
        BigDecimal balanceBefore = sim.state().balance(user);
        Set<Long> servicesBefore = new HashSet<>();
        sim.state().services().forEach(s -> servicesBefore.add(s.id()));
        int requestsBefore = sim.requests().size();

        SimFaults faults = sim.state().faults();
        faults.clear();
        // the first rule takes its share of the calls, the second draws from the rest: together faultRate
        faults.randomly("*", plan.lateReplyRate(), plan.seed() + 1, lateReply(plan));
        faults.randomly("*", (plan.faultRate() - plan.lateReplyRate()) / (1 - plan.lateReplyRate()), plan.seed(),
                faultMix().toArray(Fault[]::new));
        LineOutcomes outcomes = new LineOutcomes();
        RedeliveryCounter redeliveries = new RedeliveryCounter();
        Duration elapsed;
        Map<String, Long> injected;
        try (CamelContext camel = new DefaultCamelContext()) {
            configure(camel.getComponent("billmgr", BillmgrComponent.class).getConfiguration(), sim, plan);
            camel.getManagementStrategy().addEventNotifier(redeliveries);
            ExecutorService pool = camel.getExecutorServiceManager().newThreadPool(ExactlyOnceBatch.class, "batch",
                    plan.threads(), plan.threads());
            camel.addRoutes(routes(plan, pool, outcomes, faults));
            camel.start();
            long started = System.nanoTime();
            camel.createProducerTemplate().sendBody("direct:batch", keys(plan.lines()));
            elapsed = Duration.ofNanos(System.nanoTime() - started);
        } finally {
            injected = faults.injectedFaults();
            faults.clear();
        }

        List<SimService> created = new ArrayList<>();
        for (SimService s : sim.state().servicesOf("vds")) {
            if (user.equals(s.owner()) && !servicesBefore.contains(s.id())) {
                created.add(s);
            }
        }
        Map<String, Long> requests = new TreeMap<>();
        List<RecordedRequest> log = sim.requests();
        for (RecordedRequest r : log.subList(requestsBefore, log.size())) {
            requests.merge(String.valueOf(r.func()), 1L, Long::sum);
        }
        return new BatchFigures(plan, outcomes.lines(), outcomes.failed(), outcomes.failures(), outcomes.recovered(),
                outcomes.redeliveredLines(), redeliveries.total(), redeliveries.byCause(), outcomes.maxRedeliveries(),
                redeliveries.timeouts(), requests, injected, created, Map.copyOf(outcomes.serviceIds()), balanceBefore,
                sim.state().balance(user), elapsed);
    }

    /** The component as a user would set it up for this batch: a session shared by the threads, short timeouts. */
    private static void configure(BillmgrConfiguration conf, BillmgrSimulator sim, BatchPlan plan) {
        conf.setBaseUrl(sim.getBaseUrl());
        conf.setUsername(BillmgrSimulator.CLIENT_USER);
        conf.setPassword(BillmgrSimulator.CLIENT_PASSWORD);
        conf.setAuthMode(BillmgrAuthMode.session);
        conf.setResponseTimeout(plan.responseTimeout().toMillis());
    }

    /**
     * The route of docs/error-handling.md's exactly-once recipe, split in parallel: lost replies and failed logins
     * ({@code BillmgrTransportException}, whose subclass {@code BillmgrOutcomeUnknownException} is checked by its
     * remote id first) and busy answers are redelivered. The recipe's delays are seconds, to let an order that
     * BILLmanager is still running land before the lookup; the simulator never runs an order after the client gave
     * up on it (a delayed reply is committed first), so 10,000 lines need not wait for that.
     */
    private static RouteBuilder routes(BatchPlan plan, ExecutorService pool, LineOutcomes outcomes,
                                       SimFaults faults) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch")
                        .onException(BillmgrTransportException.class)
                            .maximumRedeliveries(plan.maxRedeliveries())
                            .redeliveryDelay(plan.redeliveryDelay().toMillis())
                        .end()
                        .onException(BillmgrBusyException.class)
                            .maximumRedeliveries(plan.maxRedeliveries())
                            .redeliveryDelay(plan.redeliveryDelay().toMillis())
                        .end()
                        .split(body(), outcomes).streaming().parallelProcessing().executorService(pool)
                            .process(expireSessionsAtIntervals(plan, faults))
                            .to(ORDER_URI)
                        .end();
            }
        };
    }

    /**
     * Aims a session expiry at the next order every {@code lines / (sessionExpiries + 1)} lines: every exchange in
     * flight then finds the session refused, one of them logs in again and the others use its session. Aimed at
     * points far apart, and not at random, since the component gives a request one fresh login: a second expiry
     * within the same round trip would (rightly) read as missing rights.
     */
    private static Processor expireSessionsAtIntervals(BatchPlan plan, SimFaults faults) {
        int every = plan.lines() / (plan.sessionExpiries() + 1);
        AtomicInteger armed = new AtomicInteger();
        return exchange -> {
            int line = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) + 1;
            if (line % every == 0 && armed.incrementAndGet() <= plan.sessionExpiries()) {
                faults.injectNext(ORDER_FUNC, 1, Fault.sessionExpired());
            }
        };
    }

    /** The lines' business keys, made as the split asks for them: {@code 0000001}, {@code 0000002}, ... */
    static Iterator<String> keys(int lines) {
        return IntStream.rangeClosed(1, lines).mapToObj(ExactlyOnceBatch::key).iterator();
    }

    /**
     * Fixed width, so that no key is a substring of another: BILLmanager's list filter matches substrings, and a
     * lookup of {@code 1} would list every line with a 1 in it.
     */
    static String key(int line) {
        String digits = Integer.toString(line);
        return "0".repeat(Math.max(0, KEY_DIGITS - digits.length())) + digits;
    }
}

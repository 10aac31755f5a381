package io.github.camelbillmgr.corpus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.CannedReplyServer;
import io.github.camelbillmgr.CannedReplyServer.Reply;
import io.github.camelbillmgr.corpus.CorpusCase.Kind;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The bad-input corpus (issue 4): every case ends, within a deadline, in a specific exception whose message names the
 * problem; client-side cases send nothing; and after the whole corpus no thread it started is alive and no HTTP
 * connection is leased. The cases come from {@link EndpointUriCases}, {@link ExchangeInputCases} and
 * {@link ServerReplyCases}; the counts are printed at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

    /** Far above what any case takes (the 20 MB bodies take a fraction of a second): only a hang reaches it. */
    private static final Duration CASE_DEADLINE = Duration.ofSeconds(15);
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private BillmgrSimulator simulator;
    private CannedReplyServer server;
    /** The billmgr component whose baseUrl is the canned server. */
    private static final String CANNED = "billmgr-canned";
    private CamelContext context;
    private ProducerTemplate template;
    private Map<String, String> realReplies;
    private LeakCheck leaks;

    /** What the canned server answers to the current case's requests, in order; the last one repeats. */
    private final AtomicReference<List<Reply>> script = new AtomicReference<>(List.of());
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger users = new AtomicInteger();
    private final Map<String, AtomicInteger> ran = new TreeMap<>();

    @BeforeAll
    void start() {
        simulator = new BillmgrSimulator().start();
        realReplies = RealReplies.capture(simulator);
        server = CannedReplyServer.start().handle("/billmgr", exchange -> {
            List<Reply> replies = script.get();
            int n = served.getAndIncrement();
            CannedReplyServer.send(exchange, replies.get(Math.min(n, replies.size() - 1)));
        });
        context = new DefaultCamelContext();
        BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        conf.setBaseUrl(simulator.getBaseUrl());
        conf.setUsername(BillmgrSimulator.CLIENT_USER);
        conf.setPassword(BillmgrSimulator.CLIENT_PASSWORD);
        BillmgrComponent canned = new BillmgrComponent();
        canned.getConfiguration().setBaseUrl(server.url("/billmgr"));
        canned.getConfiguration().setUsername("corpus");
        canned.getConfiguration().setPassword(ServerReplyCases.PASSWORD);
        // The huge-body cases test what the readers make of 20 MB bodies, so they must reach the readers; the reply
        // size limit has cases of its own, which set maxReplySize on their URIs.
        canned.getConfiguration().setMaxReplySize(ServerReplyCases.CANNED_MAX_REPLY_SIZE);
        context.addComponent(CANNED, canned);
        context.start();
        template = context.createProducerTemplate();
        // one good call to each server first, so that the pools and clients they need are part of the baseline
        script.set(List.of(Reply.json("{\"doc\":{\"user\":{\"$\":\"ok\"}}}")));
        assertNotNull(template.requestBody("billmgr:func/whoami", (Object) null));
        assertNotNull(template.requestBody(replyUri("billmgr:func/whoami"), (Object) null));
        simulator.clearRequests();
        leaks = LeakCheck.baseline();
    }

    @TestFactory
    Stream<DynamicTest> endpointUris() {
        return EndpointUriCases.all().map(c -> DynamicTest.dynamicTest(c.toString(), () -> run(c)));
    }

    @TestFactory
    Stream<DynamicTest> exchangeInput() {
        return ExchangeInputCases.all().map(c -> DynamicTest.dynamicTest(c.toString(), () -> run(c)));
    }

    @TestFactory
    Stream<DynamicTest> serverReplies() {
        return ServerReplyCases.all(realReplies).stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> run(c)));
    }

    private void run(CorpusCase c) {
        ran.computeIfAbsent((c.kind() == Kind.REPLY ? "server replies / " : "client side / ") + c.group(),
                k -> new AtomicInteger()).incrementAndGet();
        Throwable failure = assertTimeoutPreemptively(CASE_DEADLINE, () -> failureOf(c),
                () -> c + ": no outcome within " + CASE_DEADLINE.toSeconds() + " s");
        if (c.exact()) {
            assertEquals(c.expected(), failure.getClass(), () -> c + ": wrong exception " + failure);
        } else {
            assertTrue(c.expected().isInstance(failure), () -> c + ": wrong exception " + failure);
        }
        String explanation = explanation(failure);
        for (String mention : c.mentions()) {
            assertTrue(explanation.contains(mention), () -> c + ": the message does not say '" + mention + "': "
                    + explanation);
        }
        for (String secret : List.of(ServerReplyCases.PASSWORD, EndpointUriCases.URI_PASSWORD,
                BillmgrSimulator.CLIENT_PASSWORD)) {
            assertFalse(explanation.contains(secret), () -> c + ": a password in the message: " + explanation);
            if (failure instanceof BillmgrTransportException t && t.getResponseBody() != null) {
                assertFalse(t.getResponseBody().contains(secret), () -> c + ": a password in the kept body");
            }
        }
        if (c.kind() == Kind.REPLY) {
            assertEquals(c.requests(), served.get(), () -> c + ": requests the server saw");
            assertEquals(0, LeakCheck.connectionsInUse(context, SETTLE), () -> c + ": connections still leased");
        } else {
            assertEquals(List.of(), simulator.requests(), () -> c + ": sent before the input was checked");
        }
    }

    /** Runs the case and returns the exception it ended in; fails when it ended without one. */
    private Throwable failureOf(CorpusCase c) throws Exception {
        switch (c.kind()) {
            case ENDPOINT :
                return assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(c.uri()),
                        () -> c + ": the endpoint was created");
            case CONSUMER :
                Endpoint endpoint = context.getEndpoint(c.uri());
                return assertThrows(Exception.class, () -> endpoint.createConsumer(e -> {
                }), () -> c + ": the consumer was created");
            case EXCHANGE :
                simulator.clearRequests();
                return exceptionOf(c, c.uri());
            default :
                script.set(c.replies().get());
                served.set(0);
                return exceptionOf(c, replyUri(c.uri()));
        }
    }

    private Throwable exceptionOf(CorpusCase c, String uri) {
        Exchange exchange = template.send(uri, e -> {
            e.getMessage().setHeaders(new HashMap<>(c.headers()));
            e.getMessage().setBody(c.body());
        });
        if (exchange.getException() == null) {
            fail(c + ": the exchange succeeded with body " + exchange.getMessage().getBody());
        }
        return exchange.getException();
    }

    /**
     * The endpoint URI against the canned server: the {@value #CANNED} component (its password is a component option,
     * never in a URI), with a user of its own so no session or back-off is shared.
     */
    private String replyUri(String uri) {
        return CANNED + uri.substring("billmgr".length()) + (uri.contains("?") ? "&" : "?") + "username=corpus-"
                + users.incrementAndGet();
    }

    /**
     * The messages of the exception and its causes. Camel's ResolveEndpointFailedException repeats the URI as written,
     * which holds the option and the value anyway: only what follows its "due to:" explains anything.
     */
    static String explanation(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof ResolveEndpointFailedException) {
                int due = m.lastIndexOf(" due to: ");
                m = due < 0 ? "" : m.substring(due + " due to: ".length());
            }
            parts.add(m);
        }
        return String.join(" | ", parts);
    }

    @AfterAll
    void finish() {
        try {
            int connections = LeakCheck.connectionsInUse(context, SETTLE);
            List<String> threads = leaks.threadsLeftBehind(SETTLE);
            int client = ran.entrySet().stream().filter(e -> e.getKey().startsWith("client"))
                    .mapToInt(e -> e.getValue().get()).sum();
            int replies = ran.values().stream().mapToInt(AtomicInteger::get).sum() - client;
            System.out.printf("bad-input corpus: %d cases, client side %d, server replies %d%n", client + replies,
                    client, replies);
            ran.forEach((group, n) -> System.out.printf("  %-40s %4d%n", group, n.get()));
            System.out.printf("  after the corpus: %d HTTP pool(s), %d connection(s) leased; %d thread(s) at the start "
                    + "(%d non-daemon), %d left behind%n",
                    LeakCheck.pools(context).size(), connections, leaks.baselineThreads(),
                    leaks.baselineNonDaemonThreads(), threads.size());
            assertEquals(0, connections, "connections still leased after the corpus");
            assertEquals(List.of(), threads, "threads the corpus started are still alive");
        } finally {
            context.stop();
            server.close();
            simulator.stop();
        }
    }
}

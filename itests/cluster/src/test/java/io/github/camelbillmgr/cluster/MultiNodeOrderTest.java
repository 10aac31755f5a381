package io.github.camelbillmgr.cluster;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelbillmgr.BillmgrAuthMode;
import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.examples.cluster.ClusterOrderRoutes;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.BillmgrSimulatorExtension;
import io.github.camelbillmgr.simulator.fault.Fault;
import io.github.camelbillmgr.simulator.model.SimService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly-once orders across three nodes sharing camel-sql's JdbcMessageIdRepository on PostgreSQL
 * ({@link ClusterOrderRoutes}: docs/reliability.md's recipe plus the duplicate-key race). Each node is a CamelContext
 * with its own billmgr component, camel-http component (so its own connection pool and session) and its own
 * repository instance and connection pool; they share the database and BILLmanager, as nodes on three machines do.
 * In one JVM because the order messages are handed to the nodes by the test, which needs them in reach; the failover
 * test kills separate JVMs.
 */
class MultiNodeOrderTest {

    private static final int ORDERS = 3000;
    /**
     * The recipe's order, but for {@code lookupBeforeOrder=always}: that is for a replay in a new exchange (a dead
     * letter, a restart), which this test does not make, and it costs a filtered list call per order.
     */
    private static final String ORDER_URI
            = "billmgr:vds/order?pricelist=6&period=1&remoteIdExpression=shop-${header.orderNumber}";

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension();

    private HikariDataSource db;
    private CamelContext node1;
    private CamelContext node2;
    private CamelContext node3;
    private final Map<CamelContext, ClusterOrderRoutes> routes = new HashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(24);

    @BeforeEach
    void start() throws Exception {
        DataSource database = SharedPostgres.newDatabase();
        // docs/reliability.md's table, with the primary key that makes two nodes' inserts of one key collide
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255), messageId VARCHAR(100), "
                    + "createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
        }
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(database);
        pool.setMaximumPoolSize(30);
        db = new HikariDataSource(pool);
        billmgr.state().setBalance(BillmgrSimulator.CLIENT_USER, new BigDecimal("1000000.00"));
        node1 = node();
        node2 = node();
        node3 = node();
    }

    @AfterEach
    void stop() {
        senders.shutdownNow();
        for (CamelContext c : List.of(node1, node2, node3)) {
            c.stop();
        }
        db.close();
    }

    private CamelContext node() throws Exception {
        CamelContext context = new DefaultCamelContext();
        BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        conf.setBaseUrl(billmgr.baseUrl());
        conf.setUsername(BillmgrSimulator.CLIENT_USER);
        conf.setPassword(BillmgrSimulator.CLIENT_PASSWORD);
        conf.setAuthMode(BillmgrAuthMode.session);
        conf.setResponseTimeout(5000);
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(db, "billmgr-orders");
        ClusterOrderRoutes orderRoutes = new ClusterOrderRoutes(repository, ORDER_URI, 20);
        context.addRoutes(orderRoutes);
        context.start();
        routes.put(context, orderRoutes);
        return context;
    }

    @Test
    void threeThousandOrdersOverThreeNodesWithFaultsGiveEachRemoteIdOneService() throws Exception {
        billmgr.state().faults().randomly("*", 0.1, 42L, Fault.httpStatus(502).afterCommit(), Fault.dropAfterCommit(),
                Fault.dropBeforeDispatch(), Fault.truncatedBody(), Fault.httpStatus(500), Fault.busy());
        List<CamelContext> nodes = List.of(node1, node2, node3);
        List<ProducerTemplate> templates = nodes.stream().map(CamelContext::createProducerTemplate).toList();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong recovered = new AtomicLong();
        List<Future<?>> sent = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < ORDERS; i++) {
            String key = String.format("%05d", i);
            // every order to one node; every tenth also to the next node at the same moment, as a broker that
            // delivers a message twice, or an upstream system that sends it twice, would
            int copies = i % 10 == 0 ? 2 : 1;
            for (int copy = 0; copy < copies; copy++) {
                ProducerTemplate t = templates.get((i + copy) % 3);
                sent.add(senders.submit(() -> {
                    Exchange done = t.request("direct:orders", e -> e.getMessage().setHeader("orderNumber", key));
                    if (done.getException() != null) {
                        failures.add(key + ": " + done.getException());
                    } else if (done.getProperty(Exchange.DUPLICATE_MESSAGE, false, Boolean.class)) {
                        duplicates.incrementAndGet();
                    } else if (done.getMessage().getHeader(BillmgrConstants.RECOVERED, false, Boolean.class)) {
                        recovered.incrementAndGet();
                    }
                }));
            }
        }
        for (Future<?> f : sent) {
            f.get(10, TimeUnit.MINUTES);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long faults = billmgr.state().faults().injectedTotal();
        billmgr.state().faults().clear();

        assertEquals(List.of(), List.copyOf(failures), "orders that failed");
        Map<String, Long> servicesPerRemoteId = new HashMap<>();
        for (SimService s : billmgr.state().servicesOf("vds")) {
            servicesPerRemoteId.merge(s.remoteId(), 1L, Long::sum);
        }
        assertEquals(ORDERS, servicesPerRemoteId.size(), "remote ids with a service");
        servicesPerRemoteId.forEach((id, n) -> assertEquals(1L, n, "services with remote id " + id));
        BigDecimal charged
                = new BigDecimal("1000000.00").subtract(billmgr.state().balance(BillmgrSimulator.CLIENT_USER));
        assertEquals(0, charged.compareTo(new BigDecimal("5.00").multiply(new BigDecimal(ORDERS))),
                "charged " + charged);
        assertEquals(ORDERS / 10, duplicates.get(), "copies stopped as duplicates");
        assertEquals(ORDERS, keysInRepository());
        long races = routes.values().stream().mapToLong(ClusterOrderRoutes::racesLost).sum();
        System.out.printf("MultiNodeOrderTest: %d orders + %d copies over 3 nodes in %d ms, %d faults injected, "
                + "%d recovered by remote id, %d copies stopped (%d of them by losing the insert race), "
                + "%d services, charged %s%n", ORDERS, ORDERS / 10, millis, faults, recovered.get(),
                duplicates.get(), races, servicesPerRemoteId.size(), charged);
    }

    @Test
    void aCopyThatLosesTheInsertRaceNeitherFailsNorOrders() throws Exception {
        // another node's add() of key 77777 is half-way: its insert is not committed yet
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("INSERT INTO CAMEL_MESSAGEPROCESSED VALUES ('billmgr-orders', '77777', now())");
            }
            // this node does not see the key, inserts it too, and waits on the other's row lock
            CompletableFuture<Exchange> copy = CompletableFuture.supplyAsync(() -> node1.createProducerTemplate()
                    .request("direct:orders", e -> e.getMessage().setHeader("orderNumber", "77777")), senders);
            awaitInsertWaitingForLock();
            other.commit(); // the other node won: this node's insert hits the primary key

            Exchange done = copy.get(60, TimeUnit.SECONDS);
            assertNull(done.getException(), "the losing copy must not fail");
            assertTrue(done.getProperty(Exchange.DUPLICATE_MESSAGE, false, Boolean.class),
                    "the losing copy is a duplicate");
            assertEquals(1, routes.get(node1).racesLost());
        }
        assertEquals(0, billmgr.state().servicesOf("vds").size(), "the losing copy must not order");
    }

    private void awaitInsertWaitingForLock() throws Exception {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                    ResultSet rs
                            = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                    + "AND query ILIKE 'INSERT INTO CAMEL_MESSAGEPROCESSED%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the node's insert never waited for the other node's");
    }

    private long keysInRepository() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package io.github.camelbillmgr.cluster;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sql.DataSource;

import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrEndpoint;
import io.github.camelbillmgr.JdbcBillmgrStateRepository;
import io.github.camelbillmgr.examples.cluster.ChangeTraffic;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.BillmgrSimulatorExtension;
import io.github.camelbillmgr.simulator.model.SimService;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes that both poll the same list at the same time, as two leaders do for a moment during a failover (or
 * always, without camel-master): with the JDBC state repository they take turns, so no change is emitted twice and
 * no service is announced as created twice. Each node is a CamelContext with its own billmgr component (and
 * connection pool) and its own repository instance, sharing only the database.
 */
class ConsumerOverlapTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension();

    private CamelContext node1;
    private CamelContext node2;
    private final List<String[]> events = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        for (CamelContext c : new CamelContext[] { node1, node2 }) {
            if (c != null) {
                c.stop();
            }
        }
    }

    private CamelContext node(String name, DataSource db) throws Exception {
        CamelContext context = new DefaultCamelContext();
        BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        conf.setBaseUrl(billmgr.baseUrl());
        conf.setUsername(BillmgrSimulator.CLIENT_USER);
        conf.setPassword(BillmgrSimulator.CLIENT_PASSWORD);
        context.getRegistry().bind("state", new JdbcBillmgrStateRepository(db));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("billmgr:vds/list?emit=changes&delay=20&stateRepository=#state").routeId("changes")
                        .process(e -> {
                            BillmgrService s = e.getMessage().getBody(BillmgrService.class);
                            events.add(new String[] { name, String.valueOf(s.getId()), String.valueOf(s.getExpireDate()),
                                    e.getMessage().getHeader(BillmgrConstants.CHANGE, String.class) });
                        });
            }
        });
        context.start();
        return context;
    }

    @Test
    void twoNodesPollingAtOnceEmitEachChangeOnce() throws Exception {
        DataSource db = SharedPostgres.newDatabase();
        ChangeTraffic traffic = new ChangeTraffic(billmgr.simulator());
        traffic.create(40);
        node1 = node("node-1", db);
        node2 = node("node-2", db);
        for (int round = 0; round < 6; round++) {
            awaitFinalStates();
            traffic.renewAll();
            traffic.create(3);
        }
        awaitFinalStates();
        Thread.sleep(300); // a few more polls of both nodes: anything emitted now would be a duplicate

        Map<String, String[]> firstOf = new HashMap<>();
        Map<String, Integer> created = new HashMap<>();
        Set<String> emitters = new java.util.TreeSet<>();
        synchronized (events) {
            for (String[] e : events) {
                emitters.add(e[0]);
                String[] earlier = firstOf.putIfAbsent(e[1] + "@" + e[2], e);
                assertTrue(earlier == null, "service " + e[1] + " at " + e[2] + " emitted by " + e[0] + " after "
                        + (earlier == null ? "" : earlier[0]));
                if (e[3].contains("created")) {
                    created.merge(e[1], 1, Integer::sum);
                }
            }
        }
        assertEquals(58, created.size());
        created.forEach((id, n) -> assertEquals(1, n, "service " + id + " announced as created " + n + " times"));
        System.out.printf("ConsumerOverlapTest: 2 nodes polling together, %d events, emitted by %s%n", events.size(),
                emitters);
    }

    @Test
    void theRepositoryIsInJmxWithItsSizePerKeyAndCanClearAKey() throws Exception {
        DataSource db = SharedPostgres.newDatabase();
        new ChangeTraffic(billmgr.simulator()).create(5);
        node1 = node("node-1", db);
        awaitFinalStates();
        String key = node1.getEndpoint("billmgr:vds/list?emit=changes&delay=20&stateRepository=#state",
                BillmgrEndpoint.class).getStateKey();

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:context=" + node1.getName()
                + ",type=services,name=JdbcBillmgrStateRepository*"), null);
        assertEquals(1, names.size(), "MBeans: " + names);
        ObjectName name = names.iterator().next();
        assertEquals(5, jmx.invoke(name, "size", new Object[] { key }, new String[] { String.class.getName() }));
        assertEquals(Map.of(key, 5), jmx.getAttribute(name, "Sizes"));
        // the consumer's own view (JMX, dev console) reads the size without taking the key's lock, which a poll holds
        // from load to flush: read here, from a thread that never flushes, it must not stop the polls
        Set<ObjectName> consumers = jmx.queryNames(new ObjectName("org.apache.camel:context=" + node1.getName()
                + ",type=consumers,*"), null);
        assertEquals(1, consumers.size(), "consumers: " + consumers);
        assertEquals(5, jmx.getAttribute(consumers.iterator().next(), "RecordedServices"));

        // cleared while the route polls: the clear waits for a poll in progress (the key's lock), so no update of
        // that poll comes after it
        int before = events.size();
        jmx.invoke(name, "clearKey", new Object[] { key }, new String[] { String.class.getName() });
        long end = System.currentTimeMillis() + 120_000;
        while (createdSince(before) < 5 && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        Thread.sleep(300); // more polls: nothing more may be announced
        assertEquals(5, createdSince(before), "a cleared key announces its services again, once");
        assertEquals(5, jmx.invoke(name, "size", new Object[] { key }, new String[] { String.class.getName() }));
    }

    private long createdSince(int index) {
        synchronized (events) {
            return events.subList(index, events.size()).stream().filter(e -> e[3].contains("created")).count();
        }
    }

    /** Waits until each service's current expire date was emitted. */
    private void awaitFinalStates() throws InterruptedException {
        long end = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < end) {
            Set<String> emitted = new java.util.HashSet<>();
            synchronized (events) {
                events.forEach(e -> emitted.add(e[1] + "@" + e[2]));
            }
            boolean all = true;
            for (SimService s : billmgr.state().servicesOf("vds")) {
                all &= emitted.contains(s.id() + "@" + s.expireDate());
            }
            if (all) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not every service's last state was emitted within 120 s");
    }
}

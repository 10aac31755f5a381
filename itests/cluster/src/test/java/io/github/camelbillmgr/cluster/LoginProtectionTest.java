package io.github.camelbillmgr.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.JdbcBillmgrLoginGuard;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.BillmgrSimulatorExtension;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import io.github.camelbillmgr.simulator.settings.SimSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three nodes with a password BILLmanager refuses, each calling it in a loop: with a JdbcBillmgrLoginGuard shared
 * through PostgreSQL they pause together, and BILLmanager (the simulator, blocking a user after 8 failed logins in a
 * minute) sees one login per round from the whole cluster (all three only in the first round, before the first
 * refusal is recorded), and never blocks the user. Each node alone would try at the end of each of its own pauses
 * (at 0, 1, 3 and 7 s), the three nodes together.
 */
class LoginProtectionTest {

    private static final int THRESHOLD = 8;
    private static final String WRONG_PASSWORD = "not-the-password";

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(new SimSettings()
            .setLoginFailureThreshold(THRESHOLD).setLoginFailureWindow(Duration.ofMinutes(1))
            .setLoginBlockDuration(Duration.ofMinutes(5)).setRealTimeClock(true));

    private CamelContext node1;
    private CamelContext node2;
    private CamelContext node3;
    private CamelContext rightPassword;
    private final ExecutorService loops = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        loops.shutdownNow();
        for (CamelContext c : new CamelContext[] { node1, node2, node3, rightPassword }) {
            if (c != null) {
                c.stop();
            }
        }
    }

    private static CamelContext node(String password, DataSource db) {
        CamelContext context = new DefaultCamelContext();
        if (db != null) {
            context.getRegistry().bind("loginGuard", new JdbcBillmgrLoginGuard(db));
        }
        BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        conf.setBaseUrl(billmgr.baseUrl());
        conf.setUsername(BillmgrSimulator.CLIENT_USER);
        conf.setPassword(password);
        context.start();
        return context;
    }

    @Test
    void threeNodesWithAWrongPasswordShareOnePauseAndDoNotGetTheUserBlocked() throws Exception {
        DataSource db = SharedPostgres.newDatabase();
        node1 = node(WRONG_PASSWORD, db);
        node2 = node(WRONG_PASSWORD, db);
        node3 = node(WRONG_PASSWORD, db);
        List<ProducerTemplate> templates = new ArrayList<>();
        for (CamelContext node : List.of(node1, node2, node3)) {
            node.getEndpoint("billmgr:func/whoami").createProducer().start(); // HTTP client ready: the nodes start together
            templates.add(node.createProducerTemplate());
        }
        int before = billmgr.simulator().requests().size();
        long end = System.currentTimeMillis() + 9_000;
        List<Future<Integer>> calls = new ArrayList<>();
        for (ProducerTemplate template : templates) {
            calls.add(loops.submit(() -> {
                int n = 0;
                while (System.currentTimeMillis() < end) {
                    template.request("billmgr:func/whoami", e -> {
                    });
                    n++;
                    Thread.sleep(20);
                }
                return n;
            }));
        }
        int exchanges = 0;
        for (Future<Integer> f : calls) {
            exchanges += f.get(60, TimeUnit.SECONDS);
        }
        List<RecordedRequest> all = billmgr.simulator().requests();
        List<Instant> logins = all.subList(before, all.size()).stream().filter(r -> "whoami".equals(r.func()))
                .map(RecordedRequest::receivedAt).sorted().toList();

        // one round per pause for the cluster, but the first, where each node may try before it sees the others'
        // refusal: 3 + 3 (the rounds at 1, 3 and 7 s)
        assertTrue(logins.size() <= 6, logins.size() + " logins with the wrong password reached BILLmanager in 9 s");
        // after the first round, one node tries per pause: the tries are at least a pause apart (1 s, then 2 s, 4 s),
        // never the nodes together (each node on its own would try at the end of its own pause, all at once)
        Instant firstRoundEnds = logins.get(0).plusMillis(900);
        List<Instant> later = logins.stream().filter(t -> t.isAfter(firstRoundEnds)).toList();
        for (int i = 1; i < later.size(); i++) {
            long gap = Duration.between(later.get(i - 1), later.get(i)).toMillis();
            assertTrue(gap >= 500, "two logins " + gap + " ms apart after the first round: " + later);
        }
        rightPassword = node(BillmgrSimulator.CLIENT_PASSWORD, null);
        Exchange check = rightPassword.createProducerTemplate().request("billmgr:func/whoami", e -> {
        });
        String blocked = check.getException() instanceof BillmgrApiException a ? a.getObject() : null;
        assertNull(check.getException(), "the right password was refused (" + blocked + "): the user was blocked");
        System.out.printf("LoginProtectionTest: 3 nodes, %d exchanges in 9 s, %d logins with the wrong password "
                + "reached BILLmanager (it blocks at %d a minute), the user is not blocked%n",
                exchanges, logins.size(), THRESHOLD);
    }
}

package io.github.camelbillmgr.examples.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * The cluster on this machine, in one command ({@code mvn -B -q -pl examples/cluster exec:exec}, after {@code mvn -B -q install -DskipTests}): PostgreSQL,
 * ZooKeeper, the BILLmanager simulator and three node JVMs ({@link ClusterNode}). It creates VPS and renews them in
 * the simulator, kills the leader (SIGKILL) in the middle of a poll, lets another node take over, and prints who led
 * and what each node did. Each node prints its own lines, prefixed with its name.
 */
public final class ClusterDemo {

    private static final List<String> NODES = List.of("node-1", "node-2", "node-3");

    private ClusterDemo() {
    }

    public static void main(String[] args) throws Exception {
        say("starting PostgreSQL, ZooKeeper and the BILLmanager simulator");
        try (LocalCluster cluster = LocalCluster.start(new SimSettings(), null)) {
            say("PostgreSQL " + cluster.jdbcUrl() + ", ZooKeeper " + cluster.zookeeperConnectString()
                    + ", BILLmanager " + cluster.simulator().getBaseUrl());
            ChangeTraffic traffic = new ChangeTraffic(cluster.simulator());
            traffic.create(100);
            Map<String, String> props = Map.of("cluster.workMillis", "20", "cluster.pollDelay", "500");
            for (String node : NODES) {
                cluster.startNode(node, props);
            }
            say("3 nodes starting; 100 VPS in BILLmanager: the leader announces them");
            cluster.awaitAtLeast("SELECT COUNT(*) FROM cluster_events", 100, 180_000);
            String leader = cluster.currentLeader();
            say(leader + " leads");

            long seq = cluster.queryLong("SELECT COALESCE(MAX(seq), 0) FROM cluster_events");
            traffic.renewAll();
            say("100 VPS renewed in BILLmanager; killing " + leader + " (SIGKILL) once it handled 30 of them");
            cluster.awaitAtLeast(
                    "SELECT COUNT(*) FROM cluster_events WHERE seq > " + seq + " AND node = '" + leader + "'",
                    30, 180_000);
            cluster.kill(leader);
            say(leader + " killed");
            cluster.awaitAtLeast("SELECT COUNT(DISTINCT service_id) FROM cluster_events WHERE seq > " + seq, 100,
                    180_000);
            say(cluster.currentLeader() + " leads now, and finished the renewals");

            traffic.create(10);
            say("10 more VPS");
            cluster.awaitAtLeast("SELECT COUNT(*) FROM cluster_events WHERE change LIKE '%created%'", 110, 180_000);
            Thread.sleep(2000);
            report(cluster);
        }
    }

    private static void report(LocalCluster cluster) throws Exception {
        say("what happened:");
        try (Connection c = cluster.database().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT node, leader, at FROM cluster_leaders WHERE leader <> 'nobody' ORDER BY seq")) {
                String last = null;
                while (rs.next()) {
                    if (!rs.getString(2).equals(last)) {
                        say("  " + rs.getTimestamp(3).toLocalDateTime().toLocalTime().withNano(0) + "  "
                                + rs.getString(2)
                                + " became leader (seen by " + rs.getString(1) + ")");
                        last = rs.getString(2);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT node, COUNT(*), SUM(CASE WHEN change LIKE '%created%' THEN 1 "
                    + "ELSE 0 END), SUM(CASE WHEN change LIKE '%renewed%' THEN 1 ELSE 0 END) "
                    + "FROM cluster_events GROUP BY node ORDER BY node")) {
                while (rs.next()) {
                    say("  " + rs.getString(1) + " handled " + rs.getLong(2) + " change(s): " + rs.getLong(3)
                            + " created, " + rs.getLong(4) + " renewed");
                }
            }
            try (ResultSet rs
                    = s.executeQuery("SELECT COUNT(*) FROM (SELECT service_id, expire_date FROM cluster_events "
                            + "GROUP BY service_id, expire_date HAVING COUNT(*) > 1) d")) {
                rs.next();
                say("  " + rs.getLong(1) + " change(s) handled twice: the ones the killed leader had handled but not "
                        + "yet recorded in the shared state (at most the state repository's batch size)");
            }
            for (String node : NODES) {
                say("  " + node + (cluster.isAlive(node) ? " is running" : " is dead"));
            }
        }
    }

    private static void say(String line) {
        System.out.println("[demo] " + line);
    }
}

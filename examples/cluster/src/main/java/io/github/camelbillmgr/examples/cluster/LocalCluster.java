package io.github.camelbillmgr.examples.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.settings.SimSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * Everything a cluster of Camel nodes needs, on this machine: PostgreSQL (zonky's embedded PostgreSQL, a real server
 * process), ZooKeeper (Curator's in-process TestingServer, a real server on a loopback port), the BILLmanager
 * simulator (a real HTTP server), and the nodes: each {@link ClusterNode} a JVM of its own, started with this JVM's
 * class path and killed as a crash would (SIGKILL), never stopped politely unless asked.
 */
public final class LocalCluster implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final TestingServer zookeeper;
    private final BillmgrSimulator simulator;
    private final Path workDir;
    private final Map<String, Process> nodes = new LinkedHashMap<>();

    private LocalCluster(EmbeddedPostgres postgres, TestingServer zookeeper, BillmgrSimulator simulator, Path workDir) {
        this.postgres = postgres;
        this.zookeeper = zookeeper;
        this.simulator = simulator;
        this.workDir = workDir;
    }

    /** Starts PostgreSQL, ZooKeeper and the simulator; node logs go to {@code workDir} (null: to this console). */
    public static LocalCluster start(SimSettings settings, Path workDir) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        // a short tick lets the nodes use a short session timeout: a killed leader's session ends within seconds
        TestingServer zk = new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 500, -1), true);
        BillmgrSimulator sim = new BillmgrSimulator(settings).start();
        return new LocalCluster(pg, zk, sim, workDir);
    }

    public BillmgrSimulator simulator() {
        return simulator;
    }

    public DataSource database() {
        return postgres.getPostgresDatabase();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String zookeeperConnectString() {
        return zookeeper.getConnectString();
    }

    /** Starts a node JVM; {@code properties} are added to (or replace) the cluster's system properties. */
    public Process startNode(String name, Map<String, String> properties) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dsun.net.httpserver.nodelay=true",
                // the example's logging, also when a test's log4j2-test.properties is on the class path
                "-Dlog4j2.configurationFile=classpath:log4j2.properties"));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("cluster.node", name);
        props.put("cluster.zookeeper", zookeeperConnectString());
        props.put("cluster.jdbcUrl", jdbcUrl());
        props.put("billmgr.baseUrl", simulator.getBaseUrl());
        props.put("billmgr.username", BillmgrSimulator.CLIENT_USER);
        props.putAll(properties);
        props.forEach((k, v) -> {
            if (v != null) {
                cmd.add("-D" + k + "=" + v);
            }
        });
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ClusterNode.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // the password goes through the environment, never the command line (ps shows that to every user)
        pb.environment().put("BILLMGR_PASSWORD", BillmgrSimulator.CLIENT_PASSWORD);
        if (workDir == null) {
            pb.inheritIO();
        } else {
            Files.createDirectories(workDir);
            File log = workDir.resolve(name + ".log").toFile();
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        }
        Process p = pb.start();
        nodes.put(name, p);
        return p;
    }

    /** Kills a node as a crash would: SIGKILL, no shutdown hook, no goodbye to ZooKeeper or PostgreSQL. */
    public void kill(String name) throws InterruptedException {
        Process p = nodes.get(name);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive(String name) {
        Process p = nodes.get(name);
        return p != null && p.isAlive();
    }

    /** The leader the nodes saw last (from the journal), or null before anyone led. */
    public String currentLeader() throws SQLException {
        return queryString("SELECT leader FROM cluster_leaders WHERE leader <> 'nobody' ORDER BY seq DESC LIMIT 1");
    }

    public String queryString(String sql) throws SQLException {
        try (Connection c = database().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return null; // the nodes have not created the journal yet
            }
            throw e;
        }
    }

    public long queryLong(String sql) throws SQLException {
        String v = queryString(sql);
        return v == null ? 0 : Long.parseLong(v);
    }

    /** Waits until {@code sql} answers a number of at least {@code min}. */
    public boolean awaitAtLeast(String sql, long min, long timeoutMillis) throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            if (queryLong(sql) >= min) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        for (Process p : nodes.values()) {
            p.destroyForcibly();
        }
        for (Process p : nodes.values()) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
        simulator.close();
        zookeeper.close();
        postgres.close();
    }
}

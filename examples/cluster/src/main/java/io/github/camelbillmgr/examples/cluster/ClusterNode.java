package io.github.camelbillmgr.examples.cluster;

import java.nio.file.Path;
import javax.sql.DataSource;

import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.JdbcBillmgrStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One Camel node of the cluster, as its own JVM: {@code java -cp ... ClusterNode}. Settings are system properties:
 * <ul>
 * <li>{@code cluster.node}: this node's name (also its cluster member id)</li>
 * <li>{@code cluster.zookeeper}: ZooKeeper's connect string, or {@code cluster.lockDir}: a directory for the file lock
 * of a single-host active/passive pair</li>
 * <li>{@code cluster.jdbcUrl}, {@code cluster.jdbcUser}: the shared PostgreSQL (password from the environment
 * variable {@code CLUSTER_JDBC_PASSWORD}, if any)</li>
 * <li>{@code billmgr.baseUrl}, {@code billmgr.username}: BILLmanager (password from {@code BILLMGR_PASSWORD}: never on
 * a command line, where {@code ps} shows it)</li>
 * <li>{@code cluster.pollDelay}: milliseconds between polls (default 500), {@code cluster.workMillis}: time each
 * change takes to handle (default 0), {@code cluster.stateBatchSize}: the state repository's batch size (default
 * 20)</li>
 * </ul>
 * It runs until it is stopped (a shutdown hook stops Camel) or killed.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        String node = require("cluster.node");
        CamelContext context = create(node, System.getenv("BILLMGR_PASSWORD"), System.getenv("CLUSTER_JDBC_PASSWORD"));
        Runtime.getRuntime().addShutdownHook(new Thread(context::stop, node + "-shutdown"));
        context.start();
        System.out.println("[" + node + "] started");
        Thread.currentThread().join();
    }

    /** Builds the node's CamelContext (not started) from the system properties. */
    public static CamelContext create(String node, String billmgrPassword, String jdbcPassword) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(node);

        CamelClusterService cluster = clusterService(node);
        context.addService(cluster);
        // who leads: printed, and written to the database for whoever watches the cluster
        DataSource db = dataSource(jdbcPassword);
        ClusterJournal journal = new ClusterJournal(db, node);
        journal.createTables();
        cluster.getView(ClusterRoutes.NAMESPACE)
                .addEventListener((CamelClusterEventListener.Leadership) (view, leader) -> {
                    String who = leader == null ? "nobody" : leader.getId();
                    System.out.println("[" + node + "] leader of " + ClusterRoutes.NAMESPACE + " is " + who);
                    journal.leadership(who);
                });

        JdbcBillmgrStateRepository state = new JdbcBillmgrStateRepository(db);
        // a killed leader leaves at most this many handled changes unrecorded: the next leader emits them again
        state.setBatchSize(Integer.getInteger("cluster.stateBatchSize", 20));
        context.getRegistry().bind("billmgrState", state);

        BillmgrConfiguration billmgr = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        billmgr.setBaseUrl(require("billmgr.baseUrl"));
        billmgr.setUsername(require("billmgr.username"));
        billmgr.setPassword(billmgrPassword);
        billmgr.setAuthMode(io.github.camelbillmgr.BillmgrAuthMode.session);

        context.addRoutes(new ClusterRoutes(node, journal, Long.getLong("cluster.pollDelay", 500),
                Long.getLong("cluster.workMillis", 0)));
        return context;
    }

    /** ZooKeeper when {@code cluster.zookeeper} is set, else a file lock in {@code cluster.lockDir}. */
    static CamelClusterService clusterService(String node) {
        String zookeeper = System.getProperty("cluster.zookeeper");
        if (zookeeper != null) {
            ZooKeeperClusterService zk = new ZooKeeperClusterService();
            zk.setId(node);
            zk.setNodes(zookeeper);
            zk.setBasePath("/camel-billmgr/cluster");
            // how soon a dead leader's ZooKeeper session expires, and with it its leadership
            zk.setSessionTimeout(Long.getLong("cluster.sessionTimeout", 6000));
            zk.setConnectTimeout(5000);
            return zk;
        }
        FileLockClusterService file = new FileLockClusterService();
        file.setId(node);
        file.setRoot(Path.of(require("cluster.lockDir")).toString());
        file.setAcquireLockInterval(1000);
        return file;
    }

    static DataSource dataSource(String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(require("cluster.jdbcUrl"));
        ds.setUser(System.getProperty("cluster.jdbcUser", "postgres"));
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    private static String require(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("System property " + property + " is not set");
        }
        return v;
    }
}

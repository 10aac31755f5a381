package io.github.camelbillmgr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import io.github.camelbillmgr.model.BillmgrServiceState;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the consumer's {@code emit=changes} state in a database table through plain JDBC, so that several Camel nodes
 * share it: the node that takes over the polling after a failover knows what the previous one emitted. PostgreSQL
 * first; any database with {@code CREATE TABLE IF NOT EXISTS} and {@code SELECT ... FOR UPDATE} works.
 * <p>
 * <b>One poll at a time per key, across nodes.</b> {@link #load} takes a lock on the key that {@link #flush()} (the
 * consumer calls it after each batch, and after a failed poll) lets go. A second node that polls the same key in the
 * meantime (two leaders for a moment during a failover) waits for it, and then loads what the first one recorded:
 * it emits nothing the first one already handled, and neither overwrites the other's updates. On PostgreSQL the lock
 * is a session advisory lock on the connection that also writes the updates: a node that dies loses it when its
 * connection closes, and a node whose connection broke cannot write any more. Elsewhere it is a row of the lock table
 * held {@code FOR UPDATE} in the transaction that writes the updates.
 * <p>
 * <b>Batched writes.</b> {@link #update} only queues; the queue is written in JDBC batches of {@link #setBatchSize
 * batchSize} and at {@link #flush()}. On PostgreSQL each batch is committed as it is written, so a node killed in the
 * middle of a poll leaves at most one batch of handled changes unrecorded (the next leader emits them again);
 * elsewhere the whole poll is one transaction.
 * <p>
 * The table ({@code billmgr_consumer_state} by default) and its lock table ({@code <table>_lock}) are created on
 * start unless {@link #setCreateTable createTable} is false; the DDL is in docs/clustering.md. Register the
 * repository with the CamelContext (the consumer does it when it starts) to see it in JMX.
 */
@ManagedResource(description = "BILLmanager consumer state in a database table")
public class JdbcBillmgrStateRepository extends ServiceSupport implements BillmgrStateRepository {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcBillmgrStateRepository.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,57}");
    private static final int MAX_KEY_LENGTH = 1000;

    private final Map<String, HeldKey> held = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> localLocks = new ConcurrentHashMap<>();
    /** Queued updates, by key then service id; a null state forgets the service. */
    private final Map<String, Map<Long, BillmgrServiceState>> pending = new LinkedHashMap<>();
    private int pendingCount;

    private DataSource dataSource;
    private String schema;
    private String tableName = "billmgr_consumer_state";
    private boolean createTable = true;
    private int batchSize = 100;
    private long lockTimeout = 60_000;
    private volatile Boolean postgres;

    public JdbcBillmgrStateRepository() {
    }

    public JdbcBillmgrStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The key's lock, and the connection that holds it (and writes the key's updates). */
    private record HeldKey(Connection connection, Thread owner, ReentrantLock localLock, long advisoryId) {
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcBillmgrStateRepository: dataSource is not set");
        }
        checkIdentifier("schema", schema, true);
        checkIdentifier("tableName", tableName, false);
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "JdbcBillmgrStateRepository: batchSize must be 1 or more, was " + batchSize);
        }
        if (lockTimeout <= 0) {
            throw new IllegalArgumentException(
                    "JdbcBillmgrStateRepository: lockTimeout must be 1 millisecond or more, was " + lockTimeout);
        }
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (createTable) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    for (String ddl : ddl()) {
                        s.execute(ddl);
                    }
                }
            }
        }
        LOG.debug("State repository on table {} ({})", table(), postgres ? "PostgreSQL advisory locks" : "row locks");
    }

    @Override
    protected void doStop() throws Exception {
        flush();
        for (String key : new ArrayList<>(held.keySet())) {
            HeldKey h = held.remove(key);
            if (h != null) {
                closeQuietly(h.connection());
            }
        }
    }

    /** The statements that create the tables: {@code CREATE TABLE IF NOT EXISTS}, for the configured names. */
    public List<String> ddl() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + table() + " (state_key VARCHAR(" + MAX_KEY_LENGTH + ") NOT NULL, "
                        + "service_id BIGINT NOT NULL, state VARCHAR(200) NOT NULL, updated_at TIMESTAMP NOT NULL, "
                        + "PRIMARY KEY (state_key, service_id))",
                "CREATE TABLE IF NOT EXISTS " + lockTable() + " (state_key VARCHAR(" + MAX_KEY_LENGTH
                        + ") NOT NULL PRIMARY KEY)");
    }

    @Override
    public Map<Long, BillmgrServiceState> load(String key) throws Exception {
        checkKey(key);
        HeldKey h = acquire(key);
        Map<Long, BillmgrServiceState> out = new HashMap<>();
        synchronized (h) {
            try (PreparedStatement ps = h.connection().prepareStatement(
                    "SELECT service_id, state FROM " + table() + " WHERE state_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), BillmgrServiceState.fromText(rs.getString(2)));
                    }
                }
            }
        }
        // updates still queued by this node (a completion that came after the last flush) are newer than the table
        synchronized (this) {
            Map<Long, BillmgrServiceState> mine = pending.get(key);
            if (mine != null) {
                mine.forEach((id, state) -> {
                    if (state == null) {
                        out.remove(id);
                    } else {
                        out.put(id, state);
                    }
                });
            }
        }
        return out;
    }

    @Override
    public void update(String key, long serviceId, BillmgrServiceState state) throws Exception {
        checkKey(key);
        boolean full;
        synchronized (this) {
            Map<Long, BillmgrServiceState> forKey = pending.computeIfAbsent(key, k -> new LinkedHashMap<>());
            if (!forKey.containsKey(serviceId)) {
                pendingCount++;
            }
            forKey.put(serviceId, state);
            full = pendingCount >= batchSize;
        }
        if (full) {
            writePending(false);
        }
    }

    /** Writes every queued update, then lets go of the keys the calling thread locked in {@link #load}. */
    @Override
    public void flush() throws Exception {
        try {
            writePending(true);
        } finally {
            for (Map.Entry<String, HeldKey> e : held.entrySet()) {
                if (e.getValue().owner() == Thread.currentThread()) {
                    release(e.getKey());
                }
            }
        }
    }

    /** Forgets every service of the key, under the key's lock. */
    @Override
    public void clear(String key) throws Exception {
        checkKey(key);
        synchronized (this) {
            Map<Long, BillmgrServiceState> dropped = pending.remove(key);
            pendingCount -= dropped == null ? 0 : dropped.size();
        }
        // held by this thread's own poll (one that failed before its flush): that poll's flush lets go of it. Held by
        // another thread's poll: acquire waits for it, and the key taken here must be let go of here
        HeldKey before = held.get(key);
        boolean mine = before != null && before.owner() == Thread.currentThread();
        HeldKey h = acquire(key);
        try {
            synchronized (h) {
                try (PreparedStatement ps = h.connection().prepareStatement(
                        "DELETE FROM " + table() + " WHERE state_key = ?")) {
                    ps.setString(1, key);
                    ps.executeUpdate();
                }
                h.connection().commit();
            }
        } finally {
            if (!mine) {
                release(key);
            }
        }
    }

    @Override
    @ManagedOperation(description = "Number of services remembered for a state key")
    public int size(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table() + " WHERE state_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @ManagedAttribute(description = "Every state key with its number of remembered services")
    public Map<String, Integer> getSizes() throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT state_key, COUNT(*) FROM " + table() + " GROUP BY state_key")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    @ManagedOperation(description = "Forgets every service of a state key: its consumer emits them all as created "
            + "at its next poll")
    public void clearKey(String key) throws Exception {
        clear(key);
    }

    @ManagedAttribute(description = "The state table, with its schema")
    public String getTable() {
        return table();
    }

    @ManagedAttribute(description = "Updates queued and not yet written")
    public synchronized int getPendingUpdates() {
        return pendingCount;
    }

    // ---------------------------------------------------------------- locking

    private HeldKey acquire(String key) throws Exception {
        HeldKey h = held.get(key);
        if (h != null && h.owner() == Thread.currentThread()) {
            return h; // a poll of this thread that failed before its flush: it still holds the key
        }
        ReentrantLock local = localLocks.computeIfAbsent(key, k -> new ReentrantLock());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lockTimeout);
        if (!local.tryLock(lockTimeout, TimeUnit.MILLISECONDS)) {
            throw lockTimedOut(key);
        }
        Connection c = null;
        try {
            c = dataSource.getConnection();
            long advisoryId = 0;
            if (Boolean.TRUE.equals(postgres)) {
                c.setAutoCommit(true);
                advisoryId = advisoryId(key);
                lockAdvisory(c, key, advisoryId, deadline);
                c.setAutoCommit(false);
            } else {
                c.setAutoCommit(false);
                lockRow(c, key, deadline);
            }
            HeldKey mine = new HeldKey(c, Thread.currentThread(), local, advisoryId);
            held.put(key, mine);
            return mine;
        } catch (Exception e) {
            closeQuietly(c);
            local.unlock();
            throw e;
        }
    }

    /** PostgreSQL: a session lock that survives the commits of the batches, and dies with the connection. */
    private void lockAdvisory(Connection c, String key, long id, long deadline)
            throws SQLException, InterruptedException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, id);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw lockTimedOut(key);
                }
                Thread.sleep(50);
            }
        }
    }

    /** Other databases: the key's row of the lock table, held for update until the transaction ends. */
    private void lockRow(Connection c, String key, long deadline) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO " + lockTable() + " (state_key) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM " + lockTable()
                        + " WHERE state_key = ?)")) {
            ins.setString(1, key);
            ins.setString(2, key);
            ins.executeUpdate();
            c.commit();
        } catch (SQLException raced) {
            c.rollback(); // another node inserted it at the same moment: it exists now
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state_key FROM " + lockTable() + " WHERE state_key = ? FOR UPDATE")) {
            ps.setString(1, key);
            ps.setQueryTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new SQLException("Waited " + lockTimeout + " ms for the lock of BILLmanager consumer state key " + key
                    + " in " + lockTable() + ": another node is polling it (" + e.getMessage() + ")",
                    e.getSQLState(), e);
        }
    }

    private void release(String key) {
        HeldKey h = held.remove(key);
        if (h == null) {
            return;
        }
        synchronized (h) {
            try {
                h.connection().commit();
                if (h.advisoryId() != 0) {
                    h.connection().setAutoCommit(true);
                    try (PreparedStatement ps = h.connection().prepareStatement("SELECT pg_advisory_unlock(?)")) {
                        ps.setLong(1, h.advisoryId());
                        ps.executeQuery().close();
                    }
                }
            } catch (SQLException e) {
                LOG.warn("Could not release the lock of BILLmanager consumer state key {} cleanly: {}", key,
                        e.getMessage());
            } finally {
                closeQuietly(h.connection());
                h.localLock().unlock();
            }
        }
    }

    private SQLException lockTimedOut(String key) {
        return new SQLException("Waited " + lockTimeout + " ms for the lock of BILLmanager consumer state key " + key
                + " in " + table() + ": another consumer is polling it");
    }

    /** 64 bits of SHA-256 of table and key: PostgreSQL advisory locks are numbers, shared by the whole database. */
    private long advisoryId(String key) throws NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest((table() + "\n" + key).getBytes(StandardCharsets.UTF_8));
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = (id << 8) | (d[i] & 0xff);
        }
        return id == 0 ? 1 : id; // 0 means "no advisory lock" in HeldKey
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the queued updates, per key: through the connection that holds the key's lock, else a connection of its
     * own. On PostgreSQL, or without a held lock, each key's batch is committed at once; a row-locked key's updates
     * are committed when the lock is released.
     */
    private void writePending(boolean all) throws SQLException {
        Map<String, Map<Long, BillmgrServiceState>> batch;
        synchronized (this) {
            if (pendingCount == 0 || (!all && pendingCount < batchSize)) {
                return;
            }
            batch = new LinkedHashMap<>(pending);
            pending.clear();
            pendingCount = 0;
        }
        try {
            for (Map.Entry<String, Map<Long, BillmgrServiceState>> e : batch.entrySet()) {
                HeldKey h = held.get(e.getKey());
                if (h != null) {
                    synchronized (h) {
                        write(h.connection(), e.getKey(), e.getValue());
                        if (h.advisoryId() != 0) {
                            h.connection().commit();
                        }
                    }
                } else {
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        write(c, e.getKey(), e.getValue());
                        c.commit();
                    }
                }
                batch.remove(e.getKey()); // written; what is left goes back to the queue if a later key fails
            }
        } catch (SQLException | RuntimeException failed) {
            requeue(batch);
            throw failed;
        }
    }

    private synchronized void requeue(Map<String, Map<Long, BillmgrServiceState>> unwritten) {
        unwritten.forEach((key, states) -> {
            Map<Long, BillmgrServiceState> forKey = pending.computeIfAbsent(key, k -> new LinkedHashMap<>());
            states.forEach((id, state) -> {
                if (!forKey.containsKey(id)) {
                    forKey.put(id, state);
                    pendingCount++;
                }
            });
        });
    }

    /** One key's updates: delete the rows, insert the new states (portable; the key's lock keeps others out). */
    private void write(Connection c, String key, Map<Long, BillmgrServiceState> states) throws SQLException {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM " + table() + " WHERE state_key = ? AND service_id = ?");
                PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO " + table() + " (state_key, service_id, state, updated_at) VALUES (?, ?, ?, ?)")) {
            int inserts = 0;
            for (Map.Entry<Long, BillmgrServiceState> s : states.entrySet()) {
                del.setString(1, key);
                del.setLong(2, s.getKey());
                del.addBatch();
                if (s.getValue() != null) {
                    ins.setString(1, key);
                    ins.setLong(2, s.getKey());
                    ins.setString(3, s.getValue().toText());
                    ins.setTimestamp(4, now);
                    ins.addBatch();
                    inserts++;
                }
            }
            del.executeBatch();
            if (inserts > 0) {
                ins.executeBatch();
            }
        } catch (SQLException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- names and checks

    private String table() {
        return schema == null || schema.isEmpty() ? tableName : schema + "." + tableName;
    }

    private String lockTable() {
        return table() + "_lock";
    }

    private static void checkIdentifier(String option, String value, boolean optional) {
        if (value == null || value.isEmpty()) {
            if (optional) {
                return;
            }
            throw new IllegalArgumentException("JdbcBillmgrStateRepository: " + option + " must be set");
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException("JdbcBillmgrStateRepository: " + option + " '" + value
                    + "' is not a plain SQL identifier (letters, digits and _, "
                    + "not starting with a digit, at most 58 characters)");
        }
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("BILLmanager consumer state key must have 1 to " + MAX_KEY_LENGTH
                    + " characters, was " + (key == null ? "null" : key.length()));
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing a state repository connection failed: {}", e.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------- options

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database; required. A pooled DataSource is best: each poll takes one connection and gives it back. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getSchema() {
        return schema;
    }

    /** The schema of the tables; default none (the connection's default schema, e.g. {@code public}). */
    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getTableName() {
        return tableName;
    }

    /** The state table; the lock table is named after it with {@code _lock}. Default {@code billmgr_consumer_state}. */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether to create the tables on start when they do not exist; default true. */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /**
     * How many queued updates are written in one JDBC batch (and, on PostgreSQL, one transaction); default 100. On
     * PostgreSQL it bounds what a node killed in the middle of a poll leaves unrecorded, and the next leader emits
     * again.
     */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public long getLockTimeout() {
        return lockTimeout;
    }

    /** How long (milliseconds) {@link #load} waits for another node's poll of the same key to end; default 60000. */
    public void setLockTimeout(long lockTimeout) {
        this.lockTimeout = lockTimeout;
    }
}

package io.github.camelbillmgr.internal.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state keys this node holds for the JDBC state repository, each locked across nodes from a poll's load to its
 * flush, with the connection that holds the lock (and writes the key's updates). On PostgreSQL the lock is a session
 * advisory lock (it dies with the connection, and survives the commits of the batches); elsewhere it is the key's row
 * of the lock table, held {@code FOR UPDATE} until the transaction ends. Within the node, a key is also locked by a
 * {@link ReentrantLock}, so that two consumers of one node wait for each other without a second connection.
 */
public final class StateKeyLocks {

    private static final Logger LOG = LoggerFactory.getLogger(StateKeyLocks.class);

    /** The key's lock, and the connection that holds it (and writes the key's updates). */
    public record HeldKey(Connection connection, Thread owner, ReentrantLock localLock, long advisoryId) {
    }

    private final Map<String, HeldKey> held = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> localLocks = new ConcurrentHashMap<>();
    private final DataSource dataSource;
    private final String table;
    private final boolean postgres;
    private final long lockTimeout;

    /**
     * @param table       the state table, with its schema; the lock table is named after it with {@code _lock}
     * @param postgres    whether to use PostgreSQL's advisory locks
     * @param lockTimeout how long (milliseconds) to wait for another node's poll of the same key
     */
    public StateKeyLocks(DataSource dataSource, String table, boolean postgres, long lockTimeout) {
        this.dataSource = dataSource;
        this.table = table;
        this.postgres = postgres;
        this.lockTimeout = lockTimeout;
    }

    /** The key's lock if this node holds it, else null. */
    public HeldKey held(String key) {
        return held.get(key);
    }

    /** Whether the calling thread holds the key (a poll of this thread that has not flushed yet). */
    public boolean heldByMe(String key) {
        HeldKey h = held.get(key);
        return h != null && h.owner() == Thread.currentThread();
    }

    /** Takes the key's lock, waiting at most lockTimeout for another poll of it; returns it held by this thread. */
    public HeldKey acquire(String key) throws Exception {
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
            if (postgres) {
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
        String lockTable = table + "_lock";
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO " + lockTable + " (state_key) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM " + lockTable
                        + " WHERE state_key = ?)")) {
            ins.setString(1, key);
            ins.setString(2, key);
            ins.executeUpdate();
            c.commit();
        } catch (SQLException raced) {
            c.rollback(); // another node inserted it at the same moment: it exists now
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state_key FROM " + lockTable + " WHERE state_key = ? FOR UPDATE")) {
            ps.setString(1, key);
            ps.setQueryTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new SQLException("Waited " + lockTimeout + " ms for the lock of BILLmanager consumer state key " + key
                    + " in " + lockTable + ": another node is polling it (" + e.getMessage() + ")",
                    e.getSQLState(), e);
        }
    }

    /** Commits what the key's connection wrote, lets go of the key's locks and closes the connection. */
    public void release(String key) {
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

    /** Lets go of every key the calling thread holds (the end of its poll). */
    public void releaseMine() {
        for (Map.Entry<String, HeldKey> e : held.entrySet()) {
            if (e.getValue().owner() == Thread.currentThread()) {
                release(e.getKey());
            }
        }
    }

    /** Closes the connections of every key still held (the repository stops); their locks die with them. */
    public void closeAll() {
        for (String key : new ArrayList<>(held.keySet())) {
            HeldKey h = held.remove(key);
            if (h != null) {
                closeQuietly(h.connection());
            }
        }
    }

    private SQLException lockTimedOut(String key) {
        return new SQLException("Waited " + lockTimeout + " ms for the lock of BILLmanager consumer state key " + key
                + " in " + table + ": another consumer is polling it");
    }

    /** 64 bits of SHA-256 of table and key: PostgreSQL advisory locks are numbers, shared by the whole database. */
    private long advisoryId(String key) throws NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest((table + "\n" + key).getBytes(StandardCharsets.UTF_8));
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = (id << 8) | (d[i] & 0xff);
        }
        return id == 0 ? 1 : id; // 0 means "no advisory lock" in HeldKey
    }

    /** Closes a connection, logging (not throwing) a failure: the connection is given up either way. */
    public static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing a state repository connection failed: {}", e.getMessage());
            }
        }
    }
}

package io.github.camelbillmgr;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import io.github.camelbillmgr.internal.state.PendingStates;
import io.github.camelbillmgr.internal.state.StateKeyLocks;
import io.github.camelbillmgr.internal.state.StateKeyLocks.HeldKey;
import io.github.camelbillmgr.internal.state.StateTable;
import io.github.camelbillmgr.model.BillmgrServiceState;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
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
 * <p>
 * The parts: {@link StateKeyLocks} (the lock of a key across nodes), {@link PendingStates} (the queue of updates),
 * {@link StateTable} (the SQL); this class ties them to the {@link BillmgrStateRepository} contract and JMX.
 */
@ManagedResource(description = "BILLmanager consumer state in a database table")
public class JdbcBillmgrStateRepository extends JdbcTableService implements BillmgrStateRepository {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcBillmgrStateRepository.class);

    private final PendingStates pending = new PendingStates();
    private int batchSize = 100;
    private long lockTimeout = 60_000;
    private volatile StateKeyLocks locks;

    public JdbcBillmgrStateRepository() {
        this(null);
    }

    public JdbcBillmgrStateRepository(DataSource dataSource) {
        // 58: the lock table's name adds "_lock", and PostgreSQL names have at most 63 characters
        super("JdbcBillmgrStateRepository", "billmgr_consumer_state", 58, dataSource);
    }

    @Override
    protected void doStart() throws Exception {
        checkOptions();
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "JdbcBillmgrStateRepository: batchSize must be 1 or more, was " + batchSize);
        }
        if (lockTimeout <= 0) {
            throw new IllegalArgumentException(
                    "JdbcBillmgrStateRepository: lockTimeout must be 1 millisecond or more, was " + lockTimeout);
        }
        boolean postgres;
        try (Connection c = getDataSource().getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            createTables(c);
        }
        locks = new StateKeyLocks(getDataSource(), table(), postgres, lockTimeout);
        LOG.debug("State repository on table {} ({})", table(), postgres ? "PostgreSQL advisory locks" : "row locks");
    }

    @Override
    protected void doStop() throws Exception {
        flush();
        if (locks != null) {
            locks.closeAll();
        }
    }

    /** The statements that create the tables: {@code CREATE TABLE IF NOT EXISTS}, for the configured names. */
    @Override
    public List<String> ddl() {
        return rows().ddl();
    }

    private StateKeyLocks locks() {
        StateKeyLocks l = locks;
        if (l == null) {
            throw new IllegalStateException("JdbcBillmgrStateRepository is not started: start it, or register it "
                    + "with the CamelContext, before a consumer uses it");
        }
        return l;
    }

    private StateTable rows() {
        return new StateTable(table());
    }

    @Override
    public Map<Long, BillmgrServiceState> load(String key) throws Exception {
        checkKey(key);
        HeldKey h = locks().acquire(key);
        Map<Long, BillmgrServiceState> out;
        synchronized (h) {
            out = rows().read(h.connection(), key);
        }
        // updates still queued by this node (a completion that came after the last flush) are newer than the table
        pending.applyTo(key, out);
        return out;
    }

    @Override
    public void update(String key, long serviceId, BillmgrServiceState state) throws Exception {
        checkKey(key);
        if (pending.add(key, serviceId, state) >= batchSize) {
            writePending(batchSize);
        }
    }

    /** Writes every queued update, then lets go of the keys the calling thread locked in {@link #load}. */
    @Override
    public void flush() throws Exception {
        try {
            writePending(1);
        } finally {
            if (locks != null) {
                locks.releaseMine();
            }
        }
    }

    /** Forgets every service of the key, under the key's lock. */
    @Override
    public void clear(String key) throws Exception {
        checkKey(key);
        pending.drop(key);
        // held by this thread's own poll (one that failed before its flush): that poll's flush lets go of it. Held by
        // another thread's poll: acquire waits for it, and the key taken here must be let go of here
        boolean mine = locks().heldByMe(key);
        HeldKey h = locks().acquire(key);
        try {
            synchronized (h) {
                rows().delete(h.connection(), key);
                h.connection().commit();
            }
        } finally {
            if (!mine) {
                locks().release(key);
            }
        }
    }

    @Override
    @ManagedOperation(description = "Number of services remembered for a state key")
    public int size(String key) throws SQLException {
        try (Connection c = getDataSource().getConnection()) {
            return rows().count(c, key);
        }
    }

    @ManagedAttribute(description = "Every state key with its number of remembered services")
    public Map<String, Integer> getSizes() throws SQLException {
        try (Connection c = getDataSource().getConnection()) {
            return rows().counts(c);
        }
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
    public int getPendingUpdates() {
        return pending.count();
    }

    /**
     * Writes the queued updates if there are at least {@code atLeast}, per key: through the connection that holds
     * the key's lock, else a connection of its own. On PostgreSQL, or without a held lock, each key's batch is
     * committed at once; a row-locked key's updates are committed when the lock is released.
     */
    private void writePending(int atLeast) throws SQLException {
        Map<String, Map<Long, BillmgrServiceState>> batch = pending.take(atLeast);
        if (batch == null) {
            return;
        }
        StateTable rows = rows();
        try {
            for (Map.Entry<String, Map<Long, BillmgrServiceState>> e : new ArrayList<>(batch.entrySet())) {
                HeldKey h = locks == null ? null : locks.held(e.getKey());
                if (h != null) {
                    synchronized (h) {
                        rows.write(h.connection(), e.getKey(), e.getValue());
                        if (h.advisoryId() != 0) {
                            h.connection().commit();
                        }
                    }
                } else {
                    try (Connection c = getDataSource().getConnection()) {
                        c.setAutoCommit(false);
                        rows.write(c, e.getKey(), e.getValue());
                        c.commit();
                    }
                }
                batch.remove(e.getKey()); // written; what is left goes back to the queue if a later key fails
            }
        } catch (SQLException | RuntimeException failed) {
            pending.requeue(batch);
            throw failed;
        }
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > StateTable.MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("BILLmanager consumer state key must have 1 to "
                    + StateTable.MAX_KEY_LENGTH + " characters, was " + (key == null ? "null" : key.length()));
        }
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

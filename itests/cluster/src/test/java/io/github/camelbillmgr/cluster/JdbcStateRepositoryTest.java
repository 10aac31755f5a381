package io.github.camelbillmgr.cluster;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import io.github.camelbillmgr.JdbcBillmgrStateRepository;
import io.github.camelbillmgr.model.BillmgrServiceState;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JdbcBillmgrStateRepository on a real PostgreSQL: what it stores, and how two nodes share a key. */
class JdbcStateRepositoryTest {

    private static final String KEY = "http://127.0.0.1:1/billmgr|client@example.com|vds|null|null|null|null";

    private final ExecutorService otherNode = Executors.newSingleThreadExecutor();
    private DataSource db;

    @BeforeEach
    void database() throws SQLException {
        db = SharedPostgres.newDatabase();
    }

    @AfterEach
    void stop() {
        otherNode.shutdownNow();
    }

    private JdbcBillmgrStateRepository repository() throws Exception {
        JdbcBillmgrStateRepository r = new JdbcBillmgrStateRepository(db);
        r.setBatchSize(7);
        r.setLockTimeout(20_000);
        r.start();
        return r;
    }

    private static BillmgrServiceState state(int day) {
        return new BillmgrServiceState(BillmgrServiceStatus.ACTIVE, LocalDate.of(2030, 1, 1).plusDays(day), 1,
                new BigDecimal("5.00"));
    }

    @Test
    void updatesAreWrittenInBatchesAndSurviveTheNode() throws Exception {
        JdbcBillmgrStateRepository a = repository();
        assertTrue(a.load(KEY).isEmpty());
        for (int id = 1; id <= 30; id++) {
            a.update(KEY, id, state(id));
        }
        // 30 updates in batches of 7: 28 are written already, 2 wait for the flush
        assertEquals(28, rows());
        assertEquals(2, a.getPendingUpdates());
        a.update(KEY, 5, null); // forgets service 5
        a.flush();
        assertEquals(29, rows());
        a.stop();

        JdbcBillmgrStateRepository b = repository();
        Map<Long, BillmgrServiceState> loaded = b.load(KEY);
        b.flush();
        assertEquals(29, loaded.size());
        assertEquals(state(30), loaded.get(30L));
        assertFalse(loaded.containsKey(5L));
        assertEquals(29, b.size(KEY));
        assertEquals(Map.of(KEY, 29), b.getSizes());
        b.clearKey(KEY);
        assertEquals(0, b.size(KEY));
        b.stop();
    }

    @Test
    void oneFlushWritesTheUpdatesOfSeveralKeys() throws Exception {
        // two consumers (two lists) on one repository: their updates wait in the same queue until a flush
        String other = KEY.replace("|vds|", "|dedic|");
        JdbcBillmgrStateRepository r = repository();
        r.load(KEY);
        r.load(other);
        for (int id = 1; id <= 3; id++) {
            r.update(KEY, id, state(id));
        }
        r.update(other, 9, state(9));
        r.update(other, 10, state(10));
        r.flush();
        assertEquals(0, r.getPendingUpdates());
        assertEquals(Map.of(KEY, 3, other, 2), r.getSizes());
        r.stop();
    }

    @Test
    void aSecondNodeWaitsForThePollOfTheFirstAndLoadsWhatItRecorded() throws Exception {
        JdbcBillmgrStateRepository a = repository();
        JdbcBillmgrStateRepository b = repository();
        a.update(KEY, 1, state(1));
        a.flush();

        Map<Long, BillmgrServiceState> seenByA = a.load(KEY); // a's poll begins
        CompletableFuture<Map<Long, BillmgrServiceState>> seenByB = CompletableFuture.supplyAsync(() -> {
            try {
                Map<Long, BillmgrServiceState> m = b.load(KEY);
                b.flush();
                return m;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, otherNode);
        Thread.sleep(500);
        assertFalse(seenByB.isDone(), "the second node loaded the key while the first one was polling it");
        a.update(KEY, 1, state(2)); // a emitted a change of service 1, and a new service
        a.update(KEY, 2, state(1));
        a.flush(); // a's poll ends

        Map<Long, BillmgrServiceState> m = seenByB.get(20, TimeUnit.SECONDS);
        assertEquals(Map.of(1L, state(1)), seenByA);
        assertEquals(Map.of(1L, state(2), 2L, state(1)), m, "the second node must see the first one's updates");
        a.stop();
        b.stop();
    }

    @Test
    void aNodeWhoseConnectionDiesLetsGoOfTheKey() throws Exception {
        JdbcBillmgrStateRepository a = repository();
        a.load(KEY); // a holds the key, then dies: its backend is gone, as when the JVM is killed
        a.update(KEY, 9, state(9));
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s
                        .executeQuery("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'")) {
            assertTrue(rs.next(), "the key's advisory lock is not held");
        }
        JdbcBillmgrStateRepository b = repository();
        assertTrue(b.load(KEY).isEmpty(), "what the dead node did not write is not there");
        b.flush();
        b.stop();
    }

    @Test
    void aSecondNodeGivesUpAfterTheLockTimeout() throws Exception {
        JdbcBillmgrStateRepository a = repository();
        JdbcBillmgrStateRepository b = new JdbcBillmgrStateRepository(db);
        b.setLockTimeout(300);
        b.start();
        a.load(KEY);
        CompletableFuture<Object> attempt = CompletableFuture.supplyAsync(() -> {
            try {
                return b.load(KEY);
            } catch (Exception e) {
                return e;
            }
        }, otherNode);
        Object outcome = attempt.get(20, TimeUnit.SECONDS);
        assertTrue(outcome instanceof SQLException, "expected a timeout, got " + outcome);
        assertTrue(((SQLException) outcome).getMessage().contains("Waited 300 ms for the lock"),
                ((SQLException) outcome).getMessage());
        a.flush();
        a.stop();
        b.stop();
    }

    @Test
    void schemaAndTableNameAreConfigurable() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA billing");
        }
        JdbcBillmgrStateRepository r = new JdbcBillmgrStateRepository(db);
        r.setSchema("billing");
        r.setTableName("vds_state");
        r.start();
        r.update(KEY, 1, state(1));
        r.flush();
        assertEquals("billing.vds_state", r.getTable());
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT state FROM billing.vds_state")) {
            assertTrue(rs.next());
            assertEquals(state(1).toText(), rs.getString(1));
        }
        r.stop();
    }

    @Test
    void badNamesAreRefusedBeforeAnyStatement() {
        JdbcBillmgrStateRepository r = new JdbcBillmgrStateRepository(db);
        r.setTableName("state; DROP TABLE x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::start);
        assertTrue(e.getMessage().contains("tableName 'state; DROP TABLE x' is not a plain SQL identifier"),
                e.getMessage());
        JdbcBillmgrStateRepository noDb = new JdbcBillmgrStateRepository();
        assertTrue(assertThrows(IllegalArgumentException.class, noDb::start).getMessage().contains("dataSource"));
    }

    private long rows() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM billmgr_consumer_state")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

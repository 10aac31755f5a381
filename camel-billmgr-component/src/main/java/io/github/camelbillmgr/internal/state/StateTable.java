package io.github.camelbillmgr.internal.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelbillmgr.model.BillmgrServiceState;

/**
 * The SQL of the JDBC state repository's table: one row per key and service, plain portable statements (the key's
 * lock, not the SQL, keeps two nodes from writing the same key at once).
 */
public final class StateTable {

    /** The longest state key the table takes. */
    public static final int MAX_KEY_LENGTH = 1000;

    private final String table;

    /** @param table the table, with its schema; the lock table is named after it with {@code _lock} */
    public StateTable(String table) {
        this.table = table;
    }

    /** The statements that create the state table and its lock table, {@code CREATE TABLE IF NOT EXISTS}. */
    public List<String> ddl() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + table + " (state_key VARCHAR(" + MAX_KEY_LENGTH + ") NOT NULL, "
                        + "service_id BIGINT NOT NULL, state VARCHAR(200) NOT NULL, updated_at TIMESTAMP NOT NULL, "
                        + "PRIMARY KEY (state_key, service_id))",
                "CREATE TABLE IF NOT EXISTS " + table + "_lock (state_key VARCHAR(" + MAX_KEY_LENGTH
                        + ") NOT NULL PRIMARY KEY)");
    }

    /** Every service recorded under the key. */
    public Map<Long, BillmgrServiceState> read(Connection c, String key) throws SQLException {
        Map<Long, BillmgrServiceState> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT service_id, state FROM " + table
                + " WHERE state_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), BillmgrServiceState.fromText(rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** Deletes every service of the key. */
    public void delete(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE state_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    /** How many services the key has. */
    public int count(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE state_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Every key with its number of services. */
    public Map<String, Integer> counts(Connection c) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT state_key, COUNT(*) FROM " + table + " GROUP BY state_key")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    /**
     * One key's updates in two JDBC batches: delete the rows, insert the new states (a null state only deletes).
     * Rolls back on failure when the connection is in a transaction.
     */
    public void write(Connection c, String key, Map<Long, BillmgrServiceState> states) throws SQLException {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM " + table + " WHERE state_key = ? AND service_id = ?");
                PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO " + table + " (state_key, service_id, state, updated_at) VALUES (?, ?, ?, ?)")) {
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
}

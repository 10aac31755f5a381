package io.github.camelbillmgr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * A {@link BillmgrLoginGuard} on a database table shared by the nodes, plain JDBC: one row per BILLmanager user that
 * is paused ({@code billmgr_login_pause} by default, created on start unless {@code createTable} is false; the
 * schema and table name are plain SQL identifiers of at most 63 characters). Bind one
 * in the registry of every node; the billmgr components find it there.
 *
 * <pre>
 * CREATE TABLE billmgr_login_pause (identity VARCHAR(1000) NOT NULL PRIMARY KEY, paused_until BIGINT NOT NULL,
 *     pause_millis BIGINT NOT NULL, probe_until BIGINT NOT NULL, refusals INT NOT NULL)
 * </pre>
 */
public class JdbcBillmgrLoginGuard extends JdbcTableService implements BillmgrLoginGuard {

    public JdbcBillmgrLoginGuard() {
        this(null);
    }

    public JdbcBillmgrLoginGuard(DataSource dataSource) {
        super("JdbcBillmgrLoginGuard", "billmgr_login_pause", 63, dataSource);
    }

    @Override
    public List<String> ddl() {
        return List.of("CREATE TABLE IF NOT EXISTS " + table() + " (identity VARCHAR(1000) NOT NULL PRIMARY KEY, "
                + "paused_until BIGINT NOT NULL, pause_millis BIGINT NOT NULL, probe_until BIGINT NOT NULL, "
                + "refusals INT NOT NULL)");
    }

    @Override
    protected void doStart() throws Exception {
        checkOptions();
        if (isCreateTable()) {
            try (Connection c = getDataSource().getConnection()) {
                createTables(c);
            }
        }
    }

    @Override
    protected void doStop() {
        // nothing held
    }

    @Override
    public long pausedUntil(String identity) throws SQLException {
        try (Connection c = getDataSource().getConnection();
                PreparedStatement ps
                        = c.prepareStatement("SELECT paused_until FROM " + table() + " WHERE identity = ?")) {
            ps.setString(1, identity);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public boolean claimProbe(String identity, long now, long probeMillis) throws SQLException {
        try (Connection c = getDataSource().getConnection();
                PreparedStatement ps
                        = c.prepareStatement("UPDATE " + table() + " SET probe_until = ? WHERE identity = ? "
                                + "AND paused_until <= ? AND probe_until <= ?")) {
            ps.setLong(1, now + probeMillis);
            ps.setString(2, identity);
            ps.setLong(3, now);
            ps.setLong(4, now);
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        return pausedUntil(identity) == 0; // no row: nothing to claim, nobody paused
    }

    @Override
    public long refused(String identity, long now, long firstPauseMillis, long maxPauseMillis) throws SQLException {
        for (int attempt = 0;; attempt++) {
            try (Connection c = getDataSource().getConnection()) {
                c.setAutoCommit(false);
                try {
                    long until = refused(c, identity, now, firstPauseMillis, maxPauseMillis);
                    c.commit();
                    return until;
                } catch (SQLException e) {
                    c.rollback();
                    // two nodes inserting the first refusal at once: the other row is there now, update it
                    if (attempt > 0 || e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                        throw e;
                    }
                }
            }
        }
    }

    private long refused(Connection c, String identity, long now, long first, long max) throws SQLException {
        try (PreparedStatement sel = c.prepareStatement(
                "SELECT paused_until, pause_millis FROM " + table() + " WHERE identity = ? FOR UPDATE")) {
            sel.setString(1, identity);
            try (ResultSet rs = sel.executeQuery()) {
                if (!rs.next()) {
                    try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + table()
                            + " (identity, paused_until, pause_millis, probe_until, refusals) VALUES (?, ?, ?, 0, 1)")) {
                        ins.setString(1, identity);
                        ins.setLong(2, now + first);
                        ins.setLong(3, first);
                        ins.executeUpdate();
                    }
                    return now + first;
                }
                long until = rs.getLong(1);
                if (now < until) {
                    return until; // a refusal of the round that started this pause
                }
                long pause = Math.min(rs.getLong(2) * 2, max);
                try (PreparedStatement upd = c.prepareStatement("UPDATE " + table() + " SET paused_until = ?, "
                        + "pause_millis = ?, probe_until = 0, refusals = refusals + 1 WHERE identity = ?")) {
                    upd.setLong(1, now + pause);
                    upd.setLong(2, pause);
                    upd.setString(3, identity);
                    upd.executeUpdate();
                }
                return now + pause;
            }
        }
    }

    @Override
    public void accepted(String identity) throws SQLException {
        try (Connection c = getDataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM " + table() + " WHERE identity = ?")) {
            ps.setString(1, identity);
            ps.executeUpdate();
        }
    }
}

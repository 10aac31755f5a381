package io.github.camelbillmgr.examples.cluster;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import javax.sql.DataSource;

/**
 * What the nodes did, in two tables of the shared database: each change a node handled ({@code cluster_events}) and
 * each leadership change a node saw ({@code cluster_leaders}). The demo prints them; the failover test checks them.
 * Each row is committed on its own, as a real side effect (an e-mail, a message) would happen at once.
 */
public class ClusterJournal {

    private final DataSource db;
    private final String node;
    private Connection events;

    public ClusterJournal(DataSource db, String node) {
        this.db = db;
        this.node = node;
    }

    public void createTables() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE IF NOT EXISTS cluster_events (seq BIGSERIAL PRIMARY KEY, node VARCHAR(50) NOT NULL, "
                            + "service_id BIGINT NOT NULL, change VARCHAR(200) NOT NULL, status VARCHAR(20), expire_date DATE, "
                            + "at TIMESTAMP NOT NULL DEFAULT now())");
            s.execute(
                    "CREATE TABLE IF NOT EXISTS cluster_leaders (seq BIGSERIAL PRIMARY KEY, node VARCHAR(50) NOT NULL, "
                            + "leader VARCHAR(50) NOT NULL, at TIMESTAMP NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            // two nodes starting together: one CREATE TABLE IF NOT EXISTS may lose the race on PostgreSQL's catalog
            if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** One connection for the events, kept open (the example has no pool): a new one per event costs more. */
    synchronized void emitted(long serviceId, String change, String status, LocalDate expireDate) throws SQLException {
        if (events == null || events.isClosed()) {
            events = db.getConnection();
        }
        try (PreparedStatement ps = events.prepareStatement(
                "INSERT INTO cluster_events (node, service_id, change, status, expire_date) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, node);
            ps.setLong(2, serviceId);
            ps.setString(3, change);
            ps.setString(4, status);
            ps.setDate(5, expireDate == null ? null : Date.valueOf(expireDate));
            ps.executeUpdate();
        } catch (SQLException e) {
            events.close(); // the next event opens a new connection
            throw e;
        }
    }

    void leadership(String leader) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_leaders (node, leader) VALUES (?, ?)")) {
            ps.setString(1, node);
            ps.setString(2, leader);
            ps.executeUpdate();
        } catch (SQLException e) {
            System.out.println("[" + node + "] could not journal the leadership: " + e.getMessage());
        }
    }
}

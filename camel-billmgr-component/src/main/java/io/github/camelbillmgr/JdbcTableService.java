package io.github.camelbillmgr;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.apache.camel.support.service.ServiceSupport;

/**
 * What the JDBC classes share ({@link JdbcBillmgrStateRepository}, {@link JdbcBillmgrLoginGuard}): the options that
 * name their table (data source, schema, table name, whether to create it), the checks of those options when the
 * service starts, and the creation of the tables. Package-private: its public getters and setters are the public
 * classes' own options.
 */
abstract class JdbcTableService extends ServiceSupport {

    private final String owner;
    private final int maxNameLength;
    private final Pattern identifier;
    private DataSource dataSource;
    private String schema;
    private String tableName;
    private boolean createTable = true;

    /**
     * @param owner           the public class, for messages
     * @param defaultTable    the table name unless set
     * @param maxNameLength   the longest table or schema name the class can use (it may add a suffix)
     */
    JdbcTableService(String owner, String defaultTable, int maxNameLength, DataSource dataSource) {
        this.owner = owner;
        this.tableName = defaultTable;
        this.maxNameLength = maxNameLength;
        this.identifier = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0," + (maxNameLength - 1) + "}");
        this.dataSource = dataSource;
    }

    /** The statements that create the tables, {@code CREATE TABLE IF NOT EXISTS}, for the configured names. */
    public abstract List<String> ddl();

    /** Creates the tables unless {@link #setCreateTable createTable} is false. */
    final void createTables(Connection connection) throws SQLException {
        if (createTable) {
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                for (String ddl : ddl()) {
                    s.execute(ddl);
                }
            }
        }
    }

    /** Refuses a missing data source and a table or schema name that is not a plain SQL identifier. */
    final void checkOptions() {
        if (dataSource == null) {
            throw new IllegalArgumentException(owner + ": dataSource is not set");
        }
        checkIdentifier("schema", schema, true);
        checkIdentifier("tableName", tableName, false);
    }

    private void checkIdentifier(String option, String value, boolean optional) {
        if (value == null || value.isEmpty()) {
            if (optional) {
                return;
            }
            throw new IllegalArgumentException(owner + ": " + option + " must be set");
        }
        if (!identifier.matcher(value).matches()) {
            // the name goes into SQL text: only a plain identifier is safe there
            throw new IllegalArgumentException(owner + ": " + option + " '" + value
                    + "' is not a plain SQL identifier (letters, digits and _, not starting with a digit, at most "
                    + maxNameLength + " characters)");
        }
    }

    /** The table, with its schema. */
    final String table() {
        return schema == null || schema.isEmpty() ? tableName : schema + "." + tableName;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database, shared by the nodes; required. A pooled DataSource is best. */
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

    /** The table; its default is named in the class's description. */
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
}

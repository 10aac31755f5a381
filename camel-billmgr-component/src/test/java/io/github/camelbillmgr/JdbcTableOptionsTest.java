package io.github.camelbillmgr;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table options the JDBC classes share (in a package-private base class): still set by Camel's property binding,
 * as a bean in YAML, XML or Spring Boot is, and still checked when the service starts. The database itself is tested
 * in itests/cluster, on PostgreSQL.
 */
class JdbcTableOptionsTest {

    /** A data source no test may connect to: the checks run before any connection. */
    private static final DataSource NO_DATABASE = (DataSource) Proxy.newProxyInstance(
            JdbcTableOptionsTest.class.getClassLoader(), new Class<?>[] { DataSource.class }, (p, m, a) -> {
                switch (m.getName()) {
                    case "toString" :
                        return "no database";
                    case "hashCode" :
                        return 0;
                    case "equals" :
                        return p == a[0];
                    default :
                        throw new AssertionError("used the database: " + m.getName());
                }
            });

    @Test
    void camelsPropertyBindingSetsTheSharedOptions() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("db", NO_DATABASE);
            for (JdbcTableService bean : new JdbcTableService[] { new JdbcBillmgrLoginGuard(),
                    new JdbcBillmgrStateRepository() }) {
                Map<String, Object> options = new LinkedHashMap<>(Map.of("dataSource", "#db", "schema", "billing",
                        "tableName", "pauses", "createTable", "false"));
                PropertyBindingSupport.build().withMandatory(true).bind(context, bean, options);
                assertSame(NO_DATABASE, bean.getDataSource(), bean.getClass().getSimpleName());
                assertEquals("billing", bean.getSchema());
                assertEquals("pauses", bean.getTableName());
                assertFalse(bean.isCreateTable());
                assertEquals("billing.pauses", bean.table());
            }
        }
    }

    @Test
    void eachClassKeepsItsDefaultTable() {
        assertEquals("billmgr_login_pause", new JdbcBillmgrLoginGuard().getTableName());
        assertEquals("billmgr_consumer_state", new JdbcBillmgrStateRepository().getTableName());
        assertTrue(new JdbcBillmgrStateRepository().ddl().get(1)
                .startsWith("CREATE TABLE IF NOT EXISTS billmgr_consumer_state_lock "));
    }

    @Test
    void startRefusesNamesThatAreNotPlainIdentifiers() {
        JdbcBillmgrLoginGuard guard = new JdbcBillmgrLoginGuard(NO_DATABASE);
        guard.setTableName("pause; DROP TABLE x");
        Exception e = assertThrows(Exception.class, guard::start);
        assertTrue(messages(e).contains("JdbcBillmgrLoginGuard: tableName 'pause; DROP TABLE x' is not a plain SQL "
                + "identifier"), messages(e));

        JdbcBillmgrStateRepository state = new JdbcBillmgrStateRepository(NO_DATABASE);
        state.setSchema("a".repeat(59)); // the lock table adds _lock: 58 is the longest name
        e = assertThrows(Exception.class, state::start);
        assertTrue(messages(e).contains("at most 58 characters"), messages(e));

        JdbcBillmgrStateRepository none = new JdbcBillmgrStateRepository();
        e = assertThrows(Exception.class, none::start);
        assertTrue(messages(e).contains("JdbcBillmgrStateRepository: dataSource is not set"), messages(e));
    }

    @Test
    void theRepositoryMustBeStartedBeforeAPollLoads() {
        JdbcBillmgrStateRepository r = new JdbcBillmgrStateRepository(NO_DATABASE);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.load("key"));
        assertTrue(e.getMessage().contains("is not started"), e.getMessage());
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }
}

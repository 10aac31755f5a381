package io.github.camelbillmgr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.camelbillmgr.model.BillmgrServiceState;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer's state key (one per BILLmanager, user, list and filter set, whatever the order of the filters) and
 * clearing the state of a key no route uses any more, in each repository.
 */
class StateRepositoryTest extends BillmgrTestSupport {

    private static final BillmgrServiceState ACTIVE = new BillmgrServiceState(BillmgrServiceStatus.ACTIVE,
            LocalDate.of(2030, 1, 1), null, null);

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private String key(String uri) {
        return context.getEndpoint(uri, BillmgrEndpoint.class).getStateKey();
    }

    @Test
    void theStateKeyDoesNotDependOnTheOrderOfTheFilters() {
        String key = key("billmgr:vds/list?emit=changes&filter.pricelist=6&filter.datacenter=1&status=active");
        assertEquals(key, key("billmgr:vds/list?status=active&filter.datacenter=1&emit=changes&filter.pricelist=6"));

        // set as a map, e.g. from a bean or a DSL that does not go through the URI
        BillmgrEndpoint set = context.getEndpoint("billmgr:vds/list?emit=changes&status=active", BillmgrEndpoint.class);
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("pricelist", "6");
        reversed.put("datacenter", "1");
        set.getConfiguration().setFilters(reversed);
        assertEquals(key, set.getStateKey());

        assertNotEquals(key, key("billmgr:vds/list?filter.pricelist=7&filter.datacenter=1&status=active"),
                "another filter value, another state");
        assertNotEquals(key, key("billmgr:vds/list?filter.pricelist=6&status=active"),
                "one filter less, another state");
        assertFalse(key.contains(BillmgrSimulator.CLIENT_PASSWORD), "never the password: " + key);
    }

    @Test
    void clearForgetsOneKeyInMemory() throws Exception {
        assertClearForgetsOneKey(new MemoryBillmgrStateRepository());
    }

    @Test
    void clearForgetsOneKeyInTheFileAlsoAfterARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.properties");
        assertClearForgetsOneKey(new FileBillmgrStateRepository(file));
        FileBillmgrStateRepository restarted = new FileBillmgrStateRepository(file);
        assertEquals(Map.of(), restarted.load("old"));
        assertEquals(Set.of(3L), restarted.load("kept").keySet());
        assertFalse(Files.readString(file).contains("old#"), Files.readString(file));
    }

    @Test
    void clearOfAnImplementationThatDoesNotOverrideItForgetsOneByOne() throws Exception {
        MemoryBillmgrStateRepository store = new MemoryBillmgrStateRepository();
        int[] flushes = { 0 };
        // only the three methods a custom repository must write: clear() is the interface's default
        BillmgrStateRepository custom = new BillmgrStateRepository() {
            @Override
            public Map<Long, BillmgrServiceState> load(String key) {
                return store.load(key);
            }

            @Override
            public void update(String key, long serviceId, BillmgrServiceState state) {
                store.update(key, serviceId, state);
            }

            @Override
            public void flush() {
                flushes[0]++;
            }
        };
        assertClearForgetsOneKey(custom);
        assertTrue(flushes[0] >= 1, "clear() writes out what it forgot");
    }

    private static void assertClearForgetsOneKey(BillmgrStateRepository repository) throws Exception {
        repository.update("old", 1, ACTIVE);
        repository.update("old", 2, ACTIVE);
        repository.update("kept", 3, ACTIVE);
        repository.flush();

        repository.clear("old");
        assertEquals(Map.of(), repository.load("old"));
        assertEquals(Map.of(3L, ACTIVE), repository.load("kept"));
        repository.clear("never used");
        assertEquals(Map.of(3L, ACTIVE), repository.load("kept"));
    }
}

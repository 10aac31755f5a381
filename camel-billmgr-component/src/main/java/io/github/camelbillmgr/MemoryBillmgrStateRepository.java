package io.github.camelbillmgr;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelbillmgr.model.BillmgrServiceState;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Keeps the consumer's state in memory: a restart emits every service again as {@code created}. A Camel service only
 * so that the consumer can show it in JMX, like Camel's own state repositories.
 */
@ManagedResource(description = "BILLmanager consumer state in memory")
public class MemoryBillmgrStateRepository extends ServiceSupport implements BillmgrStateRepository {

    private final Map<String, Map<Long, BillmgrServiceState>> states = new ConcurrentHashMap<>();

    @Override
    public Map<Long, BillmgrServiceState> load(String key) {
        return new HashMap<>(states.getOrDefault(key, Map.of()));
    }

    @Override
    public void update(String key, long serviceId, BillmgrServiceState state) {
        Map<Long, BillmgrServiceState> m = states.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        if (state == null) {
            m.remove(serviceId);
        } else {
            m.put(serviceId, state);
        }
    }

    @Override
    public void clear(String key) {
        states.remove(key);
    }

    @Override
    @ManagedOperation(description = "Number of services remembered for a state key")
    public int size(String key) {
        return states.getOrDefault(key, Map.of()).size();
    }

    @ManagedAttribute(description = "Every state key with its number of remembered services")
    public Map<String, Integer> getSizes() {
        Map<String, Integer> sizes = new TreeMap<>();
        states.forEach((key, services) -> sizes.put(key, services.size()));
        return sizes;
    }

    @ManagedOperation(description = "Forgets every service of a state key: its consumer emits them all as created "
            + "at its next poll")
    public void clearKey(String key) {
        clear(key);
    }
}

package io.github.camelbillmgr;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelbillmgr.model.BillmgrServiceState;

/** Keeps the consumer's state in memory: a restart emits every service again as {@code created}. */
public class MemoryBillmgrStateRepository implements BillmgrStateRepository {

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
}

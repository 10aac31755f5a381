package io.github.camelbillmgr.internal.state;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelbillmgr.model.BillmgrServiceState;

/**
 * The JDBC state repository's updates that are queued and not yet written, by key then service id; a null state
 * forgets the service. Thread-safe: the completions of a batch's exchanges add to it while a flush takes from it.
 */
public final class PendingStates {

    private final Map<String, Map<Long, BillmgrServiceState>> pending = new LinkedHashMap<>();
    private int count;

    /** Queues one update (replacing a queued one of the same service); returns how many are queued now. */
    public synchronized int add(String key, long serviceId, BillmgrServiceState state) {
        Map<Long, BillmgrServiceState> forKey = pending.computeIfAbsent(key, k -> new LinkedHashMap<>());
        if (!forKey.containsKey(serviceId)) {
            count++;
        }
        forKey.put(serviceId, state);
        return count;
    }

    /** Applies the key's queued updates to states read from the table: they are newer. */
    public synchronized void applyTo(String key, Map<Long, BillmgrServiceState> states) {
        Map<Long, BillmgrServiceState> mine = pending.get(key);
        if (mine != null) {
            mine.forEach((id, state) -> {
                if (state == null) {
                    states.remove(id);
                } else {
                    states.put(id, state);
                }
            });
        }
    }

    /** Drops the key's queued updates. */
    public synchronized void drop(String key) {
        Map<Long, BillmgrServiceState> dropped = pending.remove(key);
        count -= dropped == null ? 0 : dropped.size();
    }

    public synchronized int count() {
        return count;
    }

    /**
     * Takes every queued update, by key, if there are at least {@code atLeast}; else takes nothing and returns null.
     */
    public synchronized Map<String, Map<Long, BillmgrServiceState>> take(int atLeast) {
        if (count == 0 || count < atLeast) {
            return null;
        }
        Map<String, Map<Long, BillmgrServiceState>> taken = new LinkedHashMap<>(pending);
        pending.clear();
        count = 0;
        return taken;
    }

    /** Puts back what could not be written, under the updates queued since (which are newer). */
    public synchronized void requeue(Map<String, Map<Long, BillmgrServiceState>> unwritten) {
        unwritten.forEach((key, states) -> {
            Map<Long, BillmgrServiceState> forKey = pending.computeIfAbsent(key, k -> new LinkedHashMap<>());
            states.forEach((id, state) -> {
                if (!forKey.containsKey(id)) {
                    forKey.put(id, state);
                    count++;
                }
            });
        });
    }
}

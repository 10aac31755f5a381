package io.github.camelbillmgr.simulator.engine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Filters saved by {@code ITEMTYPE.filter&sok=ok}, keyed by scope (session or user) and item type. */
public final class StoredFilters {

    private final Map<String, Map<String, String>> filters = new HashMap<>();

    public Map<String, String> get(String scopeKey, String itemType) {
        return filters.getOrDefault(scopeKey + "|" + itemType, Map.of());
    }

    public void put(String scopeKey, String itemType, Map<String, String> filter) {
        if (filter.isEmpty()) {
            filters.remove(scopeKey + "|" + itemType);
        } else {
            filters.put(scopeKey + "|" + itemType, new LinkedHashMap<>(filter));
        }
    }

    public void clear() {
        filters.clear();
    }
}

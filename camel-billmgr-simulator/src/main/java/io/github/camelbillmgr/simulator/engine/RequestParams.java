package io.github.camelbillmgr.simulator.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelbillmgr.simulator.settings.SimSettings.RepeatedParam;

/** Query and body parameters merged in arrival order; a repeated name resolves per the setting. */
public final class RequestParams {

    private final Map<String, List<String>> values;
    private final RepeatedParam repeated;

    public RequestParams(Map<String, List<String>> values, RepeatedParam repeated) {
        this.values = values;
        this.repeated = repeated;
    }

    /** The winning value of a parameter, or null when absent; may be empty. */
    public String get(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) {
            return null;
        }
        return repeated == RepeatedParam.FIRST ? list.get(0) : list.get(list.size() - 1);
    }

    /** The winning value trimmed, or null when absent or blank. */
    public String opt(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public boolean has(String name) {
        return opt(name) != null;
    }

    public boolean isOn(String name) {
        String value = opt(name);
        return value != null && (value.equalsIgnoreCase("on") || value.equalsIgnoreCase("yes")
                || value.equalsIgnoreCase("ok") || value.equalsIgnoreCase("true"));
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }
}

package io.github.camelbillmgr.simulator.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the simulator received it, recorded before it was processed.
 *
 * @param params  query and body parameters merged, in arrival order (query first)
 * @param headers header names in lower case
 */
public record RecordedRequest(Instant receivedAt, String method, String path, String rawQuery, String contentType,
                              Map<String, List<String>> params, Map<String, List<String>> headers,
                              String remoteAddress) {

    public RecordedRequest {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The {@code func} parameter (its last value), or null. */
    public String func() {
        return param("func");
    }

    /** The last value of a parameter, or null. */
    public String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Omits parameter values: they may hold passwords, {@code authinfo} or session ids. */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + " func=" + func() + " params=" + params.keySet() + "]";
    }
}

package io.github.camelbillmgr.simulator.engine;

import java.util.List;
import java.util.Map;

/** What the HTTP layer hands to the engine: merged parameters, headers (lower-case names), caller. */
public record ApiRequest(Map<String, List<String>> params, Map<String, List<String>> headers, String remoteIp) {

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

package io.github.camelbillmgr.simulator.control;

import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.simulator.seed.SeedJson;

/**
 * One request to the control plane.
 *
 * @param method the HTTP method, upper case
 * @param id     the path segment after the resource name ({@code USER} of {@code /__sim/accounts/USER}), or null
 * @param body   the JSON body, an empty object when there is none
 * @param query  the raw query string, or null
 */
record ControlRequest(String method, String id, JsonNode body, String query) {

    /** Runs {@code action} when the method is {@code allowed}; else 405. */
    JsonNode only(String allowed, Supplier<JsonNode> action) {
        if (!method.equals(allowed)) {
            throw notAllowed(allowed);
        }
        return action.get();
    }

    ControlRefusal notAllowed(String allowed) {
        return ControlRefusal.notAllowed(method, allowed);
    }

    /** The body, which must be a JSON object. */
    JsonNode object() {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return body;
    }

    /** The body, a JSON object, read as one of the seed's records (strictly: unknown fields are refused). */
    <T> T read(Class<T> type) {
        try {
            return SeedJson.mapper().treeToValue(object(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }
}

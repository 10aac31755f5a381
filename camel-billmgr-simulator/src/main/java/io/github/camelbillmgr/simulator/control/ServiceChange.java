package io.github.camelbillmgr.simulator.control;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.simulator.model.SimService;

/**
 * The fields of a service the control plane may change ({@code POST /__sim/services/ID}), checked before any is
 * applied.
 */
record ServiceChange(JsonNode body) {

    private static final Set<String> FIELDS = Set.of("status", "expireDate", "autoprolong", "remoteId", "domain",
            "ip", "comment", "licname", "owner");

    static ServiceChange of(JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("a service's " + name + " cannot be changed; allowed: "
                        + String.join(", ", new TreeSet<>(FIELDS)));
            }
        }
        JsonNode status = body.get("status");
        if (status != null && !Set.of(1, 2, 3, 4, 5).contains(status.asInt(-1))) {
            throw new IllegalArgumentException("status must be 1, 2, 3, 4 or 5, not " + status);
        }
        if (body.hasNonNull("expireDate")) {
            try {
                LocalDate.parse(body.get("expireDate").asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expireDate must be YYYY-MM-DD, not "
                        + body.get("expireDate").asText());
            }
        }
        return new ServiceChange(body);
    }

    void applyTo(SimService.Builder b) {
        if (body.has("status")) {
            b.status(body.get("status").asInt());
        }
        if (body.has("expireDate")) {
            b.expireDate(body.hasNonNull("expireDate") ? LocalDate.parse(body.get("expireDate").asText()) : null);
        }
        if (body.has("autoprolong")) {
            b.autoprolong(body.hasNonNull("autoprolong") ? body.get("autoprolong").asInt() : null);
        }
        if (body.has("remoteId")) {
            b.remoteId(text(body, "remoteId"));
        }
        if (body.has("domain")) {
            b.domain(text(body, "domain"));
        }
        if (body.has("ip")) {
            b.ip(text(body, "ip"));
        }
        if (body.has("comment")) {
            b.comment(text(body, "comment"));
        }
        if (body.has("licname")) {
            b.licname(text(body, "licname"));
        }
        if (body.hasNonNull("owner")) {
            b.owner(body.get("owner").asText());
        }
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }
}

package io.github.camelbillmgr.simulator.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.clock.SimClock;
import io.github.camelbillmgr.simulator.settings.SettingsProperties;

/**
 * {@code GET|POST /__sim/clock}: the simulator's time; move it ({@code {"advance": "1h"}}, {@code {"set": INSTANT}},
 * {@code {"ticking": bool}}, {@code {"reset": true}}, applied in that order: reset, set, advance, ticking).
 */
final class ClockResource implements ControlResource {

    private final BillmgrSimulator simulator;

    ClockResource(BillmgrSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public JsonNode handle(ControlRequest request) {
        return switch (request.method()) {
            case "GET" -> ControlViews.clock(simulator.clock());
            case "POST" -> move(request.object());
            default -> throw request.notAllowed("GET, POST");
        };
    }

    private JsonNode move(JsonNode body) {
        SimClock clock = simulator.clock();
        if (body.path("reset").asBoolean(false)) {
            clock.reset();
        }
        if (body.hasNonNull("set")) {
            String text = body.get("set").asText();
            try {
                clock.set(text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(text));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("set must be an instant such as 2025-01-15T10:00:00Z or a date, not "
                        + text);
            }
        }
        if (body.hasNonNull("advance")) {
            String text = body.get("advance").asText();
            Duration duration = SettingsProperties.parseDuration(text)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "advance must be a duration such as 90s, 61m, 1h, 30d or PT1H, not " + text));
            clock.advance(duration);
        }
        if (body.has("ticking")) {
            clock.setTicking(body.get("ticking").asBoolean());
        }
        return ControlViews.clock(clock);
    }
}

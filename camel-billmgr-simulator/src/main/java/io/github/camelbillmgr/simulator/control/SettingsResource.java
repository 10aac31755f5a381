package io.github.camelbillmgr.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.settings.SettingsProperties;
import io.github.camelbillmgr.simulator.settings.SimProfile;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/** {@code GET|POST /__sim/settings}: every setting; change some ({@code {"name": value}}, and {@code "profile"}). */
final class SettingsResource implements ControlResource {

    private final BillmgrSimulator simulator;

    SettingsResource(BillmgrSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public JsonNode handle(ControlRequest request) {
        return switch (request.method()) {
            case "GET" -> SettingsProperties.toJson(simulator.settings());
            case "POST", "PUT", "PATCH" -> change(request.object());
            default -> throw request.notAllowed("GET, POST");
        };
    }

    private JsonNode change(JsonNode body) {
        ObjectNode values = ((ObjectNode) body).deepCopy();
        JsonNode profile = values.remove("profile");
        // checked on a copy first, so that a bad value changes nothing
        SimSettings scratch = simulator.settings().copy();
        if (profile != null) {
            SimProfile.of(profile.asText()).apply(scratch);
        }
        SettingsProperties.apply(scratch, values);
        simulator.settings().copyFrom(scratch);
        return SettingsProperties.toJson(simulator.settings());
    }
}

package io.github.camelbillmgr.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One resource under {@code /__sim/} ({@code accounts}, {@code clock}, ...): answers a request to it with JSON, or
 * throws {@link ControlRefusal} (its status), {@link IllegalArgumentException} or {@link IllegalStateException}
 * (400).
 */
@FunctionalInterface
interface ControlResource {

    JsonNode handle(ControlRequest request);
}

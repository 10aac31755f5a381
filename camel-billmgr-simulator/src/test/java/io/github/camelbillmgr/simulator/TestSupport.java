package io.github.camelbillmgr.simulator;

import java.time.Instant;
import java.time.LocalDate;

import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/** Shared fixtures: a fixed clock start so dates are predictable. */
final class TestSupport {

    static final Instant START = Instant.parse("2025-01-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2025, 1, 15);

    private TestSupport() {
    }

    static SimSettings settings() {
        return new SimSettings().setClockStart(START);
    }

    static SimService activeVds(BillmgrSimulator sim, String owner) {
        return sim.state().addService(SimService.builder("vds", owner).pricelistId(6));
    }
}

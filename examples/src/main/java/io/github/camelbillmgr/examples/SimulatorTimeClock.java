package io.github.camelbillmgr.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.github.camelbillmgr.simulator.BillmgrSimulator;

/**
 * A {@link Clock} that reads the BILLmanager simulator's clock at every call, so that "today" of the billmgr
 * consumer's {@code expiringWithinDays} (its {@code clock} option) is the simulator's today: moving the simulator's
 * clock ({@code simulator.clock().advanceDays(20)}) moves it too. Against a real BILLmanager use the system clock
 * (the default when no {@code clock} is given).
 */
public final class SimulatorTimeClock extends Clock {

    private final BillmgrSimulator simulator;
    private final ZoneId zone;

    public SimulatorTimeClock(BillmgrSimulator simulator) {
        this(simulator, ZoneOffset.UTC);
    }

    private SimulatorTimeClock(BillmgrSimulator simulator, ZoneId zone) {
        this.simulator = simulator;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return simulator.clock().now();
    }

    /** UTC, the simulator's zone (its {@code today()} is in UTC). */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SimulatorTimeClock(simulator, zone);
    }

    @Override
    public String toString() {
        return "SimulatorTimeClock[" + simulator.getBaseUrl() + ", " + zone + "]";
    }
}

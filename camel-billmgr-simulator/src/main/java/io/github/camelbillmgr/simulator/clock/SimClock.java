package io.github.camelbillmgr.simulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The simulator's own time. Frozen by default so that tests decide when sessions expire, when
 * login blocks end and which dates orders get; {@link #setTicking(boolean)} makes it follow real
 * time from wherever it stands (the standalone main does that). Dates are in UTC.
 */
public final class SimClock {

    private final Instant start;
    private Instant anchor;
    private long anchorNanos;
    private boolean ticking;

    public SimClock(Instant start, boolean ticking) {
        this.start = start.truncatedTo(ChronoUnit.SECONDS);
        this.ticking = ticking;
        set(this.start);
    }

    public synchronized Instant now() {
        if (!ticking) {
            return anchor;
        }
        return anchor.plusNanos(System.nanoTime() - anchorNanos);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    public LocalDateTime localNow() {
        return LocalDateTime.ofInstant(now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    public synchronized SimClock advance(Duration duration) {
        set(now().plus(duration));
        return this;
    }

    public SimClock advanceDays(int days) {
        return advance(Duration.ofDays(days));
    }

    public synchronized SimClock set(Instant instant) {
        anchor = instant;
        anchorNanos = System.nanoTime();
        return this;
    }

    public synchronized SimClock setTicking(boolean tick) {
        Instant current = now();
        ticking = tick;
        set(current);
        return this;
    }

    public synchronized boolean isTicking() {
        return ticking;
    }

    /** Back to the instant the simulator started with. */
    public synchronized void reset() {
        set(start);
    }
}

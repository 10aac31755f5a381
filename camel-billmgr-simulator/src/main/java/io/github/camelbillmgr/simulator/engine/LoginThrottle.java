package io.github.camelbillmgr.simulator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts failed logins per user name. Reaching the threshold within the window blocks the name;
 * while blocked every attempt, right or wrong, gets {@code blocklogon}.
 */
public final class LoginThrottle {

    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Map<String, Instant> blockedUntil = new HashMap<>();

    public boolean isBlocked(String user, Instant now) {
        Instant until = blockedUntil.get(user);
        if (until == null) {
            return false;
        }
        if (!now.isBefore(until)) {
            blockedUntil.remove(user);
            return false;
        }
        return true;
    }

    public void recordFailure(String user, Instant now, int threshold, Duration window, Duration block) {
        Deque<Instant> times = failures.computeIfAbsent(user, k -> new ArrayDeque<>());
        times.addLast(now);
        while (!times.isEmpty() && times.peekFirst().plus(window).isBefore(now)) {
            times.removeFirst();
        }
        if (threshold > 0 && times.size() >= threshold) {
            blockedUntil.put(user, now.plus(block));
            times.clear();
        }
    }

    /** Blocks a name until {@code until}, as reaching the threshold would. */
    public void block(String user, Instant until) {
        blockedUntil.put(user, until);
        failures.remove(user);
    }

    public void recordSuccess(String user) {
        failures.remove(user);
    }

    public void clear() {
        failures.clear();
        blockedUntil.clear();
    }
}

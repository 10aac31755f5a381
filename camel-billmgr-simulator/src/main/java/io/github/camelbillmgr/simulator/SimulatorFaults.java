package io.github.camelbillmgr.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Failure injection: "fail the next N calls of func X with ...". A rule with func {@code null}
 * or {@code "*"} matches every call. Rules are consumed in the order they were added; a failure
 * is applied before authentication, so it hits even calls that would have been refused.
 */
public final class SimulatorFaults {

    /** What an injected fault does. */
    public enum Kind { ERROR, HTTP_STATUS, DELAY }

    /**
     * One injected fault.
     *
     * @param errorType  for ERROR: the {@code error type}
     * @param object     for ERROR: the {@code error object}, may be null
     * @param message    for ERROR: the {@code msg}, may be null
     * @param httpStatus for HTTP_STATUS: e.g. 403, 460, 301 (301 carries a Location header), 502
     * @param delay      for DELAY: how long the server sleeps before answering normally
     */
    public record Fault(Kind kind, String func, String errorType, String object, String message, int httpStatus,
                        Duration delay) {
    }

    private static final class Rule {
        private final Fault fault;
        private int remaining;

        private Rule(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /** The next {@code times} calls of {@code func} get an error document of this type and object. */
    public SimulatorFaults failNext(String func, int times, String errorType, String object) {
        return failNext(func, times, errorType, object, null);
    }

    public SimulatorFaults failNext(String func, int times, String errorType, String object, String message) {
        return add(new Fault(Kind.ERROR, func, errorType, object, message, 0, null), times);
    }

    /** The next {@code times} calls of {@code func} get this HTTP status with an HTML body. */
    public SimulatorFaults httpStatusNext(String func, int times, int status) {
        return add(new Fault(Kind.HTTP_STATUS, func, null, null, null, status, null), times);
    }

    /** The next {@code times} calls of {@code func} are answered normally, but only after {@code delay}. */
    public SimulatorFaults delayNext(String func, int times, Duration delay) {
        return add(new Fault(Kind.DELAY, func, null, null, null, 0, delay), times);
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized int pending() {
        return rules.stream().mapToInt(rule -> rule.remaining).sum();
    }

    /** Consumes and returns the first matching fault of one of the given kinds; used by the server. */
    public synchronized Optional<Fault> take(String func, Kind... kinds) {
        Iterator<Rule> it = rules.iterator();
        while (it.hasNext()) {
            Rule rule = it.next();
            if (!matches(rule.fault, func) || !List.of(kinds).contains(rule.fault.kind())) {
                continue;
            }
            rule.remaining--;
            if (rule.remaining <= 0) {
                it.remove();
            }
            return Optional.of(rule.fault);
        }
        return Optional.empty();
    }

    private synchronized SimulatorFaults add(Fault fault, int times) {
        if (times > 0) {
            rules.add(new Rule(fault, times));
        }
        return this;
    }

    private static boolean matches(Fault fault, String func) {
        return fault.func() == null || "*".equals(fault.func()) || fault.func().equals(func);
    }
}

package io.github.camelbillmgr.simulator.fault;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Fault injection, per function and deterministic. Four kinds of rules:
 * <ul>
 *   <li><b>next N calls</b> ({@link #injectNext}, {@link #failNext}, {@link #httpStatusNext},
 *       {@link #delayNext}): the next {@code times} calls of a function get a fault;</li>
 *   <li><b>scripts</b> ({@link #script}): the next calls of a function get the listed faults,
 *       one each, {@link Fault#none()} letting one through;</li>
 *   <li><b>random</b> ({@link #randomly}): every call of a function is hit with a probability,
 *       drawn from a seeded generator, so a test run repeats exactly;</li>
 *   <li><b>latency</b> ({@link #latency}): every call of a function waits, until cleared.</li>
 * </ul>
 * A function of {@code null} or {@code "*"} matches every call; a {@code *} inside a name is a
 * glob ({@code "*.order.param"}). For each call, latency and the first matching next-N delay
 * rule ({@link #delayNext}) add their waits; then the other next-N rules and the scripts, and
 * after them the random rules, are asked in the order they were added, and the first that takes
 * the call decides its fault. A fault applies before authentication, so it hits even calls that would be refused.
 * {@link #clear()} (and {@code BillmgrSimulator.reset()}) removes every rule and the counts.
 */
public final class SimFaults {

    private static final System.Logger LOG = System.getLogger(SimFaults.class.getName());
    private static final Decision NOTHING = new Decision(Duration.ZERO, Fault.none());

    /**
     * What the server does to one call: pause, then apply the fault ({@link Fault#none()}: answer
     * normally). Produced by {@link #decide(String)}.
     */
    public record Decision(Duration pause, Fault fault) {
    }

    /** Next-N rules and scripts, in the order they were added. */
    private final List<FaultRule> explicit = new ArrayList<>();
    private final List<FaultRule.Randomly> random = new ArrayList<>();
    /** Persistent latency by function pattern; an exact name wins over a pattern. */
    private final Map<String, Latency> latencies = new LinkedHashMap<>();
    private final Map<FaultKind, Long> injected = new EnumMap<>(FaultKind.class);
    /** The same counts by the fault's text form, which tells e.g. a 502 before the commit from one after it. */
    private final Map<String, Long> injectedFaults = new TreeMap<>();

    private record Latency(FuncPattern pattern, Duration duration) {
    }

    // ---- next N calls -------------------------------------------------------------------------

    /** The next {@code times} calls of {@code func} get this fault. */
    public synchronized SimFaults injectNext(String func, int times, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (times > 0) {
            explicit.add(new FaultRule.Counted(FuncPattern.of(func), fault, times));
        }
        return this;
    }

    /** The next {@code times} calls of {@code func} get an error document of this type and object. */
    public SimFaults failNext(String func, int times, String errorType, String object) {
        return failNext(func, times, errorType, object, null);
    }

    /** The next {@code times} calls of {@code func} get an error document; object and message may be null. */
    public SimFaults failNext(String func, int times, String errorType, String object, String message) {
        return injectNext(func, times, Fault.error(errorType, object, message));
    }

    /** The next {@code times} calls of {@code func} get this HTTP status with an HTML body, unexecuted. */
    public SimFaults httpStatusNext(String func, int times, int status) {
        return injectNext(func, times, Fault.httpStatus(status));
    }

    /**
     * The next {@code times} calls of {@code func} are answered only after {@code delay}. Unlike
     * other faults, this wait adds to whatever else the call gets (a {@code failNext} on the same
     * call then fails it late).
     */
    public SimFaults delayNext(String func, int times, Duration delay) {
        return injectNext(func, times, Fault.delay(delay));
    }

    // ---- scripts, random, latency ---------------------------------------------------------------

    /**
     * The next calls of {@code func} get these faults in order, one per call; {@link Fault#none()}
     * lets a call through. E.g. {@code script("vds", Fault.none(), Fault.dropAfterCommit())}: the
     * first call is answered, the second executed and dropped.
     */
    public SimFaults script(String func, Fault... faults) {
        return script(func, Arrays.asList(faults));
    }

    public synchronized SimFaults script(String func, List<Fault> faults) {
        faults.forEach(fault -> Objects.requireNonNull(fault, "fault"));
        if (!faults.isEmpty()) {
            explicit.add(new FaultRule.Scripted(FuncPattern.of(func), faults));
        }
        return this;
    }

    /**
     * Until cleared, each call of {@code func} is hit with probability {@code rate} (0 to 1) by
     * one of {@code faults}, chosen evenly. The draws come from {@code new Random(seed)}: the
     * n-th call this rule sees gets the same outcome in every run with the same seed (with
     * concurrent callers, which request is the n-th depends on their arrival order).
     */
    public synchronized SimFaults randomly(String func, double rate, long seed, Fault... faults) {
        random.add(new FaultRule.Randomly(FuncPattern.of(func), rate, seed, Arrays.asList(faults)));
        return this;
    }

    /** As {@link #randomly(String, double, long, Fault...)}, with each kind's defaults ({@link Fault#of}). */
    public SimFaults randomly(String func, double rate, long seed, FaultKind... kinds) {
        return randomly(func, rate, seed, Arrays.stream(kinds).map(Fault::of).toArray(Fault[]::new));
    }

    /**
     * Until cleared, every call of {@code func} waits {@code latency} before it is processed, on
     * top of any fault it gets (e.g. for load tests against a slow server). Setting a function's
     * latency again replaces it; {@link Duration#ZERO} removes it. An exact function name wins
     * over {@code "*"} and globs. Latency is not counted in {@link #injected()}.
     */
    public synchronized SimFaults latency(String func, Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("negative latency: " + latency);
        }
        FuncPattern pattern = FuncPattern.of(func);
        if (latency.isZero()) {
            latencies.remove(pattern.toString());
        } else {
            latencies.put(pattern.toString(), new Latency(pattern, latency));
        }
        return this;
    }

    // ---- housekeeping -------------------------------------------------------------------------

    /** Removes every rule and latency and resets the counts. */
    public synchronized void clear() {
        explicit.clear();
        random.clear();
        latencies.clear();
        injected.clear();
        injectedFaults.clear();
    }

    /** Calls the next-N rules and scripts will still take (random rules and latency are not counted). */
    public synchronized int pending() {
        return explicit.stream().mapToInt(FaultRule::pending).sum();
    }

    /** Faults injected since the last {@link #clear()}, by kind (every kind but NONE present, 0 if none). */
    public synchronized Map<FaultKind, Long> injected() {
        Map<FaultKind, Long> counts = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            if (kind != FaultKind.NONE) {
                counts.put(kind, injected.getOrDefault(kind, 0L));
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Faults injected since the last {@link #clear()}, by their text form ({@link Fault#toString()}, e.g.
     * {@code http_status=502+commit}, {@code delay=50}), sorted by it; only the faults that were injected.
     */
    public synchronized Map<String, Long> injectedFaults() {
        return Collections.unmodifiableMap(new TreeMap<>(injectedFaults));
    }

    /** Faults of one kind injected since the last {@link #clear()}. */
    public synchronized long injected(FaultKind kind) {
        return injected.getOrDefault(kind, 0L);
    }

    /** Faults of every kind injected since the last {@link #clear()}. */
    public synchronized long injectedTotal() {
        return injected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The rules, e.g. {@code random *.order.param at 0.1: [drop_after_commit]; latency * 200 ms}; "none" if none. */
    @Override
    public synchronized String toString() {
        List<String> parts = new ArrayList<>();
        explicit.forEach(rule -> parts.add(rule.toString()));
        random.forEach(rule -> parts.add(rule.toString()));
        latencies.values().forEach(l -> parts.add("latency " + l.pattern() + " " + l.duration().toMillis() + " ms"));
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    // ---- used by the server -------------------------------------------------------------------

    /**
     * Decides, and consumes, what happens to one call of {@code func} (null when the request has
     * none). Called by the server once per API request.
     */
    public synchronized Decision decide(String func) {
        if (explicit.isEmpty() && random.isEmpty() && latencies.isEmpty()) {
            return NOTHING;
        }
        Duration wait = latencyFor(func).plus(takeDelayNext(func));
        Fault fault = takeExplicit(func);
        if (fault == null) {
            fault = takeRandom(func);
        }
        if (fault == null) {
            fault = Fault.none();
        }
        count(fault);
        if (fault.kind() != FaultKind.NONE) {
            LOG.log(Level.DEBUG, "injecting {0} into func={1}", fault, func);
        }
        return wait.isZero() && fault.kind() == FaultKind.NONE ? NOTHING : new Decision(wait, fault);
    }

    private Duration latencyFor(String func) {
        Latency exact = func == null ? null : latencies.get(func);
        if (exact != null) {
            return exact.duration();
        }
        return latencies.values().stream().filter(l -> l.pattern().matches(func)).findFirst()
                .map(Latency::duration).orElse(Duration.ZERO);
    }

    /** delayNext rules stack with other faults, as they always have: they are taken on their own. */
    private Duration takeDelayNext(String func) {
        for (Iterator<FaultRule> it = explicit.iterator(); it.hasNext();) {
            if (it.next() instanceof FaultRule.Counted counted && isDelayNext(counted)) {
                Fault fault = counted.claim(func);
                if (fault != null) {
                    removeIfExhausted(counted, it);
                    count(fault);
                    return fault.delay();
                }
            }
        }
        return Duration.ZERO;
    }

    private Fault takeExplicit(String func) {
        for (Iterator<FaultRule> it = explicit.iterator(); it.hasNext();) {
            FaultRule rule = it.next();
            if (rule instanceof FaultRule.Counted counted && isDelayNext(counted)) {
                continue;
            }
            Fault fault = rule.claim(func);
            if (fault != null) {
                removeIfExhausted(rule, it);
                return fault;
            }
        }
        return null;
    }

    private Fault takeRandom(String func) {
        for (FaultRule.Randomly rule : random) {
            Fault fault = rule.claim(func);
            if (fault != null) {
                return fault;
            }
        }
        return null;
    }

    private static boolean isDelayNext(FaultRule.Counted rule) {
        return rule.fault().kind() == FaultKind.DELAY;
    }

    private static void removeIfExhausted(FaultRule rule, Iterator<FaultRule> it) {
        if (rule.exhausted()) {
            it.remove();
        }
    }

    private void count(Fault fault) {
        if (fault.kind() != FaultKind.NONE) {
            injected.merge(fault.kind(), 1L, Long::sum);
            injectedFaults.merge(fault.toString(), 1L, Long::sum);
        }
    }
}

package io.github.camelbillmgr.simulator.fault;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * One rule of {@link SimFaults}, consulted for each call (always under the owner's lock,
 * so the rules need none of their own).
 */
sealed interface FaultRule permits FaultRule.Counted, FaultRule.Scripted, FaultRule.Randomly {

    /**
     * The fault for a call of {@code func}; {@link Fault#none()} when the rule takes the call but
     * lets it through; null when the rule does not take it and later rules decide.
     */
    Fault claim(String func);

    /** Calls this rule will still take; 0 for rules that last until cleared. */
    int pending();

    default boolean exhausted() {
        return false;
    }

    /** "The next N calls of func get this fault." */
    final class Counted implements FaultRule {
        private final FuncPattern pattern;
        private final Fault fault;
        private int remaining;

        Counted(FuncPattern pattern, Fault fault, int times) {
            this.pattern = pattern;
            this.fault = fault;
            this.remaining = times;
        }

        Fault fault() {
            return fault;
        }

        @Override
        public String toString() {
            return "next " + remaining + " of " + pattern + ": " + fault;
        }

        @Override
        public Fault claim(String func) {
            if (remaining <= 0 || !pattern.matches(func)) {
                return null;
            }
            remaining--;
            return fault;
        }

        @Override
        public int pending() {
            return remaining;
        }

        @Override
        public boolean exhausted() {
            return remaining <= 0;
        }
    }

    /** "The next calls of func get these faults, one each, in order" ({@link Fault#none()} passes one). */
    final class Scripted implements FaultRule {
        private final FuncPattern pattern;
        private final Deque<Fault> script;

        Scripted(FuncPattern pattern, List<Fault> script) {
            this.pattern = pattern;
            this.script = new ArrayDeque<>(script);
        }

        @Override
        public Fault claim(String func) {
            return pattern.matches(func) ? script.pollFirst() : null;
        }

        @Override
        public int pending() {
            return script.size();
        }

        @Override
        public String toString() {
            return "script for " + pattern + ": " + script;
        }

        @Override
        public boolean exhausted() {
            return script.isEmpty();
        }
    }

    /**
     * "Each call of func is hit with probability rate, by one of these faults". Two draws per
     * hit from one seeded generator, one per miss: the n-th call the rule sees always gets the
     * same outcome for the same seed.
     */
    final class Randomly implements FaultRule {
        private final FuncPattern pattern;
        private final double rate;
        private final long seed;
        private final Random random;
        private final List<Fault> faults;

        Randomly(FuncPattern pattern, double rate, long seed, List<Fault> faults) {
            if (!(rate >= 0.0 && rate <= 1.0)) {
                throw new IllegalArgumentException("rate must be between 0 and 1: " + rate);
            }
            if (faults.isEmpty()) {
                throw new IllegalArgumentException("no faults to choose from");
            }
            this.pattern = pattern;
            this.rate = rate;
            this.seed = seed;
            this.random = new Random(seed);
            this.faults = List.copyOf(faults);
        }

        @Override
        public Fault claim(String func) {
            if (!pattern.matches(func) || random.nextDouble() >= rate) {
                return null;
            }
            return faults.get(random.nextInt(faults.size()));
        }

        @Override
        public int pending() {
            return 0;
        }

        @Override
        public String toString() {
            return "random " + pattern + " at " + rate + " seed " + seed + ": " + faults;
        }
    }
}

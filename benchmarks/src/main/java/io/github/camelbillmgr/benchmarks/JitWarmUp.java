package io.github.camelbillmgr.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Calls a contender from one thread until the JIT has compiled its path, before JMH starts its own threads. On 2 cores,
 * 16 or 64 caller threads leave the compiler threads little CPU: a case then measures the compiler for longer than any
 * warm-up iteration, and the contender with the longer path (more to compile) the longest. One caller leaves the
 * compiler the rest of the machine.
 * <p>
 * Settled: at least {@code minSeconds} of calls, then until the JIT's compilation time grew by less than 20 ms over
 * the last second, at most {@code maxSeconds} in all.
 */
final class JitWarmUp {

    /** The system property with the warm-up's minimum, in seconds; 0 (the default) skips it. */
    static final String SECONDS = "bench.jitWarmUpSeconds";

    interface Call {
        Object call() throws Exception;
    }

    private JitWarmUp() {
    }

    /** @return what the warm-up did, for the progress line */
    static String run(Call call) throws Exception {
        int minSeconds = Integer.getInteger(SECONDS, 0);
        if (minSeconds <= 0) {
            return "no JIT warm-up";
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long min = start + TimeUnit.SECONDS.toNanos(minSeconds);
        long max = start + TimeUnit.SECONDS.toNanos(4L * minSeconds);
        long calls = 0;
        long lastCheck = start;
        long lastCompileMillis = jit.getTotalCompilationTime();
        long now;
        while ((now = System.nanoTime()) < max) {
            call.call();
            calls++;
            if (now - lastCheck >= TimeUnit.SECONDS.toNanos(1)) {
                long compileMillis = jit.getTotalCompilationTime();
                boolean settled = compileMillis - lastCompileMillis < 20;
                lastCheck = now;
                lastCompileMillis = compileMillis;
                if (settled && now >= min) {
                    break;
                }
            }
        }
        return String.format("JIT warm-up: %,d calls in %.0f s", calls, (System.nanoTime() - start) / 1e9);
    }
}

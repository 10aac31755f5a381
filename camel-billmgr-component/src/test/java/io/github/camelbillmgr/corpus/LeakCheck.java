package io.github.camelbillmgr.corpus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.pool.PoolStats;

/**
 * What a run must leave behind: no thread it started still alive, and no connection still leased from camel-http's
 * pools. Threads end a little after their work does (an executor shuts down, a timeout thread returns), so the checks
 * wait for that, up to a deadline, instead of sleeping a fixed time. Public for the load test, which checks the pools
 * the same way.
 */
public final class LeakCheck {

    private final Set<Thread> baseline;
    private final long baselineNonDaemon;

    private LeakCheck(Set<Thread> baseline) {
        this.baseline = baseline;
        this.baselineNonDaemon = baseline.stream().filter(t -> !t.isDaemon()).count();
    }

    /** Remembers the threads alive now. */
    static LeakCheck baseline() {
        return new LeakCheck(Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    int baselineThreads() {
        return baseline.size();
    }

    long baselineNonDaemonThreads() {
        return baselineNonDaemon;
    }

    /** Live non-daemon threads now. */
    static long nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon()).count();
    }

    /** The threads started since the baseline that are still alive once the deadline has passed (or none). */
    List<String> threadsLeftBehind(Duration deadline) {
        await(() -> newThreads().isEmpty() && nonDaemonThreads() <= baselineNonDaemon, deadline);
        return newThreads().stream().map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : " (non-daemon)"))
                .collect(Collectors.toList());
    }

    private List<Thread> newThreads() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !baseline.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The connection pools of every camel-http endpoint of the context. */
    public static List<PoolingHttpClientConnectionManager> pools(CamelContext context) {
        List<PoolingHttpClientConnectionManager> pools = new ArrayList<>();
        for (var endpoint : context.getEndpoints()) {
            if (endpoint instanceof HttpEndpoint http) {
                if (!(http.getClientConnectionManager() instanceof PoolingHttpClientConnectionManager pool)) {
                    throw new AssertionError(http + " has no pooling connection manager: "
                            + http.getClientConnectionManager());
                }
                pools.add(pool);
            }
        }
        return pools;
    }

    /** Leased and pending connections over all pools, once the deadline has passed (or 0). */
    public static int connectionsInUse(CamelContext context, Duration deadline) {
        await(() -> inUse(context) == 0, deadline);
        return inUse(context);
    }

    private static int inUse(CamelContext context) {
        int n = 0;
        for (PoolingHttpClientConnectionManager pool : pools(context)) {
            PoolStats stats = pool.getTotalStats();
            n += stats.getLeased() + stats.getPending();
        }
        return n;
    }

    /** Polls the condition until it holds or the deadline passes. */
    static void await(BooleanSupplier condition, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

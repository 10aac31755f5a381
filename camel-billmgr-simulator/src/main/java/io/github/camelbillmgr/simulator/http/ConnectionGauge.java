package io.github.camelbillmgr.simulator.http;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the client connections that have a request in progress, and the most there were at
 * once: what a load test compares with its client's connection pool limits. It counts
 * connections, not requests: a kept-alive connection carries one request after another, and
 * counted as requests, the moment between the end of one and the start of the next on another
 * thread (as servers that hand requests to a pool do) would look like one connection too many.
 */
public final class ConnectionGauge {

    /** Requests in progress per client address and port (normally 0 or 1). */
    private final Map<InetSocketAddress, Integer> busy = new ConcurrentHashMap<>();
    private final Set<InetSocketAddress> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger peak = new AtomicInteger();

    /** A request from this connection starts. */
    public void enter(InetSocketAddress client) {
        seen.add(client);
        busy.merge(client, 1, Integer::sum);
        int now = busy.size();
        peak.accumulateAndGet(now, Math::max);
    }

    /** The request {@link #enter} announced has been answered (or dropped). */
    public void exit(InetSocketAddress client) {
        busy.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Connections with a request in progress now. */
    public int busyConnections() {
        return busy.size();
    }

    /** The most connections that had a request in progress at the same time since the last {@link #clear()}. */
    public int peakBusyConnections() {
        return peak.get();
    }

    /** Distinct client connections (address and port) that sent a request since the last {@link #clear()}. */
    public int connectionsSeen() {
        return seen.size();
    }

    /** Forgets the peak and the connections seen; requests in progress stay counted. */
    public void clear() {
        seen.clear();
        peak.set(busy.size());
    }
}

package io.github.camelbillmgr.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * The server side of the figures: a server JVM's CPU time and the requests it answered, read before and after a
 * case, give the server's CPU time per call. On a shared 2-core machine that is the stable figure (throughput moves
 * with the load), and the one that says how much of the machine a server leaves to its clients.
 */
record ServerStats(long cpuNanos, long requests) {

    static final String COMMAND = "stats";
    private static final String REPLY = "STATS ";

    /** CPU µs per request between two readings, NaN when none was answered. */
    static double cpuMicrosPerCall(ServerStats before, ServerStats after) {
        if (before == null || after == null || after.requests <= before.requests) {
            return Double.NaN;
        }
        return (after.cpuNanos - before.cpuNanos) / 1000.0 / (after.requests - before.requests);
    }

    static ServerStats parse(String line) {
        if (line == null || !line.startsWith(REPLY)) {
            throw new IllegalStateException("not a stats line: " + line);
        }
        String[] parts = line.split(" ");
        return new ServerStats(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }

    /**
     * The server's side: answers every {@value #COMMAND} line on stdin with its stats on {@code out}, and returns
     * when stdin closes (the parent is done with the server).
     */
    static void serve(LongSupplier requests, PrintStream out) throws Exception {
        com.sun.management.OperatingSystemMXBean os
                = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null;) {
            if (line.trim().equals(COMMAND)) {
                out.println(REPLY + os.getProcessCpuTime() + " " + requests.getAsLong());
                out.flush();
            }
        }
    }
}

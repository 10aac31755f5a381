package io.github.camelbillmgr.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One contender's calls in a plain loop, in this JVM, for a profiler to watch: run it with
 * {@code -XX:StartFlightRecording} (or any sampling profiler) attached. It starts the canned server in a JVM of its
 * own, as the benchmark does, and prints CPU time and bytes allocated per call of its own calling threads (not the
 * whole process: the profiler's own work would count).
 * <p>
 * Arguments: {@code op format contender seconds [threads]}, for example {@code get json component 20 1}.
 */
public final class ProfileCase {

    private ProfileCase() {
    }

    public static void main(String[] args) throws Exception {
        String op = args[0];
        String format = args[1];
        String contender = args[2];
        long seconds = Long.parseLong(args[3]);
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (ServerProcess canned = new ServerProcess(CannedServer.class, "-Xmx3g");
                Contenders c = new Contenders(canned.baseUrl, format, op, canned.serviceId)) {
            c.check(contender);
            if (System.getProperty(JitWarmUp.SECONDS) == null) {
                System.setProperty(JitWarmUp.SECONDS, "8");
            }
            System.out.println(JitWarmUp.run(() -> c.call(contender)));
            AtomicLong calls = new AtomicLong();
            AtomicLong cpu = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            // after the JIT warm-up from one thread, the first third warms the callers; only the rest is counted
            long countFrom = System.nanoTime() + seconds * 1_000_000_000L / 3;
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> {
                    long id = Thread.currentThread().getId();
                    boolean counting = false;
                    long cpu0 = 0;
                    long bytes0 = 0;
                    long n = 0;
                    try {
                        while (System.nanoTime() < end) {
                            if (!counting && System.nanoTime() >= countFrom) {
                                counting = true;
                                cpu0 = mx.getThreadCpuTime(id);
                                bytes0 = mx.getThreadAllocatedBytes(id);
                            }
                            c.call(contender);
                            if (counting) {
                                n++;
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    calls.addAndGet(n);
                    cpu.addAndGet(mx.getThreadCpuTime(id) - cpu0);
                    bytes.addAndGet(mx.getThreadAllocatedBytes(id) - bytes0);
                }, "caller-" + i);
                workers.add(t);
                t.start();
            }
            Thread.sleep(Math.max(0, (countFrom - System.nanoTime()) / 1_000_000));
            long process0 = os.getProcessCpuTime();
            for (Thread t : workers) {
                t.join();
            }
            long processCpu = os.getProcessCpuTime() - process0;
            long n = Math.max(1, calls.get());
            System.out.printf("%s %s %s t%d: %,d calls, %.1f us caller CPU/call, %,d B/call (caller threads), "
                    + "%.1f us process CPU/call%n", op, format, contender, threads, calls.get(), cpu.get() / 1000.0 / n,
                    bytes.get() / n, processCpu / 1000.0 / n);
            if (Boolean.getBoolean("profile.threads")) {
                printThreads();
            }
        }
    }

    /**
     * Where the rest of the process's CPU went over its whole life: the JVM's own threads too (GC, JIT), which Java
     * cannot list, from Linux's {@code /proc/self/task}; summed by name without digits, largest first.
     */
    private static void printThreads() throws java.io.IOException {
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) {
            return;
        }
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var dirs = java.nio.file.Files.list(tasks)) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) dirs::iterator) {
                String stat;
                try {
                    stat = java.nio.file.Files.readString(task.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                // pid (comm) state ... utime stime are the 14th and 15th fields; comm may hold spaces
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            }
        }
        ticks.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(12)
                .forEach(e -> System.out.printf("  %-20s %,d ms%n", e.getKey(), e.getValue() * 10));
    }
}

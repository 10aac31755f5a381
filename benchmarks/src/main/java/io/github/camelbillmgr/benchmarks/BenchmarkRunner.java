package io.github.camelbillmgr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Starts the canned server and the simulator in JVMs of their own, runs {@link ClientBenchmark} for every case of
 * the chosen plan, and prints one table: per case throughput, client CPU time per call, bytes allocated per call,
 * and the component's ratios against each anchor.
 * <p>
 * Arguments: the plan ({@code quick}, {@code full} or {@code smoke}), then optional filters
 * {@code op=get,list1k}, {@code format=json}, {@code threads=1,16}, {@code server=canned}. The table is also written to
 * {@code target/benchmarks/last-table.md}.
 */
public final class BenchmarkRunner {

    private static final List<String> CHEAP_OPS = List.of("get", "whoami", "order", "list1k");

    private final Plan plan;
    private final Map<String, Set<String>> filters;

    private BenchmarkRunner(Plan plan, Map<String, Set<String>> filters) {
        this.plan = plan;
        this.filters = filters;
    }

    public static void main(String[] args) throws Exception {
        String table = run(args);
        System.out.println(table);
    }

    /** Runs the plan the arguments name and returns the table. */
    public static String run(String... given) throws Exception {
        // exec:exec passes -Dbench.args="quick op=get threads=16" as one argument
        String[] args = String.join(" ", given).trim().split("\\s+");
        Plan plan = Plan.valueOf(args[0].isEmpty() ? "quick" : args[0]);
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv.length != 2 || !Set.of("op", "format", "threads", "server", "contender").contains(kv[0])) {
                throw new IllegalArgumentException("not a filter: '" + args[i] + "'; use op=, format=, threads=, "
                        + "server= or contender= with comma-separated values");
            }
            filters.put(kv[0], Set.of(kv[1].split(",")));
        }
        return new BenchmarkRunner(plan, filters).run();
    }

    /**
     * How long each case runs. Before JMH's own warm-up, every measured case first calls its contender from one thread
     * until the JIT settles ({@link JitWarmUp}, at least {@code jitSeconds}): on 2 cores the JIT keeps compiling the
     * component's path (Camel, HttpClient, Jackson, the component) for 10 to 20 s, much longer when 16 or 64 callers
     * leave it no CPU, and with a 2 s warm-up the CPU column counted the compiler threads (get json: 107 us per call
     * after 2 s, 31 us once compiled; raw HttpClient's shorter path settles sooner, so the ratios measured warm-up).
     */
    enum Plan {
        /** One short iteration per case, in this JVM: the build's check that nothing rotted. */
        smoke(0, 0, 0, 300, 1, 300),
        /** About 40 minutes on 2 cores: one fork, the JIT warm-up, 4 s of warm-up, two measured iterations of 3 s. */
        quick(1, 8, 1, 4000, 2, 3000),
        /** One fork, the JIT warm-up, three warm-up iterations of five seconds and five measured of five seconds. */
        full(1, 15, 3, 5000, 5, 5000);

        final int forks;
        final int jitSeconds;
        final int warmups;
        final int warmupMillis;
        final int iterations;
        final int millis;

        Plan(int forks, int jitSeconds, int warmups, int warmupMillis, int iterations, int millis) {
            this.forks = forks;
            this.jitSeconds = jitSeconds;
            this.warmups = warmups;
            this.warmupMillis = warmupMillis;
            this.iterations = iterations;
            this.millis = millis;
        }
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        if (plan == Plan.smoke) {
            for (String format : List.of("json", "xml")) {
                for (String contender : List.of("component", "raw", "route")) {
                    cases.add(new Case("canned", "whoami", format, 1, contender, null));
                }
                for (String contender : List.of("component", "raw", "route", "stream")) {
                    cases.add(new Case("canned", "list1k", format, 1, contender, null));
                }
            }
            for (String server : List.of("canned", "simulator")) {
                cases.add(new Case(server, "get", "json", 1, "component", null));
                cases.add(new Case(server, "get", "json", 1, "raw", null));
            }
            return filtered(cases);
        }
        for (String op : CHEAP_OPS) {
            for (String format : List.of("json", "xml")) {
                for (int threads : List.of(1, 16, 64)) {
                    for (String contender : List.of("component", "raw", "route")) {
                        cases.add(new Case("canned", op, format, threads, contender, "-Xmx1g"));
                    }
                    if (Ops.isList(op)) {
                        cases.add(new Case("canned", op, format, threads, "stream", "-Xmx1g"));
                    }
                }
            }
        }
        // the simulator against the static responder on cheap calls (same raw load), and the component against it
        for (String op : List.of("whoami", "get")) {
            for (String format : List.of("json", "xml")) {
                for (int threads : List.of(1, 16)) {
                    cases.add(new Case("simulator", op, format, threads, "raw", "-Xmx1g"));
                    cases.add(new Case("simulator", op, format, threads, "component", "-Xmx1g"));
                }
            }
        }
        // long lists in a 128 MiB heap: the component's iterator against the parse limit; 250,000 as one List
        for (String format : List.of("json", "xml")) {
            for (String contender : List.of("component", "stream")) {
                cases.add(new Case("canned", "list1m", format, 1, contender, "-Xmx128m"));
            }
        }
        cases.add(new Case("canned", "list250k", "json", 1, "component", "-Xmx128m"));
        cases.add(new Case("canned", "list250k", "xml", 1, "component", "-Xmx128m"));
        return filtered(cases);
    }

    private List<Case> filtered(List<Case> cases) {
        // a simulator case runs right after the canned cases of the same call: on a shared machine the load moves
        // within minutes, and the ratio between the two servers is only worth reading when measured side by side
        Comparator<Case> sideBySide = Comparator.comparingInt((Case c) -> opOrder(c.op()))
                .thenComparing(Case::format).thenComparingInt(Case::threads)
                .thenComparing(c -> c.server().equals("simulator"));
        return cases.stream().filter(c -> accepts("op", c.op()) && accepts("format", c.format())
                && accepts("threads", String.valueOf(c.threads()))
                && accepts("server", c.server()) && accepts("contender", c.contender()))
                .sorted(sideBySide)
                .toList();
    }

    private static int opOrder(String op) {
        int cheap = CHEAP_OPS.indexOf(op);
        return cheap >= 0 ? cheap : CHEAP_OPS.size();
    }

    private boolean accepts(String key, String value) {
        Set<String> allowed = filters.get(key);
        return allowed == null || allowed.contains(value);
    }

    private String run() throws Exception {
        if (plan == Plan.smoke && System.getProperty("jmh.ignoreLock") == null) {
            // JMH refuses to run beside another JMH run on the machine; a smoke pass measures nothing worth that
            System.setProperty("jmh.ignoreLock", "true");
        }
        List<Case> cases = cases();
        Map<Case, Case.Figures> results = new LinkedHashMap<>();
        String loadBefore = Machine.loadAverage();
        long start = System.nanoTime();
        boolean needsSimulator = cases.stream().anyMatch(c -> c.server().equals("simulator"));
        try (ServerProcess canned = new ServerProcess(CannedServer.class, "-Xmx3g");
                ServerProcess simulator = needsSimulator ? new ServerProcess(SimulatorServer.class, "-Xmx1g",
                        "-Dbench.warmUpCalls=" + (plan == Plan.smoke ? 200 : 20_000)) : null) {
            int n = 0;
            for (Case c : cases) {
                n++;
                ServerProcess server = c.server().equals("simulator") ? simulator : canned;
                System.err.printf("[%d/%d] %s %s ... ", n, cases.size(), c.group(), c.contender());
                Case.Figures f = measure(c, server);
                results.put(c, f);
                System.err.printf(f.failed() ? "FAILED%n"
                        : "%,.2f ops/s, %,.1f us CPU/op, %,.0f B/op, server %,.1f us CPU/call%n",
                        f.opsPerSecond(), f.cpuMicrosPerOp(), f.bytesPerOp(), f.serverCpuMicrosPerOp());
                // what is measured so far survives a run that is stopped before its end
                write(new ResultTable(results).render(plan.name() + " (" + n + " of " + cases.size() + " cases)",
                        loadBefore, Machine.loadAverage(), (System.nanoTime() - start) / 1_000_000_000L));
            }
        }
        String table = new ResultTable(results).render(plan.name(), loadBefore, Machine.loadAverage(),
                (System.nanoTime() - start) / 1_000_000_000L);
        write(table);
        return table;
    }

    private static void write(String table) {
        Path out = Path.of("target", "benchmarks", "last-table.md");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, table);
        } catch (IOException e) {
            System.err.println("could not write " + out + ": " + e);
        }
    }

    /** The long lists take seconds per call: a few single calls measure them, with a time limit. */
    private static boolean singleShot(Case c) {
        return c.op().equals("list1m") || c.op().equals("list250k");
    }

    private Case.Figures measure(Case c, ServerProcess server) {
        String url = "-Dbench." + c.server() + ".url=" + server.baseUrl;
        String service = "-Dbench." + c.server() + ".service=" + server.serviceId;
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(ClientBenchmark.class.getName() + "\\." + c.contender() + "$")
                .param("server", c.server()).param("format", c.format()).param("op", c.op())
                .param("contender", c.contender())
                .threads(c.threads())
                .forks(plan.forks)
                .warmupIterations(plan.warmups)
                .warmupTime(TimeValue.milliseconds(plan.warmupMillis))
                .measurementIterations(plan.iterations)
                .measurementTime(TimeValue.milliseconds(plan.millis))
                .timeout(TimeValue.minutes(5))
                .timeUnit(TimeUnit.SECONDS)
                .addProfiler(GCProfiler.class)
                .addProfiler(CpuProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        if (singleShot(c) && plan != Plan.smoke) {
            options.mode(Mode.SingleShotTime).warmupIterations(1).measurementIterations(2)
                    .timeout(TimeValue.minutes(2));
        }
        if (plan.forks > 0) {
            // the JVM's default collector (G1 on a server-class machine), as a user's application would run
            // the long lists too: a million rows take a second or two a call, and the JIT is still compiling after
            // JMH's single warm-up call
            options.jvmArgs(c.heap(), url, service, "-D" + JitWarmUp.SECONDS + "=" + plan.jitSeconds);
        } else {
            System.setProperty("bench." + c.server() + ".url", server.baseUrl);
            System.setProperty("bench." + c.server() + ".service", String.valueOf(server.serviceId));
        }
        try {
            ServerStats serverBefore = server.stats();
            Collection<RunResult> run = new Runner(options.build()).run();
            ServerStats serverAfter = server.stats();
            if (run.isEmpty()) {
                return Case.Figures.FAILED;
            }
            RunResult r = run.iterator().next();
            Map<String, Result> secondary = r.getSecondaryResults();
            double score = r.getPrimaryResult().getScore();
            // single shot: seconds per call
            double opsPerSecond = singleShot(c) && plan != Plan.smoke ? 1 / score : score;
            return new Case.Figures(opsPerSecond, score(secondary, CpuProfiler.LABEL),
                    score(secondary, "gc.alloc.rate.norm"), ServerStats.cpuMicrosPerCall(serverBefore, serverAfter));
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.print("(" + e.getMessage() + (root == e ? "" : ": " + root) + ") ");
            if (plan == Plan.smoke) {
                throw new IllegalStateException(c + " failed", e);
            }
            return Case.Figures.FAILED;
        }
    }

    private static double score(Map<String, Result> results, String label) {
        Result r = results.get(label);
        return r == null ? Double.NaN : r.getScore();
    }
}

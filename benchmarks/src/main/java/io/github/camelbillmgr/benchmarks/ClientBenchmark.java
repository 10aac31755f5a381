package io.github.camelbillmgr.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One call per invocation, by each contender of {@link Contenders}. The servers run in their own JVMs, started by
 * {@link BenchmarkRunner}, which passes their URLs as the system properties {@code bench.<server>.url} and
 * {@code bench.<server>.service}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClientBenchmark {

    /** {@code canned} (a static responder) or {@code simulator}. */
    @Param({ "canned" })
    public String server;

    @Param({ "json" })
    public String format;

    /** {@code whoami}, {@code get}, {@code order}, {@code list1k}, {@code list250k}, {@code list1m}. */
    @Param({ "get" })
    public String op;

    /** The contender whose first call {@link #setUp} checks; the runner sets it to the one it runs. */
    @Param({ "component" })
    public String contender;

    private Contenders contenders;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String url = System.getProperty("bench." + server + ".url");
        if (url == null) {
            throw new IllegalStateException("no bench." + server + ".url: run the benchmarks through BenchmarkRunner");
        }
        long service = Long.parseLong(System.getProperty("bench." + server + ".service"));
        contenders = new Contenders(url, format, op, service);
        contenders.check(contender);
        System.err.print("(" + JitWarmUp.run(() -> contenders.call(contender)) + ") ");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        contenders.close();
    }

    @Benchmark
    public Object component() throws Exception {
        return contenders.component();
    }

    @Benchmark
    public Object raw() throws Exception {
        return contenders.raw();
    }

    @Benchmark
    public Object route() throws Exception {
        return contenders.route();
    }

    @Benchmark
    public long stream() throws Exception {
        return contenders.stream();
    }
}

package io.github.camelbillmgr.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import io.github.camelbillmgr.simulator.BillmgrSimulator;

/**
 * {@link ExactlyOnceBatchTest}'s batch at 100,000 order lines (or the count given), against a simulator of its own,
 * and its figures; exits with status 1 when exactly-once did not hold. Not a test: it takes minutes and its numbers
 * depend on the machine. Run it with {@code mvn -B -q -pl camel-billmgr-component exec:exec@batch-benchmark
 * [-Dbatch.size=N]} after {@code mvn -B -q install -DskipTests} (examples/README.md), or
 * {@code java -cp ... ExactlyOnceBatchBenchmark 100000 [seed]}.
 */
public final class ExactlyOnceBatchBenchmark {

    private ExactlyOnceBatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        BatchPlan plan = BatchPlan.of(lines);
        if (args.length > 1) {
            plan = plan.withSeed(Long.parseLong(args[1]));
        }
        BatchFigures figures;
        BillmgrSimulator simulator = new BillmgrSimulator().start();
        try {
            figures = ExactlyOnceBatch.run(simulator, plan);
        } finally {
            simulator.stop();
        }
        System.out.println(figures.report());
        System.out.printf("  heap         at most %d MiB in use (the heap pools' peaks added up), max %d MiB%n",
                peakHeapInUse() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.exit(figures.problems().isEmpty() ? 0 : 1);
    }

    private static long peakHeapInUse() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}

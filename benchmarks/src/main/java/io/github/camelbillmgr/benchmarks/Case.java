package io.github.camelbillmgr.benchmarks;

/** One line of the table: what was called, how, by which contender, and what it measured. */
record Case(String server, String op, String format, int threads, String contender, String heap) {

    String group() {
        return op + " " + format + " t" + threads + " " + server;
    }

    /**
     * Measured figures; NaN when the run failed. {@code serverCpuMicrosPerOp}: the server JVM's CPU time per request
     * it answered during the case (warm-up included), NaN when not measured.
     */
    record Figures(double opsPerSecond, double cpuMicrosPerOp, double bytesPerOp, double serverCpuMicrosPerOp) {
        static final Figures FAILED = new Figures(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        boolean failed() {
            return Double.isNaN(opsPerSecond);
        }
    }
}

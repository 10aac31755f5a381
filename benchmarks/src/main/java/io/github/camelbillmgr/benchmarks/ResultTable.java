package io.github.camelbillmgr.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the results as one Markdown table: per case and contender the throughput, the client JVM's CPU time per
 * call and the bytes allocated per call, and for the component its ratios against raw HttpClient (throughput, CPU,
 * allocation), the hand-written route and the bare streaming parse. A second table compares the simulator with the
 * canned responder under the same raw load.
 */
final class ResultTable {

    private final Map<Case, Case.Figures> results;

    ResultTable(Map<Case, Case.Figures> results) {
        this.results = results;
    }

    String render(String plan, String loadBefore, String loadAfter, long seconds) {
        StringBuilder out = new StringBuilder();
        out.append("Plan ").append(plan).append(", ").append(seconds).append(" s; ").append(Machine.describe())
                .append("; load average before ").append(loadBefore).append(", after ").append(loadAfter)
                .append("\n\n");
        out.append(
                "| case | contender | ops/s | CPU µs/op | alloc B/op | ×raw ops/s | ×raw CPU | ×raw alloc | ×route ops/s "
                        + "| ×stream ops/s |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Map<String, Case.Figures>> groups = new LinkedHashMap<>();
        results.forEach((c, f) -> groups.computeIfAbsent(c.group(), g -> new LinkedHashMap<>()).put(c.contender(), f));
        groups.forEach((group, byContender) -> {
            Case.Figures raw = byContender.get("raw");
            Case.Figures route = byContender.get("route");
            Case.Figures stream = byContender.get("stream");
            byContender.forEach((contender, f) -> {
                out.append("| ").append(group).append(" | ").append(contender).append(" | ")
                        .append(num(f.opsPerSecond(), f.opsPerSecond() < 100 ? 2 : 0)).append(" | ")
                        .append(num(f.cpuMicrosPerOp(), 1)).append(" | ").append(num(f.bytesPerOp(), 0)).append(" | ");
                boolean anchor = !contender.equals("component");
                out.append(anchor || raw == null ? "" : ratio(f.opsPerSecond(), raw.opsPerSecond())).append(" | ")
                        .append(anchor || raw == null ? "" : ratio(f.cpuMicrosPerOp(), raw.cpuMicrosPerOp()))
                        .append(" | ")
                        .append(anchor || raw == null ? "" : ratio(f.bytesPerOp(), raw.bytesPerOp())).append(" | ")
                        .append(anchor || route == null ? "" : ratio(f.opsPerSecond(), route.opsPerSecond()))
                        .append(" | ")
                        .append(anchor || stream == null ? "" : ratio(f.opsPerSecond(), stream.opsPerSecond()))
                        .append(" |\n");
            });
        });
        List<String> simulator = new ArrayList<>();
        results.forEach((c, f) -> {
            if (c.server().equals("simulator") && c.contender().equals("raw")) {
                Case.Figures canned = results.get(new Case("canned", c.op(), c.format(), c.threads(), "raw", c.heap()));
                if (canned != null) {
                    simulator.add("| " + c.op() + " " + c.format() + " t" + c.threads() + " | "
                            + num(f.opsPerSecond(), 0) + " | " + num(canned.opsPerSecond(), 0) + " | "
                            + ratio(f.opsPerSecond(), canned.opsPerSecond()) + " | "
                            + num(f.serverCpuMicrosPerOp(), 1) + " | " + num(canned.serverCpuMicrosPerOp(), 1) + " | "
                            + num(f.cpuMicrosPerOp(), 1) + " |");
                }
            }
        });
        if (!simulator.isEmpty()) {
            out.append("\nThe simulator against the canned responder, same raw HttpClient load (measured side by side; "
                    + "server CPU: the server JVM's CPU time per request it answered, client CPU: the raw client's "
                    + "against the simulator):\n\n");
            out.append("| case | simulator ops/s | canned ops/s | ×canned | simulator CPU µs/call | canned CPU µs/call "
                    + "| client CPU µs/call |\n|---|---:|---:|---:|---:|---:|---:|\n");
            simulator.forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "failed" : String.format("%,." + decimals + "f", v);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "" : String.format("%.2f", a / b);
    }
}

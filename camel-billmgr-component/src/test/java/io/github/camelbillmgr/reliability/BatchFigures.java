package io.github.camelbillmgr.reliability;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.github.camelbillmgr.simulator.model.SimService;

/**
 * What a batch left in the simulator and what the route saw, and what of it breaks exactly-once
 * ({@link #problems()}).
 *
 * @param plan              what was run
 * @param lines             lines the split handed back
 * @param failedLines       lines whose exchange failed (redeliveries exhausted, or refused)
 * @param failures          the first failed lines, with their exceptions
 * @param recovered         lines whose order was found by its remote id in a redelivery instead of being placed again
 * @param redeliveredLines  lines redelivered at least once
 * @param redeliveries      Camel's redeliveries in all
 * @param redeliveriesByCause redeliveries by the exception that caused them
 * @param maxLineRedeliveries the most redeliveries one line took
 * @param timeouts          redeliveries after a response timeout
 * @param requests          requests the simulator received, by func ({@code auth}, the order, the list lookup)
 * @param faults            faults the simulator injected, as written ({@code http_status=502+commit}), with counts
 * @param services          the client's services of the item type that the batch created
 * @param serviceIdByRemoteId the service id each line that ended ordered reported
 * @param balanceBefore     the client's balance before the batch
 * @param balanceAfter      and after it
 * @param elapsed           from the first line sent to the last line back
 */
public record BatchFigures(BatchPlan plan, long lines, long failedLines, List<LineOutcomes.Failure> failures,
                           long recovered, long redeliveredLines, long redeliveries,
                           Map<String, Long> redeliveriesByCause, int maxLineRedeliveries, long timeouts,
                           Map<String, Long> requests, Map<String, Long> faults, List<SimService> services,
                           Map<String, Long> serviceIdByRemoteId, BigDecimal balanceBefore, BigDecimal balanceAfter,
                           Duration elapsed) {

    /** Shown per problem, so that a broken run still prints a readable message. */
    private static final int EXAMPLES = 5;

    public long faultsInjected() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Response timeouts beyond the replies the simulator held back on purpose: requests that were merely slow. Each
     * is an order that may still have been running when its redelivery looked for it.
     */
    public long slowRequestTimeouts() {
        long heldBack = faults.entrySet().stream().filter(e -> e.getKey().startsWith("delay_after_commit"))
                .mapToLong(Map.Entry::getValue).sum();
        return Math.max(0, timeouts - heldBack);
    }

    public BigDecimal charged() {
        return balanceBefore.subtract(balanceAfter);
    }

    public BigDecimal costOfServices() {
        return services.stream().map(SimService::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The services by remote id; a remote id with more than one service is a double order. */
    public Map<String, List<SimService>> servicesByRemoteId() {
        return services.stream().collect(Collectors.groupingBy(s -> String.valueOf(s.remoteId())));
    }

    /**
     * Everything that breaks "exactly one service per order line, none missing, none duplicated, the balance charged
     * exactly once per service, no exchange failed"; empty when the batch held.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (lines != plan.lines()) {
            problems.add(lines + " lines came back from the split, not " + plan.lines());
        }
        if (failedLines > 0) {
            problems.add(failedLines + " lines failed (redeliveries exhausted or refused; raise maximumRedeliveries "
                    + "only if the causes are lost replies or busy answers): " + failures);
        }
        Map<String, List<SimService>> byRemoteId = servicesByRemoteId();
        List<String> duplicated = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int line = 1; line <= plan.lines(); line++) {
            String remoteId = ExactlyOnceBatch.KEY_PREFIX + ExactlyOnceBatch.key(line);
            List<SimService> found = byRemoteId.getOrDefault(remoteId, List.of());
            if (found.isEmpty()) {
                missing.add(remoteId);
            } else if (found.size() > 1) {
                duplicated.add(remoteId + " x" + found.size() + " " + found.stream().map(SimService::id).toList());
            } else if (serviceIdByRemoteId.containsKey(remoteId)
                    && !Objects.equals(serviceIdByRemoteId.get(remoteId), found.get(0).id())) {
                mismatched.add(remoteId + ": reported " + serviceIdByRemoteId.get(remoteId) + ", holds "
                        + found.get(0).id());
            }
        }
        Map<String, List<SimService>> unexpected = new HashMap<>(byRemoteId);
        for (int line = 1; line <= plan.lines(); line++) {
            unexpected.remove(ExactlyOnceBatch.KEY_PREFIX + ExactlyOnceBatch.key(line));
        }
        String slow = slowRequestTimeouts() == 0 ? "" : "; " + slowRequestTimeouts() + " requests that were only slow "
                + "timed out, and one that BILLmanager runs after its redelivery looked for it is ordered twice: the "
                + "redeliveryDelay must outlast such a request";
        add(problems, duplicated, "remote ids ordered more than once (double orders)" + slow);
        add(problems, missing, "lines without a service (lost orders)");
        add(problems, mismatched, "lines that reported another service than the one with their remote id");
        add(problems, new ArrayList<>(unexpected.keySet()), "services with a remote id of no line");
        if (services.size() != plan.lines()) {
            problems.add(services.size() + " services for " + plan.lines() + " lines");
        }
        int balance = charged().compareTo(costOfServices());
        if (balance != 0) {
            problems.add("the balance went down by " + charged() + ", the services cost " + costOfServices()
                    + ": something was charged " + (balance > 0 ? "twice" : "not at all"));
        }
        if (services.stream().anyMatch(s -> s.cost().signum() <= 0)) {
            problems.add("services without a cost: a double charge would not show in the balance");
        }
        if (plan.faultRate() > 0 && faultsInjected() == 0) {
            problems.add("no fault was injected: the batch proved nothing");
        }
        return problems;
    }

    private static void add(List<String> problems, List<String> found, String what) {
        if (!found.isEmpty()) {
            problems.add(found.size() + " " + what + ", e.g. " + found.subList(0, Math.min(EXAMPLES, found.size())));
        }
    }

    /** The figures, one per line, for the test's output and the benchmark. */
    public String report() {
        double seconds = elapsed.toMillis() / 1000.0;
        long totalRequests = requests.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("exactly-once batch: %,d order lines, %d threads, authMode=session, a fault on %.0f%% "
                + "of requests (seed %d), maximumRedeliveries=%d, redeliveryDelay=%d ms%n",
                plan.lines(), plan.threads(), plan.faultRate() * 100, plan.seed(), plan.maxRedeliveries(),
                plan.redeliveryDelay().toMillis()));
        sb.append(String.format("  requests     %,d: %s%n", totalRequests, counts(requests)));
        sb.append(String.format("  faults       %,d injected (%.1f%% of requests): %s%n", faultsInjected(),
                totalRequests == 0 ? 0.0 : 100.0 * faultsInjected() / totalRequests, counts(faults)));
        sb.append(String.format("  redeliveries %,d on %,d lines (at most %d for one line): %s%n", redeliveries,
                redeliveredLines, maxLineRedeliveries, counts(redeliveriesByCause)));
        sb.append(String.format("  timeouts     %,d response timeouts, %,d of them on requests that were only slow%n",
                timeouts, slowRequestTimeouts()));
        sb.append(String.format("  recovered    %,d lines found by their remote id after a lost reply, not ordered "
                + "again%n", recovered));
        sb.append(String.format("  services     %,d for %,d lines; %,d lines failed%n", services.size(), plan.lines(),
                failedLines));
        sb.append(String.format("  balance      %s -> %s: charged %s, the services cost %s%n", balanceBefore,
                balanceAfter, charged(), costOfServices()));
        sb.append(String.format("  elapsed      %.1f s, %,.0f lines/s, %,.0f requests/s%n", seconds,
                plan.lines() / seconds, totalRequests / seconds));
        List<String> problems = problems();
        sb.append(problems.isEmpty() ? "  exactly once: held" : "  exactly once: BROKEN\n    " + String.join("\n    ",
                problems));
        return sb.toString();
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + String.format("%,d", e.getValue())).collect(Collectors.joining(", "));
    }
}

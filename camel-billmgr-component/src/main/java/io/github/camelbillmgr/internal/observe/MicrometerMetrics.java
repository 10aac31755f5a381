package io.github.camelbillmgr.internal.observe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one account in a Micrometer registry. Meters are created on first use and kept here, so that an
 * exchange costs a map lookup and an increment, not a registry lookup. Only loaded when Micrometer is on the
 * classpath (see {@link MetricsFactory}).
 */
final class MicrometerMetrics implements BillmgrMetrics {

    private final MeterRegistry registry;
    private final Tags account;
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();
    private final Map<String, Counter> busy = new ConcurrentHashMap<>();
    private final Map<String, Timer> polls = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> pollRows = new ConcurrentHashMap<>();
    private final Counter firstLogins;
    private final Counter renewals;
    private final Counter pauses;
    private final Counter held;

    MicrometerMetrics(MeterRegistry registry, Tags account) {
        this.registry = registry;
        this.account = account;
        this.firstLogins = counter(MeterNames.LOGINS, "Session logins to BILLmanager (reason=renewal: the session "
                + "was no longer accepted)", Tags.of(MeterNames.REASON, "first"));
        this.renewals = counter(MeterNames.LOGINS, null, Tags.of(MeterNames.REASON, "renewal"));
        this.pauses = counter(MeterNames.LOGIN_PAUSES, "Pauses begun after BILLmanager refused the credentials",
                Tags.empty());
        this.held = counter(MeterNames.LOGIN_HELD, "Calls failed at once, never sent, during a login pause",
                Tags.empty());
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void call(String func, String outcome) {
        calls.computeIfAbsent(func + '\u0000' + outcome,
                k -> counter(MeterNames.CALLS, "Producer exchanges by BILLmanager func and outcome",
                        Tags.of(MeterNames.FUNC, func, MeterNames.OUTCOME, outcome)))
                .increment();
    }

    @Override
    public void busy(String func) {
        busy.computeIfAbsent(func, k -> counter(MeterNames.BUSY, "Busy answers (Request in process, please wait)",
                Tags.of(MeterNames.FUNC, func))).increment();
    }

    @Override
    public void login(boolean renewal) {
        (renewal ? renewals : firstLogins).increment();
    }

    @Override
    public void loginPause() {
        pauses.increment();
    }

    @Override
    public void heldByLoginPause() {
        held.increment();
    }

    @Override
    public void poll(String func, long nanos, long rows, boolean failed) {
        String result = failed ? "failure" : "success";
        polls.computeIfAbsent(func + '\u0000' + result,
                k -> Timer.builder(MeterNames.POLL).description("Consumer polls of a service list, every page read")
                        .tags(account).tags(MeterNames.FUNC, func, MeterNames.RESULT, result).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
        pollRows.computeIfAbsent(func,
                k -> DistributionSummary.builder(MeterNames.POLL_ROWS).description("Rows read by one consumer poll")
                        .baseUnit("rows").tags(account).tags(MeterNames.FUNC, func).register(registry))
                .record(rows);
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(account).tags(tags).register(registry);
    }
}

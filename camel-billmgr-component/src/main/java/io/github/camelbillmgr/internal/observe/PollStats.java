package io.github.camelbillmgr.internal.observe;

/**
 * What a polling consumer's last polls read, for JMX and the dev console, and passed on to the meters. A poll here
 * is the reading of the list from BILLmanager (every page, and the removal check), not the route's processing of
 * what it emitted.
 */
public final class PollStats {

    private final BillmgrMetrics metrics;
    private final String func;
    private long polls;
    private long failedPolls;
    private long lastRows;
    private long lastEmitted;
    private long lastMillis;
    private long lastPollAt;

    public PollStats(BillmgrMetrics metrics, String func) {
        this.metrics = metrics;
        this.func = func;
    }

    /**
     * A poll read the list (or failed to).
     *
     * @param emitted services it will emit, or -1 when it failed
     */
    public void record(long nanos, long rows, int emitted) {
        synchronized (this) {
            polls++;
            if (emitted < 0) {
                failedPolls++;
            } else {
                lastEmitted = emitted;
            }
            lastRows = rows;
            lastMillis = nanos / 1_000_000;
            lastPollAt = System.currentTimeMillis();
        }
        metrics.poll(func, nanos, rows, emitted < 0);
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(polls, failedPolls, lastRows, lastEmitted, lastMillis, lastPollAt);
    }

    /**
     * @param polls       polls since the consumer was created
     * @param failedPolls of which failed while reading
     * @param lastRows    rows the last poll read (up to its failure)
     * @param lastEmitted services the last successful poll emitted
     * @param lastMillis  how long the last poll read
     * @param lastPollAt  when the last poll ended (epoch milliseconds), 0 before the first
     */
    public record Snapshot(long polls, long failedPolls, long lastRows, long lastEmitted, long lastMillis,
                           long lastPollAt) {
    }
}

package io.github.camelbillmgr.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelbillmgr.BillmgrConstants;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * What each order line of the batch ended with, as the split hands the lines back: the service id it reported,
 * whether it was recovered by its remote id, how often it was redelivered, or the exception it failed with. Keeps
 * nothing else of the exchanges, so that a batch of 100,000 lines does not hold 100,000 exchanges.
 */
final class LineOutcomes implements AggregationStrategy {

    /** Failed lines kept with their exception for the report; the rest are only counted. */
    private static final int FAILURES_KEPT = 20;

    /** A line that did not end ordered. */
    record Failure(String remoteId, String exception) {
    }

    private final Map<String, Long> serviceIdByRemoteId = new ConcurrentHashMap<>();
    private final LongAdder lines = new LongAdder();
    private final LongAdder recovered = new LongAdder();
    private final LongAdder redelivered = new LongAdder();
    private final AtomicInteger maxRedeliveries = new AtomicInteger();
    private final LongAdder failed = new LongAdder();
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());

    /** Records the line and keeps no aggregate: the batch's own exchange stays as it was sent. */
    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange line) {
        lines.increment();
        int redeliveries = line.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        if (redeliveries > 0) {
            redelivered.increment();
            maxRedeliveries.accumulateAndGet(redeliveries, Math::max);
        }
        String remoteId = line.getMessage().getHeader(BillmgrConstants.REMOTE_ID, String.class);
        Exception e = line.getException();
        if (e != null) {
            failed.increment();
            if (failures.size() < FAILURES_KEPT) {
                failures.add(new Failure(remoteId, e.toString()));
            }
            return oldExchange;
        }
        if (Boolean.TRUE.equals(line.getMessage().getHeader(BillmgrConstants.RECOVERED, Boolean.class))) {
            recovered.increment();
        }
        Long serviceId = line.getMessage().getHeader(BillmgrConstants.SERVICE_ID, Long.class);
        if (remoteId != null && serviceId != null) {
            serviceIdByRemoteId.put(remoteId, serviceId);
        }
        return oldExchange;
    }

    long lines() {
        return lines.sum();
    }

    long recovered() {
        return recovered.sum();
    }

    long redeliveredLines() {
        return redelivered.sum();
    }

    int maxRedeliveries() {
        return maxRedeliveries.get();
    }

    long failed() {
        return failed.sum();
    }

    List<Failure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** The service id each line that ended ordered reported, by its remote id. */
    Map<String, Long> serviceIds() {
        return Collections.unmodifiableMap(serviceIdByRemoteId);
    }
}

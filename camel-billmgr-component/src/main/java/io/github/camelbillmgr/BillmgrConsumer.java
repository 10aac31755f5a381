package io.github.camelbillmgr;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;

import io.github.camelbillmgr.internal.observe.PollStats;
import io.github.camelbillmgr.internal.op.Operations;
import io.github.camelbillmgr.internal.op.ServiceLister;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceState;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.util.CastUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a service list ({@code from("billmgr:TYPE/list")}) and emits one exchange per service, or, with
 * {@code emit=changes}, per service that changed since the last poll. Every page is read before anything is emitted,
 * so a poll that fails halfway emits nothing and the next poll starts clean.
 * <p>
 * Memory: the list itself is read row by row and never held as a document. What one poll holds is the services it
 * will emit (every matching service with {@code emit=all}; only the changed ones with {@code emit=changes}), at most
 * {@code maxMessagesPerPoll} of them when that is set, plus, with {@code emit=changes}, the remembered state of each
 * service (its id, status, expire date, auto-renewal and cost) that the state repository loads. The first poll of
 * {@code emit=changes} emits every service as created: set {@code maxMessagesPerPoll} to spread a long list over
 * several polls.
 * <p>
 * A list that changes while a poll reads it: BILLmanager pages by offset, so a service can show on two pages (it is
 * emitted or compared once: the services are keyed by id) or on none (with {@code emit=changes}, a service is emitted
 * as removed only when a second read of the list misses it too; see {@link RemovalCheck}).
 * <p>
 * The reading of the list and the choice of what to emit are {@link ListPoll}'s; this class makes and processes the
 * exchanges, records a change once it is handled, and shows the polls in JMX (a third of its lines) and in the
 * consumer health check ({@link PollFailureDetails}).
 */
@ManagedResource(description = "Managed BILLmanager service list consumer")
public class BillmgrConsumer extends ScheduledBatchPollingConsumer {

    /** Health check detail of a failed poll: the exception's simple class name, e.g. {@code BillmgrTransportException}. */
    public static final String HEALTH_EXCEPTION = "billmgr.exception";
    /** Health check detail of a failed poll: its {@link BillmgrOutcome} ({@code NOT_DONE} for a list). */
    public static final String HEALTH_OUTCOME = "billmgr.outcome";
    /** Health check detail of a failed poll: the BILLmanager function called, e.g. {@code vds}. */
    public static final String HEALTH_FUNC = "billmgr.func";
    /** Health check detail of a poll BILLmanager refused: the error type, e.g. {@code auth}, {@code access}. */
    public static final String HEALTH_ERROR_TYPE = "billmgr.error.type";
    /** Health check detail of a poll BILLmanager refused: the error's object, e.g. {@code badpassword}. */
    public static final String HEALTH_ERROR_OBJECT = "billmgr.error.object";

    private static final Logger LOG = LoggerFactory.getLogger(BillmgrConsumer.class);

    private BillmgrStateRepository stateRepository;
    private String stateKey;
    private PollStats pollStats;

    public BillmgrConsumer(BillmgrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public BillmgrEndpoint getEndpoint() {
        return (BillmgrEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        BillmgrConfiguration c = getEndpoint().getConfiguration();
        stateRepository
                = c.getStateRepository() != null ? c.getStateRepository() : getEndpoint().getDefaultStateRepository();
        stateKey = getEndpoint().getStateKey();
        if (pollStats == null) {
            pollStats = new PollStats(getEndpoint().getComponent().metricsFor(c),
                    Operations.func(BillmgrOperation.list, c));
        }
        if (stateRepository instanceof org.apache.camel.Service) {
            // started with the context (a JDBC repository creates its table) and shown in JMX, as Camel's own
            // state and idempotent repositories are; adding it again for another consumer changes nothing
            getEndpoint().getCamelContext().addService(stateRepository, true, true);
        }
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        try {
            return pollList();
        } catch (Exception e) {
            describeFailure(e);
            endFailedPoll(e);
            throw e;
        }
    }

    /**
     * A poll that failed after {@code load()} never reached the flush that ends a batch: flush here, so that a
     * repository that holds something for the poll (the JDBC repository's lock on the key) lets go of it.
     */
    private void endFailedPoll(Exception failure) {
        try {
            stateRepository.flush();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    private int pollList() throws Exception {
        BillmgrConfiguration c = getEndpoint().getConfiguration();
        Map<String, Object> extra = c.getParams() == null ? Map.of() : c.getParams();
        int max = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
        ListPoll read = new ListPoll(new ServiceLister(getEndpoint().getClient(), c), extra, max, c.getItemType());
        long start = System.nanoTime();
        Map<Long, ListPoll.Emission> emissions;
        try {
            emissions = c.getEmit() == BillmgrEmitMode.changes ? read.changes(stateRepository.load(stateKey))
                    : read.all();
        } catch (Exception e) {
            pollStats.record(System.nanoTime() - start, read.rowsRead(), -1);
            throw e;
        }
        pollStats.record(System.nanoTime() - start, read.rowsRead(), emissions.size());
        // exchanges are created only once every page has been read: a failed poll leaves nothing behind
        Queue<Exchange> exchanges = new ArrayDeque<>(emissions.size());
        for (ListPoll.Emission e : emissions.values()) {
            exchanges.add(exchange(e.service(), e.now(), e.before(), e.change()));
        }
        emissions.clear();
        return processBatch(CastUtils.cast(exchanges));
    }

    /** The key of this consumer's state in the state repository (see {@link BillmgrEndpoint#getStateKey()}). */
    @ManagedAttribute(description = "Key of this consumer's emit=changes state in the state repository")
    public String getStateKey() {
        return getEndpoint().getStateKey();
    }

    @ManagedAttribute(description = "Class of the state repository")
    public String getStateRepositoryType() {
        BillmgrStateRepository r = stateRepository != null ? stateRepository
                : getEndpoint().getConfiguration().getStateRepository() != null
                        ? getEndpoint().getConfiguration().getStateRepository()
                : getEndpoint().getDefaultStateRepository();
        return r.getClass().getName();
    }

    /** How many services the state repository remembers under this consumer's key; -1 if it cannot be read. */
    @ManagedAttribute(description = "Services remembered under this consumer's state key (emit=changes)")
    public int getRecordedServices() {
        BillmgrStateRepository r = stateRepository;
        if (r == null || getEndpoint().getConfiguration().getEmit() != BillmgrEmitMode.changes) {
            return 0;
        }
        try {
            return r.size(getStateKey()); // not load(): a shared repository locks the key from load to flush
        } catch (Exception e) {
            LOG.debug("Could not read the state of {}: {}", getStateKey(), e.toString());
            return -1;
        }
    }

    /** What the last polls read; all zero before the first. */
    public PollStats.Snapshot pollSnapshot() {
        PollStats s = pollStats;
        return s == null ? new PollStats.Snapshot(0, 0, 0, 0, 0, 0) : s.snapshot();
    }

    @ManagedAttribute(description = "Polls that read the list (successful or not)")
    public long getListPolls() {
        return pollSnapshot().polls();
    }

    @ManagedAttribute(description = "Polls that failed while reading the list")
    public long getFailedListPolls() {
        return pollSnapshot().failedPolls();
    }

    @ManagedAttribute(description = "Rows the last poll read from BILLmanager")
    public long getLastPollRows() {
        return pollSnapshot().lastRows();
    }

    @ManagedAttribute(description = "Services the last successful poll emitted")
    public long getLastPollEmitted() {
        return pollSnapshot().lastEmitted();
    }

    @ManagedAttribute(description = "Milliseconds the last poll took to read the list (not to process it)")
    public long getLastPollMillis() {
        return pollSnapshot().lastMillis();
    }

    /**
     * Names a failed poll's cause in the consumer health check's details (Camel's message only counts the failures).
     * The details stay until a poll succeeds, so the ones of an earlier failure are replaced, not added to.
     */
    private void describeFailure(Exception e) {
        Map<String, Object> details = getLastErrorDetails();
        if (details != null) {
            details.keySet().removeIf(k -> k.startsWith("billmgr.") || k.equals(HealthCheck.HTTP_RESPONSE_CODE));
        }
        PollFailureDetails.of(e).forEach(this::addLastErrorDetail);
    }

    private Exchange exchange(BillmgrService s, BillmgrServiceState now, BillmgrServiceState before, String change) {
        Exchange exchange = createExchange(true);
        Message m = exchange.getMessage();
        m.setBody(s);
        m.setHeader(BillmgrConstants.SERVICE_ID, s.getId());
        m.setHeader(BillmgrConstants.STATUS, s.getStatus());
        m.setHeader(BillmgrConstants.ITEM_TYPE, s.getItemType());
        if (change != null) {
            m.setHeader(BillmgrConstants.CHANGE, change);
            if (before != null) {
                m.setHeader(BillmgrConstants.PREVIOUS_STATUS, before.status());
                m.setHeader(BillmgrConstants.PREVIOUS_EXPIRE_DATE, before.expireDate());
            }
            // remember the new state only once the route has handled the change: a failed exchange is re-emitted
            long id = s.getId();
            exchange.getExchangeExtension().addOnCompletion(new org.apache.camel.support.SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange done) {
                    try {
                        stateRepository.update(stateKey, id, now);
                    } catch (Exception e) {
                        getExceptionHandler().handleException("Failed to record the state of service " + id, done, e);
                    }
                }
            });
        }
        return exchange;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int answer = 0;
        try {
            for (int index = 0; index < total && isBatchAllowed(); index++) {
                Exchange exchange = (Exchange) exchanges.poll();
                exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
                exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
                exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
                pendingExchanges = total - index - 1;
                try {
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Error processing a polled BILLmanager service", exchange,
                            exchange.getException());
                }
                releaseExchange(exchange, false);
                answer++;
            }
        } finally {
            stateRepository.flush();
        }
        return answer;
    }
}

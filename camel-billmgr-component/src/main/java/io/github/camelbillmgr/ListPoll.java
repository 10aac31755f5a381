package io.github.camelbillmgr;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelbillmgr.internal.op.ServiceIterator;
import io.github.camelbillmgr.internal.op.ServiceLister;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading half of one {@link BillmgrConsumer} poll: reads every page of the list and decides what to emit, every
 * service ({@code emit=all}) or the changes since the recorded states ({@code emit=changes}), at most
 * {@code maxMessagesPerPoll}. Nothing is emitted here: the consumer makes the exchanges once the whole list is read,
 * so a poll that fails halfway leaves nothing behind. The services are keyed by id: offset paging shows a service on
 * two pages when the list shifts between two page requests, and the first sighting counts.
 */
final class ListPoll {

    private static final Logger LOG = LoggerFactory.getLogger(ListPoll.class);

    /** A service to emit, with its state now and at the last poll and what changed (emit=changes). */
    record Emission(BillmgrService service, BillmgrServiceState now, BillmgrServiceState before, String change) {
    }

    private final ServiceLister lister;
    private final Map<String, Object> extra;
    private final int max;
    private final String itemType;
    private final Map<Long, Emission> emissions = new LinkedHashMap<>();
    private long rowsRead;
    private long seenTwice;

    /**
     * @param extra the extra list parameters (the param.* options)
     * @param max   the most services to emit
     */
    ListPoll(ServiceLister lister, Map<String, Object> extra, int max, String itemType) {
        this.lister = lister;
        this.extra = extra;
        this.max = max;
        this.itemType = itemType;
    }

    /** The rows read from BILLmanager so far (also after a failure). */
    long rowsRead() {
        return rowsRead;
    }

    /** emit=all: every service, once; reading stops once {@code max} services are in hand. */
    Map<Long, Emission> all() throws BillmgrException {
        try (ServiceIterator services = lister.iterate(extra)) {
            while (emissions.size() < max && services.more()) {
                BillmgrService s = services.next();
                rowsRead++;
                if (emissions.putIfAbsent(s.getId(), new Emission(s, null, null, null)) != null) {
                    seenTwice++;
                }
            }
        }
        return done();
    }

    /**
     * emit=changes: the services whose state differs from the recorded one, then the recorded services that are gone
     * (confirmed by a second read, see {@link RemovalCheck}). Only the changes and the recorded states are held.
     */
    Map<Long, Emission> changes(Map<Long, BillmgrServiceState> loaded) throws Exception {
        RecordedStates recorded = new RecordedStates(loaded);
        lister.list(extra, s -> {
            rowsRead++;
            long id = s.getId();
            if (emissions.containsKey(id) || recorded.seenBefore(id)) {
                seenTwice++; // the list shifted between two pages: the first sighting counts
                return;
            }
            BillmgrServiceState before = recorded.markSeen(id);
            BillmgrServiceState now = BillmgrServiceState.of(s);
            String change = ChangeDetector.describe(before, now);
            // beyond maxMessagesPerPoll a change stays unrecorded and comes again at the next poll
            if (change != null && emissions.size() < max) {
                emissions.put(id, new Emission(s, now, before, change));
            }
        });
        Map<Long, BillmgrServiceState> missing = emissions.size() < max ? recorded.unseen() : Map.of();
        if (!missing.isEmpty()) {
            new RemovalCheck(lister, extra).keepConfirmed(missing);
        }
        for (Map.Entry<Long, BillmgrServiceState> gone : missing.entrySet()) {
            if (emissions.size() >= max) {
                break;
            }
            BillmgrServiceState last = gone.getValue();
            BillmgrService removed = new BillmgrService(itemType, gone.getKey(), last.status(), last.expireDate(),
                    last.autoprolong(), null, last.cost(), null, Map.of());
            emissions.put(gone.getKey(), new Emission(removed, null, last, "removed"));
        }
        return done();
    }

    private Map<Long, Emission> done() {
        LOG.debug("Polled {} {} service(s) ({} seen twice as the list shifted), {} to emit", rowsRead, itemType,
                seenTwice, emissions.size());
        return emissions;
    }
}

package io.github.camelbillmgr;

import java.util.HashMap;
import java.util.Map;

import io.github.camelbillmgr.model.BillmgrServiceState;

/**
 * The recorded states an {@code emit=changes} poll compares the list with, each marked off when its service comes by.
 * A service marked already was seen twice in one poll: offset paging showed it on two pages because the list shifted
 * between two page requests. What is left unmarked at the end is missing from the list.
 * <p>
 * Marking replaces the state in place, so the poll holds no more than the states the repository loaded. New services
 * are not recorded here: the poll keys what it emits by id, which is how it sees a new service twice.
 */
final class RecordedStates {

    /** Put in place of the state of a service seen in this poll (compared by identity). */
    private static final BillmgrServiceState SEEN = new BillmgrServiceState(null, null, null, null);

    private final Map<Long, BillmgrServiceState> states;

    /** @param loaded what the repository loaded; used as is when it is the caller's own {@code HashMap} */
    RecordedStates(Map<Long, BillmgrServiceState> loaded) {
        this.states = loaded instanceof HashMap<Long, BillmgrServiceState> mine ? mine : new HashMap<>(loaded);
    }

    /** Whether the service was marked already in this poll. */
    boolean seenBefore(long id) {
        return states.get(id) == SEEN;
    }

    /**
     * Marks a recorded service as seen.
     *
     * @return its recorded state, or null for a service with none (a new one, which is not marked)
     */
    BillmgrServiceState markSeen(long id) {
        BillmgrServiceState recorded = states.get(id);
        if (recorded == null || recorded == SEEN) {
            return null;
        }
        states.put(id, SEEN);
        return recorded;
    }

    /** The recorded services not seen in this poll, with their states: a new map the caller may change. */
    Map<Long, BillmgrServiceState> unseen() {
        Map<Long, BillmgrServiceState> out = new HashMap<>();
        states.forEach((id, state) -> {
            if (state != SEEN) {
                out.put(id, state);
            }
        });
        return out;
    }
}

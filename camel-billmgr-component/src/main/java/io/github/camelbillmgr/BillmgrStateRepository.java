package io.github.camelbillmgr;

import java.util.Map;

import io.github.camelbillmgr.model.BillmgrServiceState;

/**
 * Where the polling consumer keeps, per endpoint, the last state it emitted of each service, so that with
 * {@code emit=changes} it emits only what changed. The default keeps it in memory; use a persistent implementation
 * (for example {@link FileBillmgrStateRepository}) so that a restart does not emit every service again as created.
 * <p>
 * The consumer records a service's new state only after its exchange completed successfully: a change whose
 * exchange failed is emitted again at the next poll.
 */
public interface BillmgrStateRepository {

    /**
     * Every remembered service of the given endpoint key, by service id. The caller owns the returned map and removes
     * entries from it while it compares (return a fresh {@code HashMap}, not a view of the repository's own state;
     * any other map is copied first).
     */
    Map<Long, BillmgrServiceState> load(String key) throws Exception;

    /** Remembers a service's state, or forgets the service when {@code state} is null. */
    void update(String key, long serviceId, BillmgrServiceState state) throws Exception;

    /**
     * How many services are remembered for the key, for JMX and the dev console: unlike {@link #load}, which a poll
     * calls and which a shared repository may treat as the start of a poll (taking the key's lock until
     * {@link #flush()}), this only reads.
     */
    default int size(String key) throws Exception {
        return load(key).size();
    }

    /** Called after each batch of updates: an implementation may write them out together here. */
    default void flush() throws Exception {
    }

    /**
     * Forgets every service of the given endpoint key, and writes that out. A key stays in the repository until it is
     * cleared: changing an endpoint's base URL, user, item type or filters starts a new key and leaves the old one
     * behind. Get a key from {@link BillmgrEndpoint#getStateKey()}; clear only keys no running consumer uses. The
     * default forgets the services one by one through {@link #update} and then calls {@link #flush()}.
     */
    default void clear(String key) throws Exception {
        for (Long id : load(key).keySet()) {
            update(key, id, null);
        }
        flush();
    }
}

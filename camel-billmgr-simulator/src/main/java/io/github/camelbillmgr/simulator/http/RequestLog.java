package io.github.camelbillmgr.simulator.http;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.IntSupplier;

import io.github.camelbillmgr.simulator.model.RecordedRequest;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * The requests received, in order: all of them, or a ring of the last N ({@code requestLogLimit}), so that a server
 * under sustained load keeps a flat heap. Appends are cheap; readers get a copy.
 */
public final class RequestLog {

    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();
    private final IntSupplier limit;
    private long received;

    /** Keeps every request. */
    public RequestLog() {
        this(() -> 0);
    }

    /** Keeps the last {@link SimSettings#getRequestLogLimit()} requests, read at every append (0: all). */
    public RequestLog(SimSettings settings) {
        this(settings::getRequestLogLimit);
    }

    private RequestLog(IntSupplier limit) {
        this.limit = limit;
    }

    public synchronized void add(RecordedRequest request) {
        received++;
        requests.addLast(request);
        int keep = limit.getAsInt();
        while (keep > 0 && requests.size() > keep) {
            requests.removeFirst();
        }
    }

    public synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    /** Requests received since the last {@link #clear()}, those the ring dropped included. */
    public synchronized long received() {
        return received;
    }

    public synchronized void clear() {
        requests.clear();
        received = 0;
    }
}

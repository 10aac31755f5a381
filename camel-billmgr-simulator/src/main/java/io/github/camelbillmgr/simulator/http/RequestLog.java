package io.github.camelbillmgr.simulator.http;

import io.github.camelbillmgr.simulator.RecordedRequest;
import java.util.ArrayList;
import java.util.List;

/** Every request received, in order. Appends are cheap; readers get a copy. */
public final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    public synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    public synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    public synchronized void clear() {
        requests.clear();
    }
}

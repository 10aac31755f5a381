package io.github.camelbillmgr.simulator.http;

import java.io.IOException;

/**
 * Thrown out of the handler to drop the connection on purpose. The server answers an
 * IOException from a handler by closing the connection (logging it at TRACE only), and
 * {@link ApiHttpHandler} lets it through instead of turning it into a 500. No stack trace: it
 * is an expected outcome, not a bug.
 */
final class InjectedDisconnect extends IOException {

    private static final long serialVersionUID = 1L;

    InjectedDisconnect(String what) {
        super("connection dropped by an injected fault: " + what);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}

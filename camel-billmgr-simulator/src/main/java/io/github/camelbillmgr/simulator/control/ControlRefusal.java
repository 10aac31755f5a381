package io.github.camelbillmgr.simulator.control;

/** A failure the caller caused: answered with its status and {@code {"error": message}}. */
final class ControlRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ControlRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** 405, naming the methods the resource takes. */
    static ControlRefusal notAllowed(String method, String allowed) {
        return new ControlRefusal(405, method + " is not allowed here; allowed: " + allowed);
    }

    int status() {
        return status;
    }
}

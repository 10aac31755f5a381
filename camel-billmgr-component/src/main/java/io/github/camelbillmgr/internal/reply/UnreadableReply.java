package io.github.camelbillmgr.internal.reply;

/**
 * A reply to a change that came back but cannot be read as an answer to it: nobody can tell whether the change was
 * made. The exactly-once guard keeps the attempt pending and reports the outcome unknown.
 */
public final class UnreadableReply extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param problem what is wrong with the reply, e.g. "says neither that the order was placed ..." */
    public UnreadableReply(String problem) {
        super(problem, null, false, false);
    }
}

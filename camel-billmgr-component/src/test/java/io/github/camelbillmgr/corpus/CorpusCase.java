package io.github.camelbillmgr.corpus;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelbillmgr.CannedReplyServer.Reply;

/**
 * One bad input or bad reply of the corpus, and what the component must make of it: the exception class and the
 * words its message must contain (the option or header, the value, what is allowed; or the call and the problem).
 *
 * @param group    the corpus group, for the counts printed at the end
 * @param name     what a failure report names: the URI, the header and its value, or the reply
 * @param kind     how the case is run
 * @param uri      the endpoint URI
 * @param headers  the exchange headers (EXCHANGE and REPLY)
 * @param body     the exchange body (EXCHANGE and REPLY)
 * @param replies  REPLY: what the server answers to the first, second, ... request (the last one repeats); made only
 *                 when the case runs, so the corpus never holds all of its huge bodies at once
 * @param expected the exception the case must end in
 * @param exact    the exception must be of exactly that class, not a subclass
 * @param mentions the words the message (or, for an endpoint, the explanation after the URI) must contain
 * @param requests REPLY: how many requests the server must have seen
 */
record CorpusCase(String group, String name, Kind kind, String uri, Map<String, Object> headers, Object body,
                  Supplier<List<Reply>> replies, Class<? extends Throwable> expected, boolean exact,
                  List<String> mentions, int requests) {

    /** How a case is run. */
    enum Kind {
        /** Create the endpoint: it must be refused. */
        ENDPOINT,
        /** Create a consumer of the endpoint: it must be refused. */
        CONSUMER,
        /** Send an exchange to a valid endpoint: it must fail before anything is sent. */
        EXCHANGE,
        /** Send an exchange to an endpoint whose server answers with canned replies. */
        REPLY
    }

    @Override
    public String toString() {
        return group + ": " + name;
    }

    /** A value as a failure report shows it: its type and its contents. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String type = value.getClass().isArray() ? value.getClass().getComponentType().getSimpleName() + "[]"
                : value instanceof Map ? "Map" : value instanceof Collection ? "Collection"
                : value.getClass().getSimpleName();
        String text;
        if (value.getClass().isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(value); i++) {
                sb.append(i == 0 ? "" : ", ").append(Array.get(value, i));
            }
            text = sb.append(']').toString();
        } else if (value instanceof String s) {
            text = "'" + s + "'";
        } else if (value.getClass() == Object.class) {
            text = "(no value)";
        } else {
            text = String.valueOf(value);
        }
        return type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}

package io.github.camelbillmgr.secrets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The suite-wide leak record: what the secrets are ({@link #SCANNER}) and every place one was seen. The log appender,
 * the JUnit extension and the test support all report here; the extension fails each test with the leaks recorded
 * while it ran. Only a bounded number of findings is kept; the rest are counted.
 */
public final class SecretLeaks {

    /** The secrets of the whole test run: known values only ever get added. */
    public static final SecretScanner SCANNER = new SecretScanner();

    private static final int MAX_KEPT = 50;
    private static final List<String> FOUND = new ArrayList<>();
    private static long total;

    private SecretLeaks() {
    }

    /** Records a leak if the text holds a secret. */
    public static void check(String where, String text) {
        String leak = SCANNER.scan(text);
        if (leak != null) {
            record(where + ": " + leak);
        }
    }

    /** Checks the message and {@code toString()} of the throwable, its causes and its suppressed throwables. */
    public static void check(String where, Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        checkChain(where, thrown, seen);
    }

    private static void checkChain(String where, Throwable t, Set<Throwable> seen) {
        // Bounded: a cause chain with a loop, or thousands of suppressed exceptions, must not hang a test.
        for (; t != null && seen.size() < 100 && seen.add(t); t = t.getCause()) {
            check(where + " (" + t.getClass().getName() + ")", String.valueOf(t.getMessage()));
            String shown = t.toString();
            if (!shown.endsWith(String.valueOf(t.getMessage()))) {
                check(where + " (" + t.getClass().getName() + ".toString())", shown);
            }
            for (Throwable s : t.getSuppressed()) {
                checkChain(where + " (suppressed)", s, seen);
            }
        }
    }

    /** Where the record stands now: pass it to {@link #since(long)} later. */
    public static synchronized long mark() {
        return total;
    }

    /** The leaks recorded after the mark (at most the last ones kept), and how many there were in all. */
    public static synchronized Findings since(long mark) {
        long count = total - mark;
        int kept = (int) Math.min(count, FOUND.size());
        return new Findings(count, List.copyOf(FOUND.subList(FOUND.size() - kept, FOUND.size())));
    }

    /** Forgets the leaks recorded after the mark: for a test that plants one on purpose. */
    public static synchronized Findings takeSince(long mark) {
        Findings f = since(mark);
        FOUND.subList(FOUND.size() - f.shown().size(), FOUND.size()).clear();
        total = mark;
        return f;
    }

    private static synchronized void record(String leak) {
        total++;
        FOUND.add(leak);
        if (FOUND.size() > MAX_KEPT) {
            FOUND.remove(0);
        }
    }

    /** Leaks recorded in a span: how many, and the last few of them. */
    public record Findings(long count, List<String> shown) {

        public boolean isEmpty() {
            return count == 0;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder().append(count).append(" secret(s) leaked");
            if (count > shown.size()) {
                sb.append(" (the last ").append(shown.size()).append(" shown)");
            }
            sb.append(':');
            shown.forEach(s -> sb.append("\n  ").append(s));
            return sb.toString();
        }
    }
}

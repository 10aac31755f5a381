package io.github.camelbillmgr.simulator.fault;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The text forms of faults, for the standalone server's options and the control plane:
 * <ul>
 *   <li>a fault: {@code KIND[=PARAM][+commit]}, e.g. {@code drop_after_commit}, {@code http_status=502+commit},
 *       {@code delay=1500} (milliseconds, or {@code 2s}), {@code truncated_body=40}, {@code error=value}; kind names
 *       are those of {@link FaultKind}, in any case, with {@code -} or {@code _};</li>
 *   <li>a random rule: {@code FUNC:RATE:FAULT[,FAULT...][:SEED]}, e.g. {@code *.order.param:0.1:drop_after_commit,busy:42}
 *       (seed 1 when left out);</li>
 *   <li>a latency: {@code FUNC:DURATION}, e.g. {@code *:200} or {@code vds:1s}.</li>
 * </ul>
 */
public final class FaultSpec {

    static final long DEFAULT_SEED = 1L;
    private static final String COMMIT = "+commit";

    private FaultSpec() {
    }

    public static Fault fault(String spec) {
        String text = spec.trim();
        boolean commit = text.toLowerCase(Locale.ROOT).endsWith(COMMIT);
        if (commit) {
            text = text.substring(0, text.length() - COMMIT.length());
        }
        int eq = text.indexOf('=');
        String name = (eq < 0 ? text : text.substring(0, eq)).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        String param = eq < 0 ? null : text.substring(eq + 1).trim();
        FaultKind kind;
        try {
            kind = FaultKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown fault kind '" + name + "' in '" + spec + "'; known: "
                    + Arrays.toString(FaultKind.values()).toLowerCase(Locale.ROOT));
        }
        Fault fault = param == null ? Fault.of(kind) : withParam(kind, param, spec);
        return commit ? fault.afterCommit() : fault;
    }

    /** Parses a random rule now (so that bad input fails early) and returns how to add it. */
    public static Consumer<SimFaults> randomRule(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException("A fault rule is FUNC:RATE:FAULT[,FAULT...][:SEED], not '" + spec + "'");
        }
        double rate = parseDouble(parts[1], spec);
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("The rate must be between 0 and 1 in '" + spec + "'");
        }
        Fault[] list = Arrays.stream(parts[2].split(",")).map(FaultSpec::fault).toArray(Fault[]::new);
        long seed = parts.length == 4 ? parseLong(parts[3], spec) : DEFAULT_SEED;
        return faults -> faults.randomly(parts[0], rate, seed, list);
    }

    /** Parses a latency now and returns how to add it. */
    public static Consumer<SimFaults> latency(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("A latency is FUNC:DURATION, not '" + spec + "'");
        }
        String func = spec.substring(0, colon);
        Duration latency = duration(spec.substring(colon + 1), spec);
        return faults -> faults.latency(func, latency);
    }

    private static Fault withParam(FaultKind kind, String param, String spec) {
        return switch (kind) {
            case HTTP_STATUS -> Fault.httpStatus((int) parseLong(param, spec));
            case ERROR -> Fault.error(param);
            case DELAY -> Fault.delay(duration(param, spec));
            case DELAY_AFTER_COMMIT -> Fault.delayAfterCommit(duration(param, spec));
            case TRUNCATED_BODY -> Fault.truncatedBody((int) parseLong(param, spec));
            case MALFORMED_BODY -> Fault.malformedBody((int) parseLong(param, spec));
            default -> throw new IllegalArgumentException(kind + " takes no parameter: '" + spec + "'");
        };
    }

    /** Milliseconds, or a number with {@code ms} or {@code s}. */
    static Duration duration(String text, String spec) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("-")) {
            throw new IllegalArgumentException("Negative duration in '" + spec + "'");
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(parseLong(value.substring(0, value.length() - 2), spec));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(parseLong(value.substring(0, value.length() - 1), spec));
        }
        return Duration.ofMillis(parseLong(value, spec));
    }

    private static long parseLong(String text, String spec) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a whole number: '" + text + "' in '" + spec + "'");
        }
    }

    private static double parseDouble(String text, String spec) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a rate: '" + text + "' in '" + spec + "'");
        }
    }
}

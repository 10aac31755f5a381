package io.github.camelbillmgr.examples;

import java.math.BigDecimal;

/**
 * One line of the example's summary: a step that worked ({@code [ok]}) or did not ({@code [failed]}).
 *
 * @param ok        whether the step worked
 * @param step      what was attempted, e.g. {@code order order-4}
 * @param text      what happened, one line, e.g. {@code ordered vds 1001 (remoteid order-1)}
 * @param serviceId the service the step created or worked on, or null
 * @param remoteId  the remote id of the order line, or null
 * @param errorType the BILLmanager error type of a failure ({@code missed}, {@code not_enough_money}, ...), or
 *                  the exception's simple class name when BILLmanager did not answer with an error; null when ok
 * @param deficit   how much money was missing, for a {@code not_enough_money} failure, or null
 */
public record StepOutcome(boolean ok, String step, String text, Long serviceId, String remoteId, String errorType,
                          BigDecimal deficit) {

    public static StepOutcome ok(String step, String text, Long serviceId) {
        return new StepOutcome(true, step, text, serviceId, null, null, null);
    }

    public static StepOutcome failed(String step, String text, String errorType) {
        return new StepOutcome(false, step, text, null, null, errorType, null);
    }

    public StepOutcome withRemoteId(String id) {
        return new StepOutcome(ok, step, text, serviceId, id, errorType, deficit);
    }

    public StepOutcome withServiceId(Long id) {
        return new StepOutcome(ok, step, text, id, remoteId, errorType, deficit);
    }

    public StepOutcome withDeficit(BigDecimal missing) {
        return new StepOutcome(ok, step, text, serviceId, remoteId, errorType, missing);
    }

    /** The summary line: {@code [ok] ...} or {@code [failed] ...}. */
    public String line() {
        return (ok ? "[ok]     " : "[failed] ") + text;
    }

    @Override
    public String toString() {
        return line();
    }
}

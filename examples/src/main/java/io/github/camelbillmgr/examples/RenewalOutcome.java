package io.github.camelbillmgr.examples;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the renewal workflow ({@link RenewExpiringRoutes}) did with one service that is about to expire.
 *
 * @param result        renewed, skipped (auto-renewal is on: BILLmanager renews it itself) or failed
 * @param itemType      the service's item type, e.g. {@code vds}
 * @param serviceId     the service
 * @param expireDate    its expire date before
 * @param newExpireDate its expire date after the renewal (null unless renewed)
 * @param period        the months it was (or was to be) renewed for; null when skipped
 * @param errorType     BILLmanager's error type of a failure ({@code not_enough_money}, ...), else null
 * @param deficit       the money missing for a {@code not_enough_money} failure, else null
 * @param text          one line for people
 */
public record RenewalOutcome(Result result, String itemType, long serviceId, LocalDate expireDate,
                             LocalDate newExpireDate, Integer period, String errorType, BigDecimal deficit,
                             String text) {

    public enum Result {
        RENEWED,
        SKIPPED,
        FAILED
    }

    /** {@code [renewed] vds 1001 ...}, {@code [skipped] ...}, {@code [failed] ...}. */
    public String line() {
        return "[" + result.name().toLowerCase(java.util.Locale.ROOT) + "] " + text;
    }

    @Override
    public String toString() {
        return line();
    }
}

package io.github.camelbillmgr.simulator.engine;

import java.math.BigDecimal;

/** Amounts on the wire: at least two decimals, more only when the value has them ({@code 0.1048}). */
public final class Money {

    private Money() {
    }

    public static String format(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() < 2) {
            stripped = stripped.setScale(2);
        }
        return stripped.toPlainString();
    }

    public static String withCurrency(BigDecimal amount, String currency) {
        return format(amount) + " " + currency;
    }
}

package io.github.camelbillmgr.simulator.catalog;

import java.math.BigDecimal;

/**
 * A tariff add-on ({@code addon_<id>}). The tariff price covers {@code included} units; each
 * unit above that costs {@code unitPrice} per month. Fewer units than included cost nothing less,
 * which keeps pricing simple and deterministic.
 */
public record Addon(int id, String name, String measure, long defaultValue, long min, long max,
                    long included, BigDecimal unitPrice) {

    public boolean accepts(long value) {
        return value >= min && value <= max;
    }

    public BigDecimal monthlyCost(long value) {
        long extra = Math.max(0, value - included);
        return unitPrice.multiply(BigDecimal.valueOf(extra));
    }
}

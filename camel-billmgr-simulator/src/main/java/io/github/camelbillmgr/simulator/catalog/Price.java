package io.github.camelbillmgr.simulator.catalog;

import java.math.BigDecimal;

/** What a whole period of a tariff costs; {@code period} is in months. */
public record Price(int period, BigDecimal cost) {
}

package io.github.camelbillmgr.model;

import java.math.BigDecimal;

/** The price of a tariff for one period (in months; {@code -100} is a trial). */
public record BillmgrPrice(int period, BigDecimal cost, String currency) {
}

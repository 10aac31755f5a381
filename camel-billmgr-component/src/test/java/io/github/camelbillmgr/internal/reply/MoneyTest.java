package io.github.camelbillmgr.internal.reply;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MoneyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5.00 EUR|5.00|EUR",
            "1 500.00 RUB|1500.00|RUB",
            "1\u00a0500,50 RUB|1500.50|RUB",
            "€5.00|5.00|€",
            "5.00 EUR / month|5.00|EUR",
            "5,00|5.00|",
            "-3.10 USD|-3.10|USD",
            "  12  |12|" })
    void readsTheAmountAndTheCurrencyAsBillmanagerWritesThem(String text, String amount, String currency) {
        Money m = Money.parse(text);
        assertEquals(new BigDecimal(amount), m.amount(), text);
        assertEquals(currency, m.currency(), text);
    }

    @Test
    void noNumberIsNoAmount() {
        assertNull(Money.parse(null).amount());
        assertNull(Money.parse("  ").amount());
        assertNull(Money.parse("free").amount());
        assertNull(Money.parse("free").currency());
    }
}

package io.github.camelbillmgr;

import java.math.BigDecimal;
import java.util.Map;

/**
 * BILLmanager refused to charge the account ({@code not_enough_money}): the balance plus the credit limit is below
 * the price. Nothing was ordered or renewed. Top up the account, or send the order to the cart
 * ({@code skipBasket=false}) instead.
 */
public class BillmgrInsufficientFundsException extends BillmgrApiException {

    private static final long serialVersionUID = 1L;

    public BillmgrInsufficientFundsException(String func, String type, String object, String value,
                                             Map<String, String> params, String errorMessage) {
        super(func, type, object, value, params, errorMessage);
    }

    /** The price of the operation. */
    public BigDecimal getAmount() {
        return decimal("amount");
    }

    /** How much is missing. */
    public BigDecimal getDeficit() {
        return decimal("deficit");
    }

    /** What the account has ({@code have}). */
    public BigDecimal getBalance() {
        return decimal("have");
    }

    /** The currency of the amounts, e.g. {@code EUR}. */
    public String getCurrency() {
        return getParams().get("currency");
    }

    private BigDecimal decimal(String name) {
        String v = getParams().get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

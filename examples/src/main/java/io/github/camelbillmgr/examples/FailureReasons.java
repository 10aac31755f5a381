package io.github.camelbillmgr.examples;

import java.math.BigDecimal;

import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrInsufficientFundsException;

/** One-line, password-free descriptions of failures, for the summary. */
public final class FailureReasons {

    private FailureReasons() {
    }

    /** {@code not enough money: top up needed: deficit 12.00 EUR (price 30.00 EUR, balance 18.00 EUR)}. */
    public static String topUp(BillmgrInsufficientFundsException e) {
        String currency = e.getCurrency() == null ? "" : " " + e.getCurrency();
        StringBuilder sb = new StringBuilder("not enough money: top up needed: ");
        if (e.getDeficit() != null) {
            sb.append("deficit ").append(money(e.getDeficit())).append(currency);
        } else {
            sb.append("BILLmanager did not say how much (").append(oneLine(e.getErrorMessage())).append(')');
        }
        if (e.getAmount() != null && e.getBalance() != null) {
            sb.append(" (price ").append(money(e.getAmount())).append(currency).append(", balance ")
                    .append(money(e.getBalance())).append(currency).append(')');
        }
        return sb.toString();
    }

    /** {@code BILLmanager error 'missed' (pricelist): The tariff was not found}. */
    public static String apiError(BillmgrApiException e) {
        StringBuilder sb = new StringBuilder("BILLmanager error '").append(e.getType()).append('\'');
        if (e.getObject() != null && !e.getObject().isBlank()) {
            sb.append(" (").append(e.getObject()).append(')');
        }
        String msg = e.getErrorMessage();
        if (msg != null && !msg.isBlank()) {
            sb.append(": ").append(oneLine(msg));
        }
        return sb.toString();
    }

    /** Any failure, most specific description first. */
    public static String describe(Throwable t) {
        if (t instanceof BillmgrInsufficientFundsException e) {
            return topUp(e);
        }
        if (t instanceof BillmgrApiException e) {
            return apiError(e);
        }
        return t.getClass().getSimpleName() + ": " + oneLine(t.getMessage());
    }

    static String money(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.scale()), java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}

package io.github.camelbillmgr.simulator.model;

import java.math.BigDecimal;

/**
 * A snapshot of one user and the account it pays from. The simulator keeps one account per user.
 *
 * @param user        the login name
 * @param accountName the account's "Name" column, matched whole by {@code account=} filters
 * @param creditLimit how far the balance may go below zero
 */
public record SimAccount(long id, String user, String password, String accountName, boolean admin,
                         BigDecimal balance, String currency, BigDecimal creditLimit) {

    /** The login name; the same as {@link #user()}. */
    public String name() {
        return user;
    }

    /** What may still be spent: balance plus credit limit. */
    public BigDecimal available() {
        return balance.add(creditLimit);
    }

    public SimAccount withBalance(BigDecimal newBalance) {
        return new SimAccount(id, user, password, accountName, admin, newBalance, currency, creditLimit);
    }

    public SimAccount withCreditLimit(BigDecimal newLimit) {
        return new SimAccount(id, user, password, accountName, admin, balance, currency, newLimit);
    }

    public SimAccount withPassword(String newPassword) {
        return new SimAccount(id, user, newPassword, accountName, admin, balance, currency, creditLimit);
    }

    /** Never prints the password: snapshots end up in test logs. */
    @Override
    public String toString() {
        return "SimAccount[id=" + id + ", user=" + user + ", accountName=" + accountName + ", admin=" + admin
                + ", balance=" + balance + " " + currency + ", creditLimit=" + creditLimit + "]";
    }
}

package io.github.camelbillmgr.simulator.control;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.SimState;
import io.github.camelbillmgr.simulator.engine.Store;
import io.github.camelbillmgr.simulator.model.SimAccount;
import io.github.camelbillmgr.simulator.seed.SimSeed;

/**
 * {@code GET|POST /__sim/accounts[/USER]}: list the accounts, add one (as a seed's account), read one, change its
 * balance, credit limit or password.
 */
final class AccountsResource implements ControlResource {

    private static final Set<String> CHANGEABLE = Set.of("balance", "creditLimit", "password");

    private final BillmgrSimulator simulator;
    private final Store store;

    AccountsResource(BillmgrSimulator simulator, Store store) {
        this.simulator = simulator;
        this.store = store;
    }

    @Override
    public JsonNode handle(ControlRequest request) {
        SimState state = simulator.state();
        String user = request.id();
        if (user == null) {
            return switch (request.method()) {
                case "GET" -> {
                    ArrayNode list = ControlViews.JSON.createArrayNode();
                    state.accounts().forEach(account -> list.add(ControlViews.account(account)));
                    yield list;
                }
                case "POST" -> {
                    SimSeed.Account a = request.read(SimSeed.Account.class);
                    if (a.user() == null || a.password() == null) {
                        throw new IllegalArgumentException("a new account needs user and password");
                    }
                    yield ControlViews.account(store.createAccount(a.user(), a.password(), a.accountName(), a.admin(),
                            a.balance(), a.currency(), a.creditLimit()));
                }
                default -> throw request.notAllowed("GET, POST");
            };
        }
        SimAccount account = state.account(user);
        if (account == null) {
            throw new ControlRefusal(404, "no such user '" + user + "'");
        }
        return switch (request.method()) {
            case "GET" -> ControlViews.account(account);
            case "POST", "PATCH", "PUT" -> {
                JsonNode body = request.object();
                for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
                    String name = names.next();
                    if (!CHANGEABLE.contains(name)) {
                        throw new IllegalArgumentException("an account's " + name
                                + " cannot be changed; allowed: balance, creditLimit, password");
                    }
                }
                if (body.has("balance")) {
                    state.setBalance(user, amount(body, "balance"));
                }
                if (body.has("creditLimit")) {
                    state.setCreditLimit(user, amount(body, "creditLimit"));
                }
                if (body.hasNonNull("password")) {
                    state.setPassword(user, body.get("password").asText());
                }
                yield ControlViews.account(state.account(user));
            }
            default -> throw request.notAllowed("GET, POST");
        };
    }

    private static BigDecimal amount(JsonNode body, String field) {
        try {
            return new BigDecimal(body.get(field).asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be an amount such as 12.50, not '"
                    + body.get(field).asText() + "'");
        }
    }
}

package io.github.camelbillmgr.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import io.github.camelbillmgr.simulator.catalog.Catalogue;
import io.github.camelbillmgr.simulator.engine.ServiceFactory;
import io.github.camelbillmgr.simulator.engine.Store;
import io.github.camelbillmgr.simulator.fault.SimFaults;
import io.github.camelbillmgr.simulator.model.SimAccount;
import io.github.camelbillmgr.simulator.model.SimCart;
import io.github.camelbillmgr.simulator.model.SimCartItem;
import io.github.camelbillmgr.simulator.model.SimService;

/**
 * Test hooks on the simulator's state. Reads return snapshots; every call is atomic with
 * respect to HTTP requests (they share one lock).
 */
public final class SimState {

    private final Store store;
    private final SimFaults faults;

    SimState(Store store, SimFaults faults) {
        this.store = store;
        this.faults = faults;
    }

    // ---- accounts ----------------------------------------------------------------------------

    /** The user's account, or null if there is no such user. */
    public SimAccount account(String user) {
        return store.account(user);
    }

    public List<SimAccount> accounts() {
        return store.accounts();
    }

    /** A client whose account name is its user name, in EUR, with no credit limit. */
    public SimAccount createClient(String user, String password, BigDecimal balance) {
        return createClient(user, password, user, balance);
    }

    public SimAccount createClient(String user, String password, String accountName, BigDecimal balance) {
        return store.createAccount(user, password, accountName, false, balance, "EUR", BigDecimal.ZERO);
    }

    public SimAccount createAdmin(String user, String password) {
        return store.createAccount(user, password, user, true, BigDecimal.ZERO, "EUR", BigDecimal.ZERO);
    }

    public SimAccount setBalance(String user, BigDecimal balance) {
        synchronized (store) {
            SimAccount updated = requireAccount(user).withBalance(balance);
            store.putAccount(updated);
            return updated;
        }
    }

    public SimAccount setCreditLimit(String user, BigDecimal creditLimit) {
        synchronized (store) {
            SimAccount updated = requireAccount(user).withCreditLimit(creditLimit);
            store.putAccount(updated);
            return updated;
        }
    }

    public SimAccount setPassword(String user, String password) {
        synchronized (store) {
            SimAccount updated = requireAccount(user).withPassword(password);
            store.putAccount(updated);
            return updated;
        }
    }

    public BigDecimal balance(String user) {
        return requireAccount(user).balance();
    }

    private SimAccount requireAccount(String user) {
        return Objects.requireNonNull(store.account(user), () -> "no such user: " + user);
    }

    // ---- services ----------------------------------------------------------------------------

    public List<SimService> services() {
        synchronized (store) {
            store.settle();
            return List.copyOf(store.services());
        }
    }

    public Optional<SimService> service(long id) {
        synchronized (store) {
            store.settle();
            return Optional.ofNullable(store.service(id));
        }
    }

    public List<SimService> servicesOf(String itemType) {
        return services().stream().filter(s -> s.itemType().equals(itemType)).toList();
    }

    public int serviceCount() {
        synchronized (store) {
            return store.services().size();
        }
    }

    /**
     * Adds a service directly, e.g. {@code addService(SimService.builder("vds", CLIENT_USER).pricelistId(6))}.
     * The id is assigned; what is left out comes from the tariff (name, cost, add-on defaults,
     * data centre), today (open date, expire date = today + period) and generated values
     * (domain, IP, license key).
     */
    public SimService addService(SimService.Builder builder) {
        synchronized (store) {
            return new ServiceFactory(store).add(builder, "system");
        }
    }

    /** Adds {@code count} active services of one tariff for one owner, e.g. to test paging. */
    public List<SimService> addServices(String itemType, String owner, long pricelistId, int count) {
        synchronized (store) {
            ServiceFactory factory = new ServiceFactory(store);
            return IntStream.range(0, count)
                    .mapToObj(i -> factory.add(SimService.builder(itemType, owner).pricelistId(pricelistId), "system"))
                    .toList();
        }
    }

    public SimService setStatus(long id, int status) {
        return updateService(id, b -> b.status(status));
    }

    public SimService setExpireDate(long id, LocalDate expireDate) {
        return updateService(id, b -> b.expireDate(expireDate));
    }

    /** Changes a service through its builder; the id stays. */
    public SimService updateService(long id, Consumer<SimService.Builder> change) {
        synchronized (store) {
            SimService current = Objects.requireNonNull(store.service(id), () -> "no such service: " + id);
            SimService.Builder b = current.toBuilder();
            change.accept(b);
            SimService updated = b.id(id).build();
            store.put(updated);
            return updated;
        }
    }

    // ---- carts -------------------------------------------------------------------------------

    /** Lines of the user's classic cart (orders and renewals without {@code skipbasket}). */
    public List<SimCartItem> cartItems(String user) {
        return store.cart(user, false).map(SimCart::items).orElse(List.of());
    }

    /** Lines of the user's Dragon (BM6 new) cart. */
    public List<SimCartItem> dragonCartItems(String user) {
        return store.cart(user, true).map(SimCart::items).orElse(List.of());
    }

    /** Every open cart, classic and Dragon. */
    public List<SimCart> carts() {
        return store.carts();
    }

    // ---- sessions, catalogue, faults -----------------------------------------------------------

    public int sessionCount() {
        synchronized (store) {
            return store.sessions().size();
        }
    }

    /**
     * Every session id the simulator handed out since it started or was last reset, expired and dropped ones
     * included: a read-only live view, safe to read without locking, for tests that check no session id leaks.
     */
    public java.util.Set<String> issuedSessionIds() {
        return store.sessions().issuedIds();
    }

    /** Forgets every session, as a server restart would. */
    public void dropSessions() {
        synchronized (store) {
            store.sessions().clear();
        }
    }

    public Catalogue catalogue() {
        return store.catalogue();
    }

    /** Fault injection: next-N rules, scripts, seeded random faults and latency, per function. */
    public SimFaults faults() {
        return faults;
    }
}

package io.github.camelbillmgr.simulator.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.github.camelbillmgr.simulator.catalog.Catalogue;
import io.github.camelbillmgr.simulator.clock.SimClock;
import io.github.camelbillmgr.simulator.model.SimAccount;
import io.github.camelbillmgr.simulator.model.SimCart;
import io.github.camelbillmgr.simulator.model.SimCartItem;
import io.github.camelbillmgr.simulator.model.SimHistoryEvent;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.seed.SimSeed;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * All mutable simulator state. Every method is synchronized on the store; a request holds the
 * same monitor for its whole run, so each API call is atomic (all-or-nothing on money).
 */
public final class Store {

    public static final long FIRST_SERVICE_ID = 1001;
    private static final long FIRST_BILLORDER = 5001;
    private static final long FIRST_LINE_ITEM = 9001;

    private final SimSettings settings;
    private final SimClock clock;
    private SimSeed seed;
    private Catalogue catalogue;

    private final Map<String, SimAccount> accounts = new LinkedHashMap<>();
    private final TreeMap<Long, SimService> services = new TreeMap<>();
    private final Map<Long, PendingTransition> pending = new HashMap<>();
    private final Map<String, CartState> carts = new LinkedHashMap<>();
    private final SessionStore sessions = new SessionStore();
    private final LoginThrottle loginThrottle = new LoginThrottle();
    private final SsoKeys ssoKeys = new SsoKeys();
    private final StoredFilters storedFilters = new StoredFilters();
    private long nextAccountId;
    private long nextServiceId;
    private long nextBillorder;
    private long nextLineItem;
    private long nextEventId;

    /** A status change that lands when the clock reaches {@code due}. */
    private record PendingTransition(int target, Instant due, String action) {
    }

    private static final class CartState {
        private final long billorder;
        private final String user;
        private final boolean dragon;
        private final List<SimCartItem> items = new ArrayList<>();

        private CartState(long billorder, String user, boolean dragon) {
            this.billorder = billorder;
            this.user = user;
            this.dragon = dragon;
        }

        private SimCart snapshot() {
            return new SimCart(billorder, user, dragon, items);
        }
    }

    public Store(SimSettings settings, SimClock clock, SimSeed seed) {
        this.settings = settings;
        this.clock = clock;
        reset(seed);
    }

    public synchronized void reset(SimSeed newSeed) {
        seed = newSeed;
        catalogue = newSeed.catalogue();
        accounts.clear();
        services.clear();
        pending.clear();
        carts.clear();
        sessions.reset();
        loginThrottle.clear();
        ssoKeys.clear();
        storedFilters.clear();
        nextAccountId = 1;
        nextServiceId = FIRST_SERVICE_ID;
        nextBillorder = FIRST_BILLORDER;
        nextLineItem = FIRST_LINE_ITEM;
        nextEventId = 1;
        for (SimSeed.Account account : newSeed.accounts()) {
            createAccount(account.user(), account.password(), account.accountName(), account.admin(),
                    account.balance(), account.currency(), account.creditLimit());
        }
        ServiceFactory factory = new ServiceFactory(this);
        for (SimSeed.Service service : newSeed.services()) {
            factory.addSeeded(service);
        }
    }

    public SimSettings settings() {
        return settings;
    }

    public SimClock clock() {
        return clock;
    }

    public synchronized SimSeed seed() {
        return seed;
    }

    public synchronized Catalogue catalogue() {
        return catalogue;
    }

    // ---- accounts ----------------------------------------------------------------------------

    public synchronized SimAccount account(String user) {
        return user == null ? null : accounts.get(user);
    }

    public synchronized List<SimAccount> accounts() {
        return List.copyOf(accounts.values());
    }

    public synchronized SimAccount createAccount(String user, String password, String accountName, boolean admin,
                                                 BigDecimal balance, String currency, BigDecimal creditLimit) {
        if (accounts.containsKey(user)) {
            throw new IllegalArgumentException("user already exists: " + user);
        }
        SimAccount account = new SimAccount(nextAccountId++, user, password,
                accountName == null ? user : accountName, admin, balance, currency == null ? "EUR" : currency,
                creditLimit == null ? BigDecimal.ZERO : creditLimit);
        accounts.put(user, account);
        return account;
    }

    public synchronized void putAccount(SimAccount account) {
        if (!accounts.containsKey(account.user())) {
            throw new IllegalArgumentException("unknown user: " + account.user());
        }
        accounts.put(account.user(), account);
    }

    /** Throws {@code not_enough_money} unless balance plus credit limit covers the amount. */
    public synchronized void ensureFunds(String user, BigDecimal amount) {
        SimAccount account = requireAccount(user);
        if (amount.signum() > 0 && account.available().compareTo(amount) < 0) {
            throw Errors.notEnoughMoney(amount, account.balance(), account.currency(), account.creditLimit());
        }
    }

    public synchronized void charge(String user, BigDecimal amount) {
        ensureFunds(user, amount);
        SimAccount account = requireAccount(user);
        accounts.put(user, account.withBalance(account.balance().subtract(amount)));
    }

    private SimAccount requireAccount(String user) {
        SimAccount account = accounts.get(user);
        if (account == null) {
            throw new IllegalArgumentException("unknown user: " + user);
        }
        return account;
    }

    // ---- services ----------------------------------------------------------------------------

    public synchronized long allocateServiceId() {
        return nextServiceId++;
    }

    public synchronized SimService service(long id) {
        return services.get(id);
    }

    /** A live view in id order; hold the store's monitor while iterating. */
    public synchronized Collection<SimService> services() {
        return Collections.unmodifiableCollection(services.values());
    }

    public synchronized void put(SimService service) {
        services.put(service.id(), service);
    }

    public synchronized SimHistoryEvent event(String action, String user, String description) {
        return new SimHistoryEvent(nextEventId++, clock.localNow(), action, user, description);
    }

    /** Shows {@code interim} now and switches to {@code target} after {@code seconds} of clock time. */
    public synchronized void schedule(long serviceId, int target, int seconds, String action) {
        pending.put(serviceId, new PendingTransition(target, clock.now().plusSeconds(seconds), action));
    }

    public synchronized boolean isPending(long serviceId) {
        return pending.containsKey(serviceId);
    }

    /** Lands due transitions and, if enabled, handles expired services. Called before each request. */
    public synchronized void settle() {
        Instant now = clock.now();
        Iterator<Map.Entry<Long, PendingTransition>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, PendingTransition> entry = it.next();
            PendingTransition transition = entry.getValue();
            if (transition.due().isAfter(now)) {
                continue;
            }
            it.remove();
            SimService service = services.get(entry.getKey());
            if (service != null) {
                services.put(service.id(), service.toBuilder().status(transition.target())
                        .event(event(transition.action(), "system",
                                "status " + SimService.statusName(transition.target())))
                        .build());
            }
        }
        if (settings.isProcessExpiry()) {
            new ExpiryProcessor(this).run();
        }
    }

    // ---- carts -------------------------------------------------------------------------------

    public synchronized SimCartItem addToCart(String user, boolean dragon, SimCartItem.Kind kind, long serviceId,
                                              String itemType, int period, BigDecimal amount, String currency,
                                              String description) {
        CartState cart = carts.computeIfAbsent(cartKey(user, dragon),
                k -> new CartState(nextBillorder++, user, dragon));
        SimCartItem item = new SimCartItem(nextLineItem++, cart.billorder, kind, serviceId, itemType, period, amount,
                currency, description);
        cart.items.add(item);
        return item;
    }

    public synchronized Optional<SimCart> cart(String user, boolean dragon) {
        CartState cart = carts.get(cartKey(user, dragon));
        return cart == null ? Optional.empty() : Optional.of(cart.snapshot());
    }

    public synchronized List<SimCart> carts() {
        return carts.values().stream().map(CartState::snapshot).toList();
    }

    public synchronized void closeCart(String user, boolean dragon) {
        carts.remove(cartKey(user, dragon));
    }

    public synchronized boolean removeCartItem(String user, boolean dragon, long itemId) {
        CartState cart = carts.get(cartKey(user, dragon));
        if (cart == null || !cart.items.removeIf(item -> item.id() == itemId)) {
            return false;
        }
        if (cart.items.isEmpty()) {
            carts.remove(cartKey(user, dragon));
        }
        return true;
    }

    private static String cartKey(String user, boolean dragon) {
        return user + (dragon ? "|dragon" : "|classic");
    }

    // ---- auth helpers ------------------------------------------------------------------------

    public SessionStore sessions() {
        return sessions;
    }

    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    public SsoKeys ssoKeys() {
        return ssoKeys;
    }

    public StoredFilters storedFilters() {
        return storedFilters;
    }
}

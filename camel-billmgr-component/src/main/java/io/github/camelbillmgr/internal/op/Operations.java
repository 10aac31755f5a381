package io.github.camelbillmgr.internal.op;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrOperation;

/**
 * The table of operations: for each {@link BillmgrOperation}, the BILLmanager function it calls (per API version and
 * item type), how a call that changes something is guarded against a lost reply, the function names that act even
 * without {@code sok} (which {@code billmgr:func/} must then treat as changes), and the class that runs it.
 * <p>
 * Adding an operation: its {@link BillmgrOperation} constant (the public name), one entry here, and its class.
 */
public final class Operations {

    /** How a call of the operation is protected when its reply is lost. */
    public enum Guard {
        /** Only reads: a lost reply changed nothing, the failure is NOT_DONE. */
        READ,
        /** Changes something nothing can look up afterwards: a lost reply is an unknown outcome, nothing more. */
        UNKNOWN_ON_LOSS,
        /** Orders: a redelivery looks the order's remote id up before ordering again. */
        BY_REMOTE_ID,
        /** Renewals paid at once: a redelivery compares expire dates with those read before. */
        BY_EXPIRE_DATE,
        /** Add-on changes paid at once: a redelivery compares add-on values with those read before. */
        BY_ADDON_VALUES;

        /** Whether a redelivery may find the change made and report it recovered (CamelBillmgrRecovered). */
        public boolean recovers() {
            return this == BY_REMOTE_ID || this == BY_EXPIRE_DATE || this == BY_ADDON_VALUES;
        }
    }

    /**
     * One operation.
     *
     * @param func           the function it calls for an endpoint's configuration
     * @param actsWithoutSok the last parts of its function names that act even without {@code sok} (the license API
     *                       calls suspend, resume and delete that way)
     */
    public record Entry(BillmgrOperation operation, Function<BillmgrConfiguration, String> func, Guard guard,
                        Set<String> actsWithoutSok, Supplier<Operation> factory) {
    }

    /** The renewal function; several services are renewed through {@link #GROUPEDIT} with it as the action. */
    public static final String PROLONG = "service.prolong";
    public static final String GROUPEDIT = "groupedit";
    /** License types are ordered through the classic {@code TYPE.order.param} wizard, even on BILLmanager 6. */
    private static final Set<String> LICENSE_TYPES = Set.of("platform", "soft");

    private static final Map<BillmgrOperation, Entry> TABLE = table(
            entry(BillmgrOperation.order, c -> orderWizard(c, "param"), Guard.BY_REMOTE_ID, OrderOperation::new),
            entry(BillmgrOperation.prolong, c -> PROLONG, Guard.BY_EXPIRE_DATE, ProlongOperation::new, "prolong",
                    GROUPEDIT),
            entry(BillmgrOperation.edit, c -> c.getItemType() + ".edit", Guard.BY_ADDON_VALUES, EditOperation::new),
            entry(BillmgrOperation.get, c -> c.getItemType() + ".edit", Guard.READ, GetOperation::new),
            entry(BillmgrOperation.list, BillmgrConfiguration::getItemType, Guard.READ, ListOperation::new),
            entry(BillmgrOperation.suspend, c -> c.getItemType() + ".suspend", Guard.UNKNOWN_ON_LOSS,
                    ServiceActionOperation::new, "suspend"),
            entry(BillmgrOperation.resume, c -> c.getItemType() + ".resume", Guard.UNKNOWN_ON_LOSS,
                    ServiceActionOperation::new, "resume"),
            entry(BillmgrOperation.delete, c -> c.getItemType() + ".delete", Guard.UNKNOWN_ON_LOSS,
                    ServiceActionOperation::new, "delete"),
            entry(BillmgrOperation.pricelist, c -> orderWizard(c, "pricelist"), Guard.READ, PricelistOperation::new));

    /** The union of the entries' {@code actsWithoutSok}, for {@code billmgr:func/} calls. */
    private static final Set<String> ACTS_WITHOUT_SOK = TABLE.values().stream()
            .flatMap(e -> e.actsWithoutSok().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Operations() {
    }

    private static Entry entry(BillmgrOperation operation, Function<BillmgrConfiguration, String> func, Guard guard,
                               Supplier<Operation> factory, String... actsWithoutSok) {
        return new Entry(operation, func, guard, Set.of(actsWithoutSok), factory);
    }

    private static Map<BillmgrOperation, Entry> table(Entry... entries) {
        Map<BillmgrOperation, Entry> table = new EnumMap<>(BillmgrOperation.class);
        for (Entry e : entries) {
            table.put(e.operation(), e);
        }
        if (table.size() != BillmgrOperation.values().length) {
            // a new BillmgrOperation constant without its entry would pass the endpoint check and fail every call
            throw new IllegalStateException("No entry in the table of operations for "
                    + Arrays.stream(BillmgrOperation.values()).filter(o -> !table.containsKey(o)).toList());
        }
        return table;
    }

    /** The operation's entry. */
    public static Entry of(BillmgrOperation operation) {
        return TABLE.get(operation);
    }

    /** The function an operation calls for this configuration. */
    public static String func(BillmgrOperation operation, BillmgrConfiguration c) {
        return of(operation).func().apply(c);
    }

    /**
     * The operation of an endpoint ({@code billmgr:func/<name>} calls any function), ready to run. A new instance
     * per producer: an operation may keep what it prepares once (a compiled expression).
     */
    public static Operation create(BillmgrConfiguration c) {
        if ("func".equals(c.getItemType())) {
            return new FuncOperation().bind(c, c.getOperation(), null);
        }
        Entry entry = of(BillmgrOperation.find(c.getOperation()));
        return entry.factory().get().bind(c, entry.func().apply(c), entry);
    }

    /** Whether a function, by the last part of its name, is one of the operations that act without {@code sok}. */
    static boolean actsWithoutSok(String func) {
        return ACTS_WITHOUT_SOK.contains(func.substring(func.lastIndexOf('.') + 1));
    }

    static boolean isLicense(String itemType) {
        return LICENSE_TYPES.contains(itemType);
    }

    /** BILLmanager 5, and license types on any version, use the classic order wizard, without {@code v2.}. */
    private static boolean classic(BillmgrConfiguration c) {
        return c.getApiVersion() == 5 || isLicense(c.getItemType());
    }

    private static String orderWizard(BillmgrConfiguration c, String step) {
        String func = c.getItemType() + ".order." + step;
        return classic(c) ? func : "v2." + func;
    }

    /** The parameter that carries the period of an order: BILLmanager 6 renamed it. */
    static String orderPeriodParam(BillmgrConfiguration c) {
        return classic(c) ? "period" : "order_period";
    }
}

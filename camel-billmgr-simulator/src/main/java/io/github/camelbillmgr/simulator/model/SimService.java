package io.github.camelbillmgr.simulator.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable snapshot of one service (a VDS, a license, ...). The simulator replaces the
 * snapshot on every change, so a reference a test holds never changes under it.
 */
public final class SimService {

    public static final int STATUS_ORDERED = 1;
    public static final int STATUS_ACTIVE = 2;
    public static final int STATUS_SUSPENDED = 3;
    public static final int STATUS_DELETED = 4;
    public static final int STATUS_PROCESSING = 5;

    private final long id;
    private final String itemType;
    private final String owner;
    private final long pricelistId;
    private final String pricelistName;
    private final Integer datacenter;
    private final int period;
    private final int status;
    private final LocalDate openDate;
    private final LocalDate expireDate;
    private final Integer autoprolong;
    private final String remoteId;
    private final String domain;
    private final String ip;
    private final String ostempl;
    private final String recipe;
    private final String comment;
    private final String licname;
    private final Map<Integer, String> addons;
    private final BigDecimal cost;
    private final String currency;
    private final String username;
    private final String userpassword;
    private final String serverid;
    private final String lickey;
    private final boolean trial;
    private final List<SimHistoryEvent> history;

    private SimService(Builder b) {
        id = b.id;
        itemType = Objects.requireNonNull(b.itemType, "itemType");
        owner = Objects.requireNonNull(b.owner, "owner");
        pricelistId = b.pricelistId;
        pricelistName = b.pricelistName;
        datacenter = b.datacenter;
        period = b.period;
        status = b.status;
        openDate = b.openDate;
        expireDate = b.expireDate;
        autoprolong = b.autoprolong;
        remoteId = b.remoteId;
        domain = b.domain;
        ip = b.ip;
        ostempl = b.ostempl;
        recipe = b.recipe;
        comment = b.comment;
        licname = b.licname;
        addons = Collections.unmodifiableMap(new LinkedHashMap<>(b.addons));
        cost = b.cost == null ? BigDecimal.ZERO : b.cost;
        currency = b.currency == null ? "EUR" : b.currency;
        username = b.username;
        userpassword = b.userpassword;
        serverid = b.serverid;
        lickey = b.lickey;
        trial = b.trial;
        history = List.copyOf(b.history);
    }

    public static Builder builder(String itemType, String owner) {
        return new Builder().itemType(itemType).owner(owner);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.itemType = itemType;
        b.owner = owner;
        b.pricelistId = pricelistId;
        b.pricelistName = pricelistName;
        b.datacenter = datacenter;
        b.period = period;
        b.status = status;
        b.openDate = openDate;
        b.expireDate = expireDate;
        b.autoprolong = autoprolong;
        b.remoteId = remoteId;
        b.domain = domain;
        b.ip = ip;
        b.ostempl = ostempl;
        b.recipe = recipe;
        b.comment = comment;
        b.licname = licname;
        b.addons.putAll(addons);
        b.cost = cost;
        b.currency = currency;
        b.username = username;
        b.userpassword = userpassword;
        b.serverid = serverid;
        b.lickey = lickey;
        b.trial = trial;
        b.history.addAll(history);
        return b;
    }

    /** The {@code item_status} text of a status code. */
    public static String statusName(int status) {
        return switch (status) {
            case STATUS_ORDERED -> "Ordered";
            case STATUS_ACTIVE -> "Active";
            case STATUS_SUSPENDED -> "Suspended";
            case STATUS_DELETED -> "Deleted";
            case STATUS_PROCESSING -> "Processing";
            default -> "Unknown";
        };
    }

    public long id() { return id; }
    public String itemType() { return itemType; }
    /** The owner's user name. */
    public String owner() { return owner; }
    public long pricelistId() { return pricelistId; }
    public String pricelistName() { return pricelistName; }
    /** The data centre id, or null (licenses have none). */
    public Integer datacenter() { return datacenter; }
    /** The ordered period in months; -100 for a trial. */
    public int period() { return period; }
    public int status() { return status; }
    public String statusName() { return statusName(status); }
    public LocalDate openDate() { return openDate; }
    /** Null while the order waits unpaid in a cart. */
    public LocalDate expireDate() { return expireDate; }
    /** Renewal period in months, or null when auto-renewal is off. */
    public Integer autoprolong() {
        return autoprolong;
    }
    public String remoteId() { return remoteId; }
    public String domain() { return domain; }
    public String ip() { return ip; }
    public String ostempl() { return ostempl; }
    public String recipe() { return recipe; }
    public String comment() { return comment; }
    public String licname() { return licname; }
    /** Add-on values by add-on id, as strings the way they travel on the wire. */
    public Map<Integer, String> addons() {
        return addons;
    }
    /** What one period costs, add-ons included. */
    public BigDecimal cost() { return cost; }
    public String currency() { return currency; }
    public String username() { return username; }
    public String userpassword() { return userpassword; }
    public String serverid() { return serverid; }
    public String lickey() { return lickey; }
    public boolean trial() { return trial; }
    public List<SimHistoryEvent> history() { return history; }

    @Override
    public String toString() {
        return "SimService[id=" + id + ", itemType=" + itemType + ", owner=" + owner + ", pricelist=" + pricelistId
                + ", status=" + status + ", expireDate=" + expireDate + ", autoprolong=" + autoprolong
                + ", remoteId=" + remoteId + "]";
    }

    /** Builds a snapshot; the id is assigned by the simulator when the service is added. */
    public static final class Builder {
        private long id;
        private String itemType;
        private String owner;
        private long pricelistId;
        private String pricelistName;
        private Integer datacenter;
        private int period = 1;
        private int status = STATUS_ACTIVE;
        private LocalDate openDate;
        private LocalDate expireDate;
        private Integer autoprolong;
        private String remoteId;
        private String domain;
        private String ip;
        private String ostempl;
        private String recipe;
        private String comment;
        private String licname;
        private final Map<Integer, String> addons = new LinkedHashMap<>();
        private BigDecimal cost;
        private String currency;
        private String username;
        private String userpassword;
        private String serverid;
        private String lickey;
        private boolean trial;
        private final List<SimHistoryEvent> history = new ArrayList<>();

        private Builder() {
        }

        public Builder id(long value) { id = value; return this; }
        public Builder itemType(String value) { itemType = value; return this; }
        public Builder owner(String value) { owner = value; return this; }
        public Builder pricelistId(long value) { pricelistId = value; return this; }
        public Builder pricelistName(String value) { pricelistName = value; return this; }
        public Builder datacenter(Integer value) { datacenter = value; return this; }
        public Builder period(int value) { period = value; return this; }
        public Builder status(int value) { status = value; return this; }
        public Builder openDate(LocalDate value) { openDate = value; return this; }
        public Builder expireDate(LocalDate value) { expireDate = value; return this; }
        public Builder autoprolong(Integer value) { autoprolong = value; return this; }
        public Builder remoteId(String value) { remoteId = value; return this; }
        public Builder domain(String value) { domain = value; return this; }
        public Builder ip(String value) { ip = value; return this; }
        public Builder ostempl(String value) { ostempl = value; return this; }
        public Builder recipe(String value) { recipe = value; return this; }
        public Builder comment(String value) { comment = value; return this; }
        public Builder licname(String value) { licname = value; return this; }
        public Builder addon(int addonId, String value) { addons.put(addonId, value); return this; }
        public Builder addons(Map<Integer, String> values) { addons.clear(); addons.putAll(values); return this; }
        public Builder cost(BigDecimal value) { cost = value; return this; }
        public Builder currency(String value) { currency = value; return this; }
        public Builder username(String value) { username = value; return this; }
        public Builder userpassword(String value) { userpassword = value; return this; }
        public Builder serverid(String value) { serverid = value; return this; }
        public Builder lickey(String value) { lickey = value; return this; }
        public Builder trial(boolean value) { trial = value; return this; }
        public Builder event(SimHistoryEvent value) { history.add(value); return this; }

        public SimService build() {
            return new SimService(this);
        }
    }
}

package io.github.camelbillmgr.simulator.settings;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.tls.SimCertificate;

/**
 * Every behaviour the reference marks [unverified], plus the server's own knobs. The object is
 * live: the simulator reads it on every request, so tests may flip a setting between calls.
 * Defaults are those the reference states; where it states none, the choice is documented on
 * the getter.
 * <p>
 * One flat class on purpose, grouped by concern in its sections (transport, clock, auth, errors, lists, orders,
 * lifecycle and edits, the server itself): a setting is a getter marked {@link Setting} plus its fluent setter, and
 * {@link SettingsProperties} finds them all by reflection for {@link #copyFrom}, the standalone server's flags, a seed
 * file's settings section and the control plane, so no list of settings is kept by hand anywhere. Groups as separate
 * objects would change the setters every test calls ({@code settings.auth().setSessionLifetime(...)}) or need such a
 * hand-kept list of delegating methods here. Most of the length is the doc of each setting, written twice: as javadoc
 * and as the {@code @Setting} text that {@code --help} and the control plane show.
 */
public final class SimSettings {

    /** Which value a parameter sent twice (e.g. {@code addon_26}) takes. */
    public enum RepeatedParam { FIRST, LAST }

    /** Where {@code ITEMTYPE.filter&sok=ok} keeps its filter. */
    public enum FilterScope { SESSION, USER }

    /** What a client who changes an admin-only field gets. */
    public enum AdminFieldPolicy { ACCESS, IGNORE }

    /** What a {@code skipbasket=on} order that the balance cannot cover leaves behind. */
    public enum LowBalanceLeftover {
        NONE, CART
    }

    /** What {@code service.prolong&sok=ok} without {@code skipbasket=on} does. */
    public enum ProlongWithoutSkipbasket {
        CART, CHARGE_NOW
    }

    /** What suspending a suspended service, or resuming an active one, answers. */
    public enum SameStateAction {
        ERROR, OK
    }

    /** The three spellings of an order's period, for {@link #setPeriodPrecedence(List)}. */
    public static final String PERIOD_ORDER_PERIOD = "order_period";
    public static final String PERIOD_PERIOD = "period";
    public static final String PERIOD_PER_PRICELIST = "period_<pricelist>";

    // transport
    private volatile String host = "127.0.0.1";
    private volatile int port = 0;
    private volatile SSLContext sslContext;
    private volatile String jsonContentType = "application/json";
    private volatile boolean xjsonIsJsonAlias = true;
    private volatile boolean okAsEmptyObject = true;
    private final Set<String> nestDocFuncs = ConcurrentHashMap.newKeySet();
    private final Set<String> nestFormFuncs = ConcurrentHashMap.newKeySet();
    private final Set<String> xjsonArrays = ConcurrentHashMap.newKeySet();
    private volatile boolean bothIdAndItemId = true;
    private volatile RepeatedParam repeatedParam = RepeatedParam.LAST;
    private volatile boolean elidBareCommas = false;
    private volatile boolean dragonHeaderInQuery = false;
    // clock
    private volatile Instant clockStart;
    private volatile boolean realTimeClock = false;
    // auth
    private volatile Duration sessionLifetime = Duration.ofMinutes(60);
    private volatile boolean sessionBoundToIp = false;
    private volatile int loginFailureThreshold = 5;
    private volatile Duration loginFailureWindow = Duration.ofMinutes(1);
    private volatile Duration loginBlockDuration = Duration.ofSeconds(20);
    private volatile String loginErrorType = "auth";
    private volatile boolean ssoKeySingleUse = true;
    private volatile int ssoMinKeyLength = 16;
    private volatile boolean suAllowed = true;
    private final Set<String> twoFactorUsers = ConcurrentHashMap.newKeySet();
    // errors
    private volatile String invalidValueErrorType = "value";
    private volatile String trialRenewalErrorType = "value";
    private volatile String busyErrorType = "processing";
    private volatile String busyMessage = "Request in process, please wait";
    // lists
    private volatile int defaultPageSize = 100;
    private volatile int maxPageSize = 0;
    private volatile boolean listDeletedServices = false;
    private volatile FilterScope storedFilterScope = FilterScope.USER;
    // orders
    private volatile List<String> periodPrecedence = List.of(PERIOD_ORDER_PERIOD, PERIOD_PERIOD, PERIOD_PER_PRICELIST);
    private volatile boolean datacenterRequired = false;
    private volatile boolean remoteIdUnique = false;
    private volatile int orderPendingStatus = SimService.STATUS_PROCESSING;
    private volatile int orderProcessingSeconds = 0;
    private volatile LowBalanceLeftover lowBalanceLeftover = LowBalanceLeftover.NONE;
    // lifecycle and edits
    private volatile boolean suspendRequiresSok = false;
    private volatile boolean clientMaySuspendResume = false;
    private volatile boolean clientMayDelete = true;
    private volatile int lifecycleProcessingSeconds = 0;
    private volatile AdminFieldPolicy clientAdminFields = AdminFieldPolicy.ACCESS;
    private volatile boolean processExpiry = false;
    private volatile ProlongWithoutSkipbasket prolongWithoutSkipbasket = ProlongWithoutSkipbasket.CART;
    private volatile SameStateAction sameStateAction = SameStateAction.ERROR;
    private volatile boolean renewalResumesExpired = true;
    private volatile boolean clientMayCreateOwnSsoKey = false;
    // the server itself
    private volatile int requestLogLimit = 0;
    private volatile boolean controlPlane = true;

    public SimSettings() {
        nestDocFuncs.add("service.prolong");
        xjsonArrays.addAll(List.of("list", "slist", "list/elem", "val", "price", "detail"));
    }

    /** A detached copy, e.g. to restore the settings a test run started with. */
    public SimSettings copy() {
        return new SimSettings().copyFrom(this);
    }

    /**
     * Overwrites every setting with those of {@code other}. The list of settings is not kept by hand: it is every
     * getter/setter pair of this class ({@link SettingsProperties}), so a new setting is copied as soon as it exists.
     */
    public SimSettings copyFrom(SimSettings other) {
        SettingsProperties.copy(other, this);
        return this;
    }

    // ---- transport -------------------------------------------------------------------------

    /** Address to bind; default {@code 127.0.0.1}. Read at {@code start()}. */
    @Setting("Address to bind; default 127.0.0.1. Read at start().")
    public String getHost() { return host; }
    public SimSettings setHost(String value) { host = value; return this; }

    /** Port to bind; default 0, a free port. Read at {@code start()}. */
    @Setting("Port to bind; default 0, a free port. Read at start().")
    public int getPort() { return port; }
    public SimSettings setPort(int value) { port = value; return this; }

    /**
     * Serve HTTPS with this context's key (e.g. {@link SimCertificate#serverSslContext()}); default null,
     * plain HTTP. Read at {@code start()}.
     */
    @Setting("Serve HTTPS with this context's key (e.g. serverSslContext()); default null, plain HTTP. Read at start().")
    public SSLContext getSslContext() { return sslContext; }
    public SimSettings setSslContext(SSLContext value) { sslContext = value; return this; }

    /** Content-Type of json/xjson/sjson answers; default {@code application/json} (some servers send text/plain). */
    @Setting("Content-Type of json/xjson/sjson answers; default application/json (some servers send text/plain).")
    public String getJsonContentType() { return jsonContentType; }
    public SimSettings setJsonContentType(String value) { jsonContentType = value; return this; }

    /** {@code out=xjson} renders as json; default true. When false, xjson falls back to XML. */
    @Setting("out=xjson renders as json; default true. When false, xjson falls back to XML.")
    public boolean isXjsonIsJsonAlias() { return xjsonIsJsonAlias; }
    public SimSettings setXjsonIsJsonAlias(boolean value) { xjsonIsJsonAlias = value; return this; }

    /** An empty element such as {@code <ok/>} becomes {@code {}} in JSON; default true, else {@code {"$":""}}. */
    @Setting("An empty element such as <ok/> becomes {} in JSON; default true, else {\"$\":\"\"}.")
    public boolean isOkAsEmptyObject() { return okAsEmptyObject; }
    public SimSettings setOkAsEmptyObject(boolean value) { okAsEmptyObject = value; return this; }

    /**
     * Functions whose executed result (an answer with {@code <ok/>}) keeps {@code ok} at the top
     * and moves every other field into a nested {@code doc.doc}; default {@code {"service.prolong"}}. Live set.
     */
    @Setting("Functions whose executed result (an answer with <ok/>) keeps ok at the top and moves every other field into a nested doc.doc; default {\"service.prolong\"}. Live set.")
    public Set<String> getNestDocFuncs() { return nestDocFuncs; }
    public SimSettings setNestDocFuncs(Collection<String> funcs) {
        nestDocFuncs.retainAll(Set.copyOf(funcs));
        nestDocFuncs.addAll(funcs);
        return this;
    }

    /**
     * Functions whose form (an answer without {@code <ok/>}) sits in a nested {@code doc.doc},
     * as old {@code vds.order.param} forms did; default empty. Live set.
     */
    @Setting("Functions whose form (an answer without <ok/>) sits in a nested doc.doc, as old vds.order.param forms did; default empty. Live set.")
    public Set<String> getNestFormFuncs() { return nestFormFuncs; }
    public SimSettings setNestFormFuncs(Collection<String> funcs) {
        nestFormFuncs.retainAll(Set.copyOf(funcs));
        nestFormFuncs.addAll(funcs);
        return this;
    }

    /**
     * Element names that {@code out=xjson} always renders as JSON arrays, even when there is one (clients written
     * for the web UI's format pick {@code slist} and {@code list} by {@code $name} and iterate {@code val}, a list's
     * {@code elem}, {@code price} and {@code detail}); {@code parent/child} names a child of one parent only. Default
     * list, slist, list/elem, val, price, detail. Empty: xjson is exactly json. Live set.
     */
    @Setting("Element names that out=xjson always renders as JSON arrays, even when there is one (parent/child: only under that parent); empty: xjson is exactly json.")
    public Set<String> getXjsonArrays() { return xjsonArrays; }
    public SimSettings setXjsonArrays(Collection<String> names) {
        xjsonArrays.retainAll(Set.copyOf(names));
        xjsonArrays.addAll(names);
        return this;
    }

    /** A {@code skipbasket=on} order answers with both {@code id} and {@code item.id}; default true, else {@code id} only. */
    @Setting("A skipbasket=on order answers with both id and item.id; default true, else id only.")
    public boolean isBothIdAndItemId() { return bothIdAndItemId; }
    public SimSettings setBothIdAndItemId(boolean value) { bothIdAndItemId = value; return this; }

    /** Which occurrence of a repeated parameter wins; default LAST. */
    @Setting("Which occurrence of a repeated parameter wins; default LAST.")
    public RepeatedParam getRepeatedParam() { return repeatedParam; }
    public SimSettings setRepeatedParam(RepeatedParam value) { repeatedParam = value; return this; }

    /** Accept {@code elid=1,2,3} besides the documented {@code elid=1, 2, 3}; default false. */
    @Setting("Accept elid=1,2,3 besides the documented elid=1, 2, 3; default false.")
    public boolean isElidBareCommas() { return elidBareCommas; }
    public SimSettings setElidBareCommas(boolean value) { elidBareCommas = value; return this; }

    /** A parameter {@code ISP-Client=Web-interface} counts as the Dragon header; default false. */
    @Setting("A parameter ISP-Client=Web-interface counts as the Dragon header; default false.")
    public boolean isDragonHeaderInQuery() { return dragonHeaderInQuery; }
    public SimSettings setDragonHeaderInQuery(boolean value) { dragonHeaderInQuery = value; return this; }

    // ---- clock ----------------------------------------------------------------------------

    /** Where the clock starts (and returns on reset); default null = the real time at construction. */
    @Setting("Where the clock starts (and returns on reset); default null = the real time at construction.")
    public Instant getClockStart() { return clockStart; }
    public SimSettings setClockStart(Instant value) { clockStart = value; return this; }

    /** The clock follows real time instead of standing still; default false (tests move it). */
    @Setting("The clock follows real time instead of standing still; default false (tests move it).")
    public boolean isRealTimeClock() { return realTimeClock; }
    public SimSettings setRealTimeClock(boolean value) { realTimeClock = value; return this; }

    // ---- auth -----------------------------------------------------------------------------

    /** Idle time after which an {@code auth=} session expires; default 60 minutes, sliding. */
    @Setting("Idle time after which an auth= session expires; default 60 minutes, sliding.")
    public Duration getSessionLifetime() { return sessionLifetime; }
    public SimSettings setSessionLifetime(Duration value) { sessionLifetime = value; return this; }

    /** A session only works from the IP address that created it; default false. */
    @Setting("A session only works from the IP address that created it; default false.")
    public boolean isSessionBoundToIp() { return sessionBoundToIp; }
    public SimSettings setSessionBoundToIp(boolean value) { sessionBoundToIp = value; return this; }

    /** Failed logins of one user within {@link #getLoginFailureWindow()} that block it; default 5. */
    @Setting("Failed logins of one user within getLoginFailureWindow() that block it; default 5.")
    public int getLoginFailureThreshold() { return loginFailureThreshold; }
    public SimSettings setLoginFailureThreshold(int value) { loginFailureThreshold = value; return this; }

    /** Window counting failed logins; default 1 minute. */
    @Setting("Window counting failed logins; default 1 minute.")
    public Duration getLoginFailureWindow() { return loginFailureWindow; }
    public SimSettings setLoginFailureWindow(Duration value) { loginFailureWindow = value; return this; }

    /** How long {@code blocklogon} lasts; default 20 seconds. */
    @Setting("How long blocklogon lasts; default 20 seconds.")
    public Duration getLoginBlockDuration() { return loginBlockDuration; }
    public SimSettings setLoginBlockDuration(Duration value) { loginBlockDuration = value; return this; }

    /** Error type of a failed login ({@code badpassword}, {@code blocklogon}); default {@code auth}. */
    @Setting("Error type of a failed login (badpassword, blocklogon); default auth.")
    public String getLoginErrorType() { return loginErrorType; }
    public SimSettings setLoginErrorType(String value) { loginErrorType = value; return this; }

    /** A {@code session.newkey} key logs in once only; default true. */
    @Setting("A session.newkey key logs in once only; default true.")
    public boolean isSsoKeySingleUse() { return ssoKeySingleUse; }
    public SimSettings setSsoKeySingleUse(boolean value) { ssoKeySingleUse = value; return this; }

    /** Shortest {@code session.newkey} key accepted; default 16. */
    @Setting("Shortest session.newkey key accepted; default 16.")
    public int getSsoMinKeyLength() { return ssoMinKeyLength; }
    public SimSettings setSsoMinKeyLength(int value) { ssoMinKeyLength = value; return this; }

    /** An admin may act as a client with {@code su=<user>}; default true. */
    @Setting("An admin may act as a client with su=<user>; default true.")
    public boolean isSuAllowed() { return suAllowed; }
    public SimSettings setSuAllowed(boolean value) { suAllowed = value; return this; }

    /**
     * Users with two-factor authentication switched on; default none. Live set. Their password still logs in
     * ({@code func=auth} gives a session id), but every other call, with that session or with {@code authinfo},
     * answers {@code <doc><ok>func=totp.confirm</ok></doc>}: the reference has this from {@code whoami}; that other
     * functions and {@code authinfo} answer the same is unverified. The simulator does not implement
     * {@code totp.confirm}.
     */
    @Setting("Users with two-factor authentication switched on; default none. Live set. Their password still logs in (func=auth gives a session id), but every other call, with that session or with authinfo, answers <doc><ok>func=totp.confirm</ok></doc>: the reference has this from whoami; that other functions and authinfo answer the same is unverified. The simulator does not implement totp.confirm.")
    public Set<String> getTwoFactorUsers() { return twoFactorUsers; }
    public SimSettings setTwoFactorUsers(Collection<String> users) {
        twoFactorUsers.retainAll(Set.copyOf(users));
        twoFactorUsers.addAll(users);
        return this;
    }

    // ---- errors ---------------------------------------------------------------------------

    /** Error type of an invalid field value; default {@code value}. */
    @Setting("Error type of an invalid field value; default value.")
    public String getInvalidValueErrorType() { return invalidValueErrorType; }
    public SimSettings setInvalidValueErrorType(String value) { invalidValueErrorType = value; return this; }

    /** Error type when a trial is renewed (object {@code period}); default {@code value}. */
    @Setting("Error type when a trial is renewed (object period); default value.")
    public String getTrialRenewalErrorType() { return trialRenewalErrorType; }
    public SimSettings setTrialRenewalErrorType(String value) { trialRenewalErrorType = value; return this; }

    /**
     * Error type of the injected "Request in process, please wait" ({@code FaultKind.BUSY}); default
     * {@code processing}. Clients are seen retrying on the message; the real type is unverified.
     */
    @Setting("Error type of the injected \"Request in process, please wait\" (FaultKind.BUSY); default processing. Clients are seen retrying on the message; the real type is unverified.")
    public String getBusyErrorType() { return busyErrorType; }
    public SimSettings setBusyErrorType(String value) { busyErrorType = value; return this; }

    /** Message of the injected busy error; default {@code Request in process, please wait}. */
    @Setting("Message of the injected busy error; default Request in process, please wait.")
    public String getBusyMessage() { return busyMessage; }
    public SimSettings setBusyMessage(String value) { busyMessage = value; return this; }

    // ---- lists ----------------------------------------------------------------------------

    /** Rows per page when {@code p_cnt} is absent; default 100; 0 = all rows. */
    @Setting("Rows per page when p_cnt is absent; default 100; 0 = all rows.")
    public int getDefaultPageSize() { return defaultPageSize; }
    public SimSettings setDefaultPageSize(int value) { defaultPageSize = value; return this; }

    /**
     * The most rows a page holds, whatever {@code p_cnt} asks for (a server-side cap; whether BILLmanager has one is
     * unverified); default 0 = no cap. The answer's {@code p_cnt} is the page size used, {@code p_elems} stays the
     * whole count, and {@code p_num} counts pages of the capped size.
     */
    @Setting("The most rows a page holds, whatever p_cnt asks for (a server-side cap; whether BILLmanager has one is unverified); default 0 = no cap. The answer's p_cnt is the page size used, p_elems stays the whole count, and p_num counts pages of the capped size.")
    public int getMaxPageSize() { return maxPageSize; }
    public SimSettings setMaxPageSize(int value) { maxPageSize = value; return this; }

    /** Lists show deleted (status 4) services without a {@code status=4} filter; default false. */
    @Setting("Lists show deleted (status 4) services without a status=4 filter; default false.")
    public boolean isListDeletedServices() { return listDeletedServices; }
    public SimSettings setListDeletedServices(boolean value) { listDeletedServices = value; return this; }

    /** Scope of stored list filters; default USER (an {@code authinfo} caller has no session). */
    @Setting("Scope of stored list filters; default USER (an authinfo caller has no session).")
    public FilterScope getStoredFilterScope() { return storedFilterScope; }
    public SimSettings setStoredFilterScope(FilterScope value) { storedFilterScope = value; return this; }

    // ---- orders ---------------------------------------------------------------------------

    /** Which period spelling wins when several are sent; default order_period, period, period_&lt;pricelist&gt;. */
    @Setting("Which period spelling wins when several are sent; default order_period, period, period_<pricelist>.")
    public List<String> getPeriodPrecedence() { return periodPrecedence; }
    public SimSettings setPeriodPrecedence(List<String> value) {
        periodPrecedence = List.copyOf(value);
        return this;
    }

    /** Orders of tariffs that have data centres must name one; default false (the first is taken). */
    @Setting("Orders of tariffs that have data centres must name one; default false (the first is taken).")
    public boolean isDatacenterRequired() { return datacenterRequired; }
    public SimSettings setDatacenterRequired(boolean value) { datacenterRequired = value; return this; }

    /** A second order with a {@code remoteid} already in use fails with {@code exists}; default false. */
    @Setting("A second order with a remoteid already in use fails with exists; default false.")
    public boolean isRemoteIdUnique() { return remoteIdUnique; }
    public SimSettings setRemoteIdUnique(boolean value) { remoteIdUnique = value; return this; }

    /** Status a paid order shows while it is being set up (1 or 5); default 5. */
    @Setting("Status a paid order shows while it is being set up (1 or 5); default 5.")
    public int getOrderPendingStatus() { return orderPendingStatus; }
    public SimSettings setOrderPendingStatus(int value) { orderPendingStatus = value; return this; }

    /** Clock seconds a paid order stays in the pending status before it turns 2; default 0 (active at once). */
    @Setting("Clock seconds a paid order stays in the pending status before it turns 2; default 0 (active at once).")
    public int getOrderProcessingSeconds() { return orderProcessingSeconds; }
    public SimSettings setOrderProcessingSeconds(int value) { orderProcessingSeconds = value; return this; }

    /** What a skipbasket order the balance can't cover leaves; default NONE (nothing is created). */
    @Setting("What a skipbasket order the balance can't cover leaves; default NONE (nothing is created).")
    public LowBalanceLeftover getLowBalanceLeftover() { return lowBalanceLeftover; }
    public SimSettings setLowBalanceLeftover(LowBalanceLeftover value) {
        lowBalanceLeftover = value;
        return this;
    }

    // ---- lifecycle and edits --------------------------------------------------------------

    /** {@code suspend|resume|delete} only act with {@code sok}; default false (both accepted). */
    @Setting("suspend|resume|delete only act with sok; default false (both accepted).")
    public boolean isSuspendRequiresSok() { return suspendRequiresSok; }
    public SimSettings setSuspendRequiresSok(boolean value) { suspendRequiresSok = value; return this; }

    /** Clients may suspend and resume their own services; default false (admin-only, clients get {@code access}). */
    @Setting("Clients may suspend and resume their own services; default false (admin-only, clients get access).")
    public boolean isClientMaySuspendResume() { return clientMaySuspendResume; }
    public SimSettings setClientMaySuspendResume(boolean value) { clientMaySuspendResume = value; return this; }

    /** Clients may delete their own services; default true. */
    @Setting("Clients may delete their own services; default true.")
    public boolean isClientMayDelete() { return clientMayDelete; }
    public SimSettings setClientMayDelete(boolean value) { clientMayDelete = value; return this; }

    /** Clock seconds a suspend/resume/delete stays in status 5 before it lands; default 0. */
    @Setting("Clock seconds a suspend/resume/delete stays in status 5 before it lands; default 0.")
    public int getLifecycleProcessingSeconds() { return lifecycleProcessingSeconds; }
    public SimSettings setLifecycleProcessingSeconds(int value) {
        lifecycleProcessingSeconds = value;
        return this;
    }

    /** What a client changing an admin-only field gets; default ACCESS. Unchanged values always pass. */
    @Setting("What a client changing an admin-only field gets; default ACCESS. Unchanged values always pass.")
    public AdminFieldPolicy getClientAdminFields() { return clientAdminFields; }
    public SimSettings setClientAdminFields(AdminFieldPolicy value) { clientAdminFields = value; return this; }

    /** Expired services auto-renew (if set and affordable) or get suspended as the clock passes; default false. */
    @Setting("Expired services auto-renew (if set and affordable) or get suspended as the clock passes; default false.")
    public boolean isProcessExpiry() { return processExpiry; }
    public SimSettings setProcessExpiry(boolean value) { processExpiry = value; return this; }

    /**
     * What {@code service.prolong&sok=ok} without {@code skipbasket=on} does: {@code CART} puts the renewal in the
     * cart (SvcAPI, hosting billings); {@code CHARGE_NOW} charges at once and answers {@code doc.doc.newexpiredate},
     * as ISPsystem's own license module expects from the license billing. Default CART.
     */
    @Setting("What service.prolong&sok=ok without skipbasket=on does: CART puts the renewal in the cart (SvcAPI, hosting billings); CHARGE_NOW charges at once and answers doc.doc.newexpiredate, as ISPsystem's own license module expects from the license billing. Default CART.")
    public ProlongWithoutSkipbasket getProlongWithoutSkipbasket() { return prolongWithoutSkipbasket; }
    public SimSettings setProlongWithoutSkipbasket(ProlongWithoutSkipbasket value) {
        prolongWithoutSkipbasket = value;
        return this;
    }

    /**
     * Suspending a suspended service, or resuming an active one: {@code ERROR} (an invalid-value error on
     * {@code elid}) or {@code OK} (nothing changes, {@code <ok/>}). Default ERROR.
     */
    @Setting("Suspending a suspended service, or resuming an active one: ERROR (an invalid-value error on elid) or OK (nothing changes, <ok/>). Default ERROR.")
    public SameStateAction getSameStateAction() { return sameStateAction; }
    public SimSettings setSameStateAction(SameStateAction value) { sameStateAction = value; return this; }

    /**
     * A renewal that moves the expire date of a suspended service whose expire date had passed into the future
     * resumes it, as BILLmanager resumes a service suspended for non-payment once it is paid; default true.
     */
    @Setting("A renewal that moves the expire date of a suspended service whose expire date had passed into the future resumes it, as BILLmanager resumes a service suspended for non-payment once it is paid; default true.")
    public boolean isRenewalResumesExpired() { return renewalResumesExpired; }
    public SimSettings setRenewalResumesExpired(boolean value) { renewalResumesExpired = value; return this; }

    /**
     * A client may call {@code session.newkey} for its own user (single sign-on into its own account, as a license
     * reseller does); default false (admin-only).
     */
    @Setting("A client may call session.newkey for its own user (single sign-on into its own account, as a license reseller does); default false (admin-only).")
    public boolean isClientMayCreateOwnSsoKey() { return clientMayCreateOwnSsoKey; }
    public SimSettings setClientMayCreateOwnSsoKey(boolean value) {
        clientMayCreateOwnSsoKey = value;
        return this;
    }

    // ---- the server itself ----------------------------------------------------------------

    /**
     * How many recorded requests {@code requests()} keeps: the last N, older ones dropped; default 0 = all. The
     * standalone server keeps 1000, so that a long load test does not fill its heap.
     */
    @Setting("How many recorded requests requests() keeps: the last N, older ones dropped; default 0 = all. The standalone server keeps 1000, so that a long load test does not fill its heap.")
    public int getRequestLogLimit() { return requestLogLimit; }
    public SimSettings setRequestLogLimit(int value) { requestLogLimit = value; return this; }

    /** Serve the JSON control plane under {@code /__sim/} on the same port; default true. */
    @Setting("Serve the JSON control plane under /__sim/ on the same port; default true.")
    public boolean isControlPlane() { return controlPlane; }
    public SimSettings setControlPlane(boolean value) { controlPlane = value; return this; }
}

package io.github.camelbillmgr;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Everything a billmgr endpoint is configured with. Set once on the component ({@code camel.component.billmgr.*})
 * and override per endpoint URI.
 * <p>
 * Longer than the ~250 lines a class of this component keeps to, on purpose: a Camel configuration class holds one
 * annotated field, one getter and one setter per option (the catalog, the generated configurers and the Spring Boot
 * starter are made from them), and nothing else. The checks of the options are in {@code internal/input}
 * ({@code EndpointCheck}, {@code ValueRules}).
 */
@UriParams
public class BillmgrConfiguration implements Cloneable {

    @UriPath(description = "The BILLmanager item type: vds, dedic, vhost, soft, platform, domain, a provider's own "
            + "type (letters, digits, - and _), or func to call any function by name.")
    @Metadata(required = true)
    private String itemType;
    @UriPath(description = "The operation: order, prolong, edit, get, list, suspend, resume, delete, pricelist; "
            + "or, after func/, the name of any BILLmanager function (whoami, dashboard.info, ...).")
    @Metadata(required = true)
    private String operation;

    // baseUrl, username and password are needed by every endpoint, but not required in the catalog: the docs put
    // them on the component (camel.component.billmgr.*), and catalog tooling (DefaultCamelCatalog validation, IDE
    // plugins) would reject every such URI. EndpointCheck still refuses an endpoint that has none.
    @UriParam(description = "The BILLmanager API URL, e.g. https://billing.example.com/billmgr (BILLmanager 6), "
            + "https://billing.example.com/manager/billmgr (BILLmanager 5, license API). Needed by "
            + "every endpoint: set it here or on the component.")
    private String baseUrl;
    @UriParam(label = "security", description = "The BILLmanager user name. Needed by every endpoint: set it here or "
            + "on the component.")
    private String username;
    @UriParam(label = "security", secret = true, description = "The BILLmanager password. Sent in the POST body "
            + "only, never in a URL or a log line. Needed by "
            + "every endpoint: set it here or on the component.")
    private String password;
    @UriParam(label = "security", defaultValue = "authinfo",
              description = "authinfo sends the credentials with every request; session logs in once (func=auth), "
                      + "reuses the session id and logs in again once when it has expired.")
    private BillmgrAuthMode authMode = BillmgrAuthMode.authinfo;
    @UriParam(defaultValue = "json", description = "The output format requested from BILLmanager (out=). Both are "
            + "read into the same result.")
    private BillmgrFormat format = BillmgrFormat.json;
    @UriParam(defaultValue = "6", enums = "5,6",
              description = "The BILLmanager major version: 6 uses the v2.TYPE.order.param order functions and "
                      + "order_period, 5 uses TYPE.order.param and period.")
    private int apiVersion = 6;
    @UriParam(defaultValue = "en", description = "The language of BILLmanager's messages (lang=), e.g. en or ru.")
    private String lang = "en";
    @UriParam(defaultValue = "true", description = "Throw a BillmgrException when BILLmanager answers with an error "
            + "or the call fails. When false, the error document goes to the "
            + "body and the error type and message to headers.")
    private boolean throwExceptionOnFailure = true;
    @UriParam(label = "advanced",
              description = "The name of the camel-http component whose pooled client is used. By default the "
                      + "scheme of baseUrl (http or https), so camel.component.https.* configures proxy, pool "
                      + "and default TLS. Name your own HttpComponent bean here to give this endpoint its own.")
    private String httpComponentName;
    @UriParam(label = "security",
              description = "The trust store (and, for client certificates, the key store) for an https baseUrl. "
                      + "Without it, the camel-http component's sslContextParameters apply, else the JVM's "
                      + "default trust store. The certificate and the host name are always verified: there is "
                      + "no trust-all setting.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "timeout", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for the connection to BILLmanager to open, in milliseconds or as a "
                      + "duration (10s). When it expires, nothing was sent. Replaces the camel-http component's "
                      + "connectTimeout for billmgr calls.")
    private long connectTimeout = 10_000L;
    @UriParam(label = "timeout", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long BILLmanager may stay silent once the request is sent (a socket read timeout), "
                      + "in milliseconds or as a duration (60s). When it expires, the outcome is unknown: an "
                      + "order fails with BillmgrOutcomeUnknownException. Replaces the camel-http component's "
                      + "responseTimeout for billmgr calls.")
    private long responseTimeout = 60_000L;
    @UriParam(label = "timeout", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How long to wait for a free connection of the camel-http pool, in milliseconds or as a "
                      + "duration (30s). When it expires, nothing was sent. Replaces the camel-http component's "
                      + "connectionRequestTimeout for billmgr calls.")
    private long connectionRequestTimeout = 30_000L;
    @UriParam(label = "timeout", defaultValue = "180000", javaType = "java.time.Duration",
              description = "The most one HTTP call to BILLmanager may take as a whole, from the wait for a pooled "
                      + "connection to the last byte of the reply, in milliseconds or as a duration (3m). "
                      + "responseTimeout bounds each silence, not the call: a server that sends a byte now and "
                      + "then would hold the call for ever without this. When it expires, the connection is "
                      + "closed; a call that changes something and whose request was sent fails with "
                      + "BillmgrOutcomeUnknownException. Must be at least responseTimeout.")
    private long callTimeout = 180_000L;
    @UriParam(label = "advanced", defaultValue = "8388608",
              description = "The largest reply read from BILLmanager, in bytes, counted after decompression (a small "
                      + "gzip body can inflate to gigabytes). It bounds every reply, and so every page of a "
                      + "list; a larger reply fails with BillmgrTransportException naming this option, and its "
                      + "connection is closed. The default, 8 MB, is several times a 1000-row page of a real "
                      + "BILLmanager.")
    private int maxReplySize = 8 * 1024 * 1024;
    @UriParam(label = "producer", defaultValue = "100",
              description = "prolong, suspend, resume, delete, and func/ endpoints given ids: the most service ids one "
                      + "exchange may give in the CamelBillmgrServiceId header (after repeated ids are dropped). More fail before anything "
                      + "is sent: split them into several exchanges. A guarded renewal reads every service "
                      + "before renewing it, so the ids of one call are also that many reads.")
    private int maxServiceIds = 100;

    @UriParam(label = "producer", description = "order: the tariff (price list) id.")
    private String pricelist;
    @UriParam(label = "producer", description = "order: the data centre id.")
    private String datacenter;
    @UriParam(label = "producer", description = "order, prolong: the period in months (1, 3, 6, 12, ...); -100 "
            + "orders a trial license.")
    private String period;
    @UriParam(label = "producer", description = "order: the OS template, e.g. ISPsystem__Ubuntu-22.04-amd64.")
    private String ostempl;
    @UriParam(label = "producer", description = "order: the post-install recipe (it must suit the OS template).")
    private String recipe;
    @UriParam(label = "producer", description = "order: the domain name of the service (BILLmanager makes one up "
            + "when none is given).")
    private String domain;
    @UriParam(label = "producer", description = "order, edit: auto-renewal: a number of months, or off (or null) "
            + "to switch it off.")
    private String autoprolong;
    @UriParam(label = "producer", defaultValue = "true",
              description = "order, prolong, edit: pay from the account balance at once (skipbasket=on). When false "
                      + "the order, renewal or paid change goes to the cart and waits for payment.")
    private boolean skipBasket = true;
    @UriParam(label = "producer", description = "order: the reseller-side unique id of the new service (remoteid).")
    private String remoteId;
    @UriParam(label = "producer",
              description = "order: a Simple expression that derives the remote id from a business key of the "
                      + "exchange when the CamelBillmgrRemoteId header is not set, e.g. ${header.OrderNo} or "
                      + "shop-${exchangeProperty.orderNumber}. Evaluated per exchange; a result that is empty "
                      + "fails the exchange. Takes precedence over the remoteId option. Checked when the "
                      + "endpoint is created.")
    private String remoteIdExpression;
    @UriParam(label = "producer", defaultValue = "true",
              description = "order: when no remote id is given (header, remoteIdExpression or remoteId option), send "
                      + "a generated one, kept for the whole exchange, so that a redelivery after an unknown "
                      + "outcome can find the first attempt's service instead of ordering twice.")
    private boolean generateRemoteId = true;
    @UriParam(label = "producer", defaultValue = "onRedelivery",
              description = "order: when to look the remote id up in the service list before ordering. "
                      + "onRedelivery: only when an earlier attempt of the same exchange may have placed it. "
                      + "always: also for a new exchange whose remote id is a business key (header, "
                      + "remoteIdExpression or remoteId option), so that a restart or a replay returns the "
                      + "existing service (CamelBillmgrRecovered=true) instead of ordering it again.")
    private BillmgrLookupBeforeOrder lookupBeforeOrder = BillmgrLookupBeforeOrder.onRedelivery;
    @UriParam(label = "producer", description = "order, edit: a comment on the service.")
    private String comment;
    @UriParam(label = "producer", prefix = "addon.", multiValue = true,
              description = "order, edit: add-on values, as addon.ID=VALUE, e.g. addon.55165=2 (sent as "
                      + "addon_55165=2).")
    private Map<String, Object> addons;
    @UriParam(label = "producer", defaultValue = "false",
              description = "order: place orders the way BILLmanager 6's Dragon web interface does (header "
                      + "ISP-Client: Web-interface, theme=dragon, licence_agreement=on), so orders that are not "
                      + "paid at once land in the Dragon cart.")
    private boolean dragonCart;

    @UriParam(label = "common", description = "list: only services in this status: a code (1 ordered, 2 active, "
            + "3 suspended, 4 deleted, 5 processing) or its name.")
    private String status;
    @UriParam(label = "common", description = "list: only services of this account; the account's whole Name, "
            + "e.g. Example Client (client at example.com). Admins only.")
    private String account;
    @UriParam(label = "common", prefix = "filter.", multiValue = true,
              description = "list: any other list filter, as filter.COLUMN=VALUE, e.g. filter.pricelist=6.")
    private Map<String, Object> filters;
    @UriParam(label = "common", defaultValue = "1000",
              description = "list: rows per page requested (p_cnt). Every page is read, one at a time.")
    private int pageSize = 1000;
    @UriParam(label = "producer", defaultValue = "0",
              description = "list: read only this page (from 1) instead of every page.")
    private int pageNumber;
    @UriParam(label = "producer", defaultValue = "list",
              // no angle brackets: the catalog generator strips them as HTML tags (List<BillmgrService> became List)
              description = "list: list puts every matching service in the body as a java.util.List of "
                      + "BillmgrService; iterator puts a lazy java.util.Iterator of BillmgrService there that "
                      + "requests the next page only "
                      + "when the previous one has been consumed, so split(body()).streaming() handles a list "
                      + "of any length with one page in memory.")
    private BillmgrOutputType outputType = BillmgrOutputType.list;

    @UriParam(label = "consumer", defaultValue = "all",
              description = "consumer: all emits every matching service at every poll; changes emits only services "
                      + "that are new, changed (status, expire date, auto-renewal, cost) or gone since the last "
                      + "poll, with a CamelBillmgrChange header saying what changed.")
    private BillmgrEmitMode emit = BillmgrEmitMode.all;
    @UriParam(label = "common", description = "list and consumer: only services whose expire date is between today "
            + "and this many days from now (for renewal routes).")
    private Integer expiringWithinDays;
    @UriParam(label = "consumer,advanced",
              description = "consumer with emit=changes: where the last emitted state of each service is kept. "
                      + "Defaults to memory; use a persistent one (e.g. FileBillmgrStateRepository) so that a "
                      + "restart does not emit every service again.")
    private BillmgrStateRepository stateRepository;
    @UriParam(label = "consumer", description = "consumer: the most services emitted per poll (0: no limit). With "
            + "emit=changes the rest are emitted at the next polls.")
    private int maxMessagesPerPoll;
    @UriParam(label = "common", description = "The clock that decides what today is for expiringWithinDays "
            + "(defaults to the system clock in the system time zone).")
    private java.time.Clock clock;

    @UriParam(label = "advanced", description = "The Jackson ObjectMapper used to read replies. Defaults to the "
            + "registry's only ObjectMapper bean, or a new one.")
    private com.fasterxml.jackson.databind.ObjectMapper objectMapper;

    @UriParam(label = "advanced", prefix = "param.", multiValue = true,
              description = "Extra raw parameters sent as they are, as param.NAME=VALUE; for func/ endpoints, "
                      + "the function's parameters.")
    private Map<String, Object> params;

    public BillmgrConfiguration copy() {
        try {
            BillmgrConfiguration copy = (BillmgrConfiguration) clone();
            copy.addons = addons == null ? null : new LinkedHashMap<>(addons);
            copy.filters = filters == null ? null : new LinkedHashMap<>(filters);
            copy.params = params == null ? null : new LinkedHashMap<>(params);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getItemType() {
        return itemType;
    }

    public void setItemType(String itemType) {
        this.itemType = itemType;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public BillmgrAuthMode getAuthMode() {
        return authMode;
    }

    public void setAuthMode(BillmgrAuthMode authMode) {
        this.authMode = authMode;
    }

    public BillmgrFormat getFormat() {
        return format;
    }

    public void setFormat(BillmgrFormat format) {
        this.format = format;
    }

    public int getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(int apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getLang() {
        return lang;
    }

    public void setLang(String lang) {
        this.lang = lang;
    }

    public boolean isThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    public void setThrowExceptionOnFailure(boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public String getHttpComponentName() {
        return httpComponentName;
    }

    public void setHttpComponentName(String httpComponentName) {
        this.httpComponentName = httpComponentName;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public long getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public void setConnectionRequestTimeout(long connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public int getMaxReplySize() {
        return maxReplySize;
    }

    public void setMaxReplySize(int maxReplySize) {
        this.maxReplySize = maxReplySize;
    }

    public int getMaxServiceIds() {
        return maxServiceIds;
    }

    public void setMaxServiceIds(int maxServiceIds) {
        this.maxServiceIds = maxServiceIds;
    }

    public String getPricelist() {
        return pricelist;
    }

    public void setPricelist(String pricelist) {
        this.pricelist = pricelist;
    }

    public String getDatacenter() {
        return datacenter;
    }

    public void setDatacenter(String datacenter) {
        this.datacenter = datacenter;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getOstempl() {
        return ostempl;
    }

    public void setOstempl(String ostempl) {
        this.ostempl = ostempl;
    }

    public String getRecipe() {
        return recipe;
    }

    public void setRecipe(String recipe) {
        this.recipe = recipe;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getAutoprolong() {
        return autoprolong;
    }

    public void setAutoprolong(String autoprolong) {
        this.autoprolong = autoprolong;
    }

    public boolean isSkipBasket() {
        return skipBasket;
    }

    public void setSkipBasket(boolean skipBasket) {
        this.skipBasket = skipBasket;
    }

    public String getRemoteId() {
        return remoteId;
    }

    public void setRemoteId(String remoteId) {
        this.remoteId = remoteId;
    }

    public String getRemoteIdExpression() {
        return remoteIdExpression;
    }

    public void setRemoteIdExpression(String remoteIdExpression) {
        this.remoteIdExpression = remoteIdExpression;
    }

    public BillmgrLookupBeforeOrder getLookupBeforeOrder() {
        return lookupBeforeOrder;
    }

    public void setLookupBeforeOrder(BillmgrLookupBeforeOrder lookupBeforeOrder) {
        this.lookupBeforeOrder = lookupBeforeOrder;
    }

    public boolean isGenerateRemoteId() {
        return generateRemoteId;
    }

    public void setGenerateRemoteId(boolean generateRemoteId) {
        this.generateRemoteId = generateRemoteId;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public Map<String, Object> getAddons() {
        return addons;
    }

    public void setAddons(Map<String, Object> addons) {
        this.addons = addons;
    }

    public boolean isDragonCart() {
        return dragonCart;
    }

    public void setDragonCart(boolean dragonCart) {
        this.dragonCart = dragonCart;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public Map<String, Object> getFilters() {
        return filters;
    }

    public void setFilters(Map<String, Object> filters) {
        this.filters = filters;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getPageNumber() {
        return pageNumber;
    }

    public void setPageNumber(int pageNumber) {
        this.pageNumber = pageNumber;
    }

    public BillmgrOutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(BillmgrOutputType outputType) {
        this.outputType = outputType;
    }

    public com.fasterxml.jackson.databind.ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    public void setObjectMapper(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public BillmgrEmitMode getEmit() {
        return emit;
    }

    public void setEmit(BillmgrEmitMode emit) {
        this.emit = emit;
    }

    public Integer getExpiringWithinDays() {
        return expiringWithinDays;
    }

    public void setExpiringWithinDays(Integer expiringWithinDays) {
        this.expiringWithinDays = expiringWithinDays;
    }

    public BillmgrStateRepository getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(BillmgrStateRepository stateRepository) {
        this.stateRepository = stateRepository;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public java.time.Clock getClock() {
        return clock;
    }

    public void setClock(java.time.Clock clock) {
        this.clock = clock;
    }

    public Map<String, Object> getParams() {
        return params;
    }

    public void setParams(Map<String, Object> params) {
        this.params = params;
    }
}

package io.github.camelbillmgr;

import java.util.LinkedHashMap;
import java.util.Map;

import java.util.StringJoiner;

/**
 * Builds one {@code billmgr:} endpoint URI; every method sets the endpoint option of the same name. Start from
 * {@link BillmgrEndpoints}.
 */
public final class BillmgrEndpointBuilder {

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9._~:/#-]*");

    private final String path;
    private final Map<String, Object> options = new LinkedHashMap<>();

    BillmgrEndpointBuilder(String itemType, String operation) {
        this.path = itemType + "/" + operation;
    }

    private BillmgrEndpointBuilder option(String name, Object value) {
        if (value == null) {
            options.remove(name);
        } else {
            options.put(name, value);
        }
        return this;
    }

    /** The URI, e.g. {@code billmgr:vds/order?pricelist=6&period=1}. */
    public String uri() {
        if (options.isEmpty()) {
            return "billmgr:" + path;
        }
        StringJoiner query = new StringJoiner("&");
        options.forEach((k, v) -> query.add(k + "=" + encode(String.valueOf(v))));
        return "billmgr:" + path + "?" + query;
    }

    /**
     * Camel normalises percent-encoding in endpoint URIs, so a value with '&', '+', '=' or spaces is passed the
     * Camel way, as RAW(...) (or RAW{...} when it holds a ')').
     */
    private static String encode(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        return value.indexOf(')') < 0 ? "RAW(" + value + ")" : "RAW{" + value + "}";
    }

    @Override
    public String toString() {
        return uri();
    }

    // common

    public BillmgrEndpointBuilder baseUrl(String baseUrl) {
        return option("baseUrl", baseUrl);
    }

    public BillmgrEndpointBuilder authMode(BillmgrAuthMode authMode) {
        return option("authMode", authMode);
    }

    public BillmgrEndpointBuilder format(BillmgrFormat format) {
        return option("format", format);
    }

    public BillmgrEndpointBuilder apiVersion(int apiVersion) {
        return option("apiVersion", apiVersion);
    }

    public BillmgrEndpointBuilder lang(String lang) {
        return option("lang", lang);
    }

    public BillmgrEndpointBuilder throwExceptionOnFailure(boolean throwExceptionOnFailure) {
        return option("throwExceptionOnFailure", throwExceptionOnFailure);
    }

    public BillmgrEndpointBuilder httpComponentName(String httpComponentName) {
        return option("httpComponentName", httpComponentName);
    }

    /** A raw parameter sent as it is ({@code param.<name>}). */
    public BillmgrEndpointBuilder param(String name, Object value) {
        return option("param." + name, value);
    }

    // order, prolong, edit

    public BillmgrEndpointBuilder pricelist(long pricelist) {
        return option("pricelist", pricelist);
    }

    public BillmgrEndpointBuilder datacenter(String datacenter) {
        return option("datacenter", datacenter);
    }

    /** Months; {@code -100} orders a trial. */
    public BillmgrEndpointBuilder period(int period) {
        return option("period", period);
    }

    public BillmgrEndpointBuilder ostempl(String ostempl) {
        return option("ostempl", ostempl);
    }

    public BillmgrEndpointBuilder recipe(String recipe) {
        return option("recipe", recipe);
    }

    public BillmgrEndpointBuilder domain(String domain) {
        return option("domain", domain);
    }

    /** Auto-renewal every {@code months} months. */
    public BillmgrEndpointBuilder autoprolong(int months) {
        return option("autoprolong", months);
    }

    /** Switches auto-renewal off. */
    public BillmgrEndpointBuilder autoprolongOff() {
        return option("autoprolong", "off");
    }

    public BillmgrEndpointBuilder skipBasket(boolean skipBasket) {
        return option("skipBasket", skipBasket);
    }

    public BillmgrEndpointBuilder remoteId(String remoteId) {
        return option("remoteId", remoteId);
    }

    public BillmgrEndpointBuilder comment(String comment) {
        return option("comment", comment);
    }

    /** An add-on value, sent as {@code addon_<id>}. */
    public BillmgrEndpointBuilder addon(int addonId, Object value) {
        return option("addon." + addonId, value);
    }

    public BillmgrEndpointBuilder dragonCart(boolean dragonCart) {
        return option("dragonCart", dragonCart);
    }

    // list and consumer

    public BillmgrEndpointBuilder status(io.github.camelbillmgr.model.BillmgrServiceStatus status) {
        return option("status", status.getCode());
    }

    public BillmgrEndpointBuilder account(String account) {
        return option("account", account);
    }

    /** Any list filter, sent as {@code <column>=<value>} with {@code filter=on}. */
    public BillmgrEndpointBuilder filter(String column, Object value) {
        return option("filter." + column, value);
    }

    public BillmgrEndpointBuilder pageSize(int pageSize) {
        return option("pageSize", pageSize);
    }

    public BillmgrEndpointBuilder pageNumber(int pageNumber) {
        return option("pageNumber", pageNumber);
    }

    /** {@code iterator} for a lazy, page-at-a-time body to split with {@code streaming()}. */
    public BillmgrEndpointBuilder outputType(BillmgrOutputType outputType) {
        return option("outputType", outputType);
    }

    public BillmgrEndpointBuilder expiringWithinDays(int days) {
        return option("expiringWithinDays", days);
    }

    public BillmgrEndpointBuilder emit(BillmgrEmitMode emit) {
        return option("emit", emit);
    }

    /** A {@link BillmgrStateRepository} bean, by name. */
    public BillmgrEndpointBuilder stateRepository(String beanName) {
        return option("stateRepository", "#" + beanName);
    }

    /** A {@link java.time.Clock} bean, by name. */
    public BillmgrEndpointBuilder clock(String beanName) {
        return option("clock", "#" + beanName);
    }

    /** Milliseconds between polls. */
    public BillmgrEndpointBuilder delay(long millis) {
        return option("delay", millis);
    }

    public BillmgrEndpointBuilder initialDelay(long millis) {
        return option("initialDelay", millis);
    }

    public BillmgrEndpointBuilder maxMessagesPerPoll(int max) {
        return option("maxMessagesPerPoll", max);
    }

    public BillmgrEndpointBuilder bridgeErrorHandler(boolean bridge) {
        return option("bridgeErrorHandler", bridge);
    }

    public BillmgrEndpointBuilder sendEmptyMessageWhenIdle(boolean send) {
        return option("sendEmptyMessageWhenIdle", send);
    }
}

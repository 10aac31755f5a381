package io.github.camelbillmgr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.camelbillmgr.model.BillmgrServiceStatus;
import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;

/**
 * Builds one {@code billmgr:} endpoint URI; every method sets the endpoint option of the same name. Start from
 * {@link BillmgrEndpoints}.
 * <p>
 * One option is one line: {@code option(name, value)} for a value, {@code bean(name, beanName)} for a bean
 * reference ({@code #beanName}). {@code BillmgrEndpointsTest} fails, naming the option, when an endpoint option of
 * the catalog has no method here and is not on its list of deliberate exclusions (the credentials).
 */
public final class BillmgrEndpointBuilder {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~:/#-]*");

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

    /** A bean of the registry, by name: written as Camel's reference syntax, {@code #beanName}. */
    private BillmgrEndpointBuilder bean(String name, String beanName) {
        return option(name, beanName == null ? null : "#" + beanName);
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

    // common (username and password are left out on purpose: set the credentials on the component)

    public BillmgrEndpointBuilder baseUrl(String baseUrl) { return option("baseUrl", baseUrl); }
    public BillmgrEndpointBuilder authMode(BillmgrAuthMode authMode) { return option("authMode", authMode); }
    public BillmgrEndpointBuilder format(BillmgrFormat format) { return option("format", format); }
    public BillmgrEndpointBuilder apiVersion(int apiVersion) { return option("apiVersion", apiVersion); }
    public BillmgrEndpointBuilder lang(String lang) { return option("lang", lang); }
    public BillmgrEndpointBuilder throwExceptionOnFailure(boolean fail) {
        return option("throwExceptionOnFailure", fail);
    }
    public BillmgrEndpointBuilder httpComponentName(String name) { return option("httpComponentName", name); }
    /** Durations in Camel's syntax: {@code 500ms}, {@code 10s}, {@code 1m30s}, or milliseconds. */
    public BillmgrEndpointBuilder connectTimeout(String duration) {
        return option("connectTimeout", duration);
    }
    public BillmgrEndpointBuilder responseTimeout(String duration) { return option("responseTimeout", duration); }
    public BillmgrEndpointBuilder connectionRequestTimeout(String duration) {
        return option("connectionRequestTimeout", duration);
    }
    /** The whole call's deadline; at least responseTimeout. */
    public BillmgrEndpointBuilder callTimeout(String duration) {
        return option("callTimeout", duration);
    }
    /** The largest reply read, in bytes after decompression. */
    public BillmgrEndpointBuilder maxReplySize(int bytes) {
        return option("maxReplySize", bytes);
    }
    public BillmgrEndpointBuilder sslContextParameters(String beanName) {
        return bean("sslContextParameters", beanName);
    }
    /** A Jackson {@code ObjectMapper} bean, by name. */
    public BillmgrEndpointBuilder objectMapper(String beanName) {
        return bean("objectMapper", beanName);
    }
    /** A raw parameter sent as it is ({@code param.<name>}). */
    public BillmgrEndpointBuilder param(String name, Object value) {
        return option("param." + name, value);
    }

    // order, prolong, edit

    public BillmgrEndpointBuilder pricelist(long pricelist) { return option("pricelist", pricelist); }
    /** The most service ids one exchange may give (prolong, suspend, resume, delete, func/). */
    public BillmgrEndpointBuilder maxServiceIds(int maxServiceIds) {
        return option("maxServiceIds", maxServiceIds);
    }
    public BillmgrEndpointBuilder datacenter(String datacenter) { return option("datacenter", datacenter); }
    /** Months; {@code -100} orders a trial. */
    public BillmgrEndpointBuilder period(int period) {
        return option("period", period);
    }
    public BillmgrEndpointBuilder ostempl(String ostempl) { return option("ostempl", ostempl); }
    public BillmgrEndpointBuilder recipe(String recipe) { return option("recipe", recipe); }
    public BillmgrEndpointBuilder domain(String domain) { return option("domain", domain); }
    /** Auto-renewal every {@code months} months. */
    public BillmgrEndpointBuilder autoprolong(int months) {
        return option("autoprolong", months);
    }
    /** Switches auto-renewal off. */
    public BillmgrEndpointBuilder autoprolongOff() {
        return option("autoprolong", "off");
    }
    public BillmgrEndpointBuilder skipBasket(boolean skipBasket) { return option("skipBasket", skipBasket); }
    public BillmgrEndpointBuilder remoteId(String remoteId) { return option("remoteId", remoteId); }
    public BillmgrEndpointBuilder generateRemoteId(boolean generate) { return option("generateRemoteId", generate); }
    /** A Simple expression giving the business key used as remote id, e.g. {@code ${header.OrderNo}}. */
    public BillmgrEndpointBuilder remoteIdExpression(String expression) {
        return option("remoteIdExpression", expression);
    }
    public BillmgrEndpointBuilder lookupBeforeOrder(BillmgrLookupBeforeOrder when) {
        return option("lookupBeforeOrder", when);
    }
    public BillmgrEndpointBuilder comment(String comment) { return option("comment", comment); }
    /** An add-on value, sent as {@code addon_<id>}. */
    public BillmgrEndpointBuilder addon(int addonId, Object value) {
        return option("addon." + addonId, value);
    }
    public BillmgrEndpointBuilder dragonCart(boolean dragonCart) { return option("dragonCart", dragonCart); }
    public BillmgrEndpointBuilder lazyStartProducer(boolean lazy) { return option("lazyStartProducer", lazy); }

    // list and consumer

    public BillmgrEndpointBuilder status(BillmgrServiceStatus status) { return option("status", status.getCode()); }
    public BillmgrEndpointBuilder account(String account) { return option("account", account); }
    /** Any list filter, sent as {@code <column>=<value>} with {@code filter=on}. */
    public BillmgrEndpointBuilder filter(String column, Object value) {
        return option("filter." + column, value);
    }
    public BillmgrEndpointBuilder pageSize(int pageSize) { return option("pageSize", pageSize); }
    public BillmgrEndpointBuilder pageNumber(int pageNumber) { return option("pageNumber", pageNumber); }
    public BillmgrEndpointBuilder expiringWithinDays(int days) { return option("expiringWithinDays", days); }
    /** {@code iterator} for a lazy, page-at-a-time body to split with {@code streaming()}. */
    public BillmgrEndpointBuilder outputType(BillmgrOutputType outputType) {
        return option("outputType", outputType);
    }
    /** A {@link java.time.Clock} bean, by name. */
    public BillmgrEndpointBuilder clock(String beanName) {
        return bean("clock", beanName);
    }

    // consumer

    public BillmgrEndpointBuilder emit(BillmgrEmitMode emit) { return option("emit", emit); }
    /** A {@link BillmgrStateRepository} bean, by name. */
    public BillmgrEndpointBuilder stateRepository(String beanName) {
        return bean("stateRepository", beanName);
    }
    public BillmgrEndpointBuilder maxMessagesPerPoll(int max) { return option("maxMessagesPerPoll", max); }
    public BillmgrEndpointBuilder bridgeErrorHandler(boolean bridge) { return option("bridgeErrorHandler", bridge); }
    public BillmgrEndpointBuilder sendEmptyMessageWhenIdle(boolean send) {
        return option("sendEmptyMessageWhenIdle", send);
    }
    /** An {@code org.apache.camel.spi.ExceptionHandler} bean, by name: what happens to failed polls. */
    public BillmgrEndpointBuilder exceptionHandler(String beanName) {
        return bean("exceptionHandler", beanName);
    }
    public BillmgrEndpointBuilder exchangePattern(ExchangePattern pattern) {
        return option("exchangePattern", pattern);
    }
    /** An {@code org.apache.camel.spi.PollingConsumerPollStrategy} bean, by name: sees every poll and failure. */
    public BillmgrEndpointBuilder pollStrategy(String beanName) {
        return bean("pollStrategy", beanName);
    }

    // consumer scheduling (Camel's scheduled poll options)

    /** Time between polls, in {@link #timeUnit} (milliseconds by default; the billmgr consumer's default is a minute). */
    public BillmgrEndpointBuilder delay(long delay) {
        return option("delay", delay);
    }
    public BillmgrEndpointBuilder initialDelay(long initialDelay) { return option("initialDelay", initialDelay); }
    public BillmgrEndpointBuilder timeUnit(TimeUnit timeUnit) { return option("timeUnit", timeUnit); }
    public BillmgrEndpointBuilder useFixedDelay(boolean fixedDelay) { return option("useFixedDelay", fixedDelay); }
    public BillmgrEndpointBuilder greedy(boolean greedy) { return option("greedy", greedy); }
    public BillmgrEndpointBuilder repeatCount(long count) { return option("repeatCount", count); }
    public BillmgrEndpointBuilder startScheduler(boolean start) { return option("startScheduler", start); }
    public BillmgrEndpointBuilder runLoggingLevel(LoggingLevel level) { return option("runLoggingLevel", level); }
    public BillmgrEndpointBuilder backoffMultiplier(int multiplier) { return option("backoffMultiplier", multiplier); }
    public BillmgrEndpointBuilder backoffErrorThreshold(int polls) { return option("backoffErrorThreshold", polls); }
    public BillmgrEndpointBuilder backoffIdleThreshold(int polls) { return option("backoffIdleThreshold", polls); }
    /**
     * Camel's {@code scheduler} option, written as given: {@code quartz} or {@code spring} (a cron scheduler from
     * camel-quartz or camel-spring, configured with {@link #schedulerProperty}), or {@code #beanName} for your own
     * {@code org.apache.camel.spi.ScheduledPollConsumerScheduler}.
     */
    public BillmgrEndpointBuilder scheduler(String scheduler) { return option("scheduler", scheduler); }
    /** A property of the scheduler, sent as {@code scheduler.<name>}, e.g. {@code schedulerProperty("cron", "0 0 6 * * ?")}. */
    public BillmgrEndpointBuilder schedulerProperty(String name, Object value) {
        return option("scheduler." + name, value);
    }
    /** A {@code java.util.concurrent.ScheduledExecutorService} bean, by name, shared by several consumers. */
    public BillmgrEndpointBuilder scheduledExecutorService(String beanName) {
        return bean("scheduledExecutorService", beanName);
    }
}

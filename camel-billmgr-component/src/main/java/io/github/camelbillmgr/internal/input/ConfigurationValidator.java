package io.github.camelbillmgr.internal.input;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrOperation;
import io.github.camelbillmgr.model.BillmgrServiceStatus;

/**
 * Checks an endpoint's configuration when the endpoint is created, so that a wrong URI fails at route start with a
 * message naming the option, the value and what is allowed, before anything is sent.
 */
public final class ConfigurationValidator {

    /** BILLmanager item types are free names: providers add their own. */
    static final Pattern ITEM_TYPE = Pattern.compile("[A-Za-z0-9_-]+");
    /** Function names: item types joined by dots, e.g. {@code v2.vds.order.param}, {@code dashboard.info}. */
    static final Pattern FUNC = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
    static final Pattern ID = Pattern.compile("[0-9]+");
    static final String FUNC_TYPE = "func";
    /** Parameters the component sets itself: giving them would bypass its credential and format handling. */
    static final java.util.Set<String> RESERVED_PARAMS = java.util.Set.of("func", "out", "authinfo", "auth");
    /**
     * Parameters a list request sets itself besides the reserved ones: a filter.* option of that name would send the
     * parameter twice, and BILLmanager would read one of the two.
     */
    static final java.util.Set<String> RESERVED_FILTERS = java.util.Set.of("func", "out", "authinfo", "auth", "filter",
            "p_cnt", "p_num");
    /** Below this, even an error document would not fit in a reply. */
    static final int MIN_REPLY_SIZE = 4096;

    private ConfigurationValidator() {
    }

    /** Splits {@code itemType/operation}. */
    public static String[] splitPath(String remaining) {
        String path = remaining == null ? "" : remaining;
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1 || path.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("Invalid billmgr URI path '" + path
                    + "': expected billmgr:itemType/operation, e.g. billmgr:vds/order, "
                    + "or billmgr:func/<function>, e.g. billmgr:func/whoami");
        }
        return new String[] { path.substring(0, slash), path.substring(slash + 1) };
    }

    public static void validate(BillmgrConfiguration c) {
        String itemType = c.getItemType();
        if (itemType == null || !ITEM_TYPE.matcher(itemType).matches()) {
            throw new IllegalArgumentException("Invalid itemType '" + itemType
                    + "': an item type is a BILLmanager internal type name made of letters, "
                    + "digits, '-' and '_' (e.g. vds, dedic, vhost, soft, platform)");
        }
        if (FUNC_TYPE.equals(itemType)) {
            if (c.getOperation() == null || !FUNC.matcher(c.getOperation()).matches()) {
                throw new IllegalArgumentException("Invalid function name '" + c.getOperation()
                        + "' in billmgr:func/<function>: a function name is made of "
                        + "letters, digits, '-', '_' and dots, e.g. dashboard.info");
            }
        } else if (BillmgrOperation.find(c.getOperation()) == null) {
            throw new IllegalArgumentException("Unknown operation '" + c.getOperation() + "' in billmgr:" + itemType
                    + "/" + c.getOperation() + ": allowed are " + BillmgrOperation.names()
                    + ", or use billmgr:func/<function> to call any other function");
        }
        validateBaseUrl(c.getBaseUrl());
        require("username", c.getUsername());
        require("password", c.getPassword());
        if (c.getApiVersion() != 5 && c.getApiVersion() != 6) {
            throw new IllegalArgumentException("Invalid apiVersion '" + c.getApiVersion() + "': allowed are 5 and 6");
        }
        if (c.getPageSize() < 1) {
            throw new IllegalArgumentException("Invalid pageSize '" + c.getPageSize() + "': must be 1 or more");
        }
        if (c.getPageNumber() < 0) {
            throw new IllegalArgumentException("Invalid pageNumber '" + c.getPageNumber()
                    + "': must be 1 or more, or 0 to read every page");
        }
        if (c.getExpiringWithinDays() != null && c.getExpiringWithinDays() < 0) {
            throw new IllegalArgumentException("Invalid expiringWithinDays '" + c.getExpiringWithinDays()
                    + "': must be 0 (expiring today) or more days");
        }
        if (c.getPeriod() != null) {
            period("period option", c.getPeriod(), isRenewal(c));
        }
        if (c.getPricelist() != null) {
            id("pricelist option", c.getPricelist());
        }
        if (c.getAutoprolong() != null) {
            autoprolong("autoprolong option", c.getAutoprolong());
        }
        if (c.getStatus() != null && BillmgrServiceStatus.parse(c.getStatus()) == null) {
            throw new IllegalArgumentException("Invalid status '" + c.getStatus()
                    + "': allowed are 1 (ordered), 2 (active), 3 (suspended), 4 (deleted), "
                    + "5 (processing), or those names");
        }
        if (c.getParams() != null) {
            for (String name : c.getParams().keySet()) {
                reserved("param.", name, RESERVED_PARAMS);
            }
        }
        if (c.getFilters() != null) {
            for (String name : c.getFilters().keySet()) {
                reserved("filter.", name, RESERVED_FILTERS);
            }
        }
        if (c.getMaxReplySize() < MIN_REPLY_SIZE) {
            throw new IllegalArgumentException("Invalid maxReplySize '" + c.getMaxReplySize() + "': must be at least "
                    + MIN_REPLY_SIZE + " bytes (the default is 8388608, 8 MB)");
        }
        if (c.getMaxServiceIds() < 1) {
            throw new IllegalArgumentException("Invalid maxServiceIds '" + c.getMaxServiceIds()
                    + "': must be 1 or more (the default is 100)");
        }
        if (c.getAddons() != null) {
            for (Map.Entry<String, Object> e : c.getAddons().entrySet()) {
                addonId("addon." + e.getKey() + " option", e.getKey());
            }
        }
    }

    /**
     * A prefixed option (param.NAME, filter.NAME) that would send a parameter the component sets itself. Compared
     * ignoring case and surrounding blanks, so that {@code filter.FUNC} cannot slip through either.
     */
    static void reserved(String prefix, String name, java.util.Set<String> names) {
        if (names.contains(name.trim().toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("Invalid option " + prefix + name + ": the parameter '" + name
                    + "' is set by the component and cannot be given (reserved are "
                    + new java.util.TreeSet<>(names) + ")");
        }
    }

    static void validateBaseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("Missing option baseUrl: set the BILLmanager API URL, e.g. "
                    + "baseUrl=https://billing.example.com/billmgr, on the endpoint or as "
                    + "camel.component.billmgr.baseUrl");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid baseUrl '" + sanitize(baseUrl) + "': not a URL ("
                    + e.getMessage() + "); it must be an http or https URL with a host, "
                    + "e.g. https://billing.example.com/billmgr");
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null && uri.getRawAuthority() != null
                && uri.getRawAuthority().matches("[^@]*:[0-9]{6,}")) {
            // a port too long for an int leaves URI without a host: say what is wrong with it
            String port = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf(':') + 1);
            throw new IllegalArgumentException("Invalid baseUrl '" + sanitize(baseUrl) + "': the port " + port
                    + " is not a TCP port; give one from 1 to 65535, or none for the "
                    + "scheme's default (80 for http, 443 for https)");
        }
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("Invalid baseUrl '" + sanitize(baseUrl)
                    + "': must be an http or https URL with a host, e.g. "
                    + "https://billing.example.com/billmgr");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            // URI accepts any digits; HttpClient would fail on the first call with a bare IllegalArgumentException
            throw new IllegalArgumentException("Invalid baseUrl '" + sanitize(baseUrl) + "': the port " + uri.getPort()
                    + " is not a TCP port; give one from 1 to 65535, or none for the "
                    + "scheme's default (80 for http, 443 for https)");
        }
        if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Invalid baseUrl '" + sanitize(baseUrl)
                    + "': must not contain a query string or user info; credentials go in "
                    + "the username and password options and are sent in the POST body");
        }
    }

    private static String sanitize(String url) {
        // Whatever the user put after '?' or before '@' may be a credential: never echo it.
        String s = url.replaceAll("\\?.*$", "?...");
        return s.replaceAll("//[^/@]*@", "//...@");
    }

    private static void require(String option, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Missing option " + option + ": set it on the endpoint or as "
                    + "camel.component.billmgr." + option);
        }
    }

    /** True for the operations whose period renews a service: they take neither a trial nor a one-time period. */
    public static boolean isRenewal(BillmgrConfiguration c) {
        return !FUNC_TYPE.equals(c.getItemType())
                && BillmgrOperation.find(c.getOperation()) == BillmgrOperation.prolong;
    }

    /**
     * A period: a whole number of months, or one of BILLmanager's codes: 0 (one-time), -50 (daily) and -100 (trial).
     * A renewal takes months or -50.
     */
    public static int period(String source, Object value, boolean renewal) {
        Integer months = null;
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            months = ((Number) value).intValue();
        } else if (value instanceof Long l) {
            // a long that does not fit would wrap around to another, valid-looking period
            months = l == l.intValue() ? l.intValue() : null;
        } else if (value != null) {
            String text = String.valueOf(value).trim();
            if (WHOLE_NUMBER.matcher(text).matches()) {
                try {
                    months = Integer.valueOf(text);
                } catch (NumberFormatException e) {
                    months = null;
                }
            }
        }
        boolean allowed
                = months != null && (months > 0 || months == -50 || (!renewal && (months == 0 || months == -100)));
        if (!allowed) {
            throw new IllegalArgumentException("Invalid " + source + " '" + value + "': " + (renewal
                    ? "prolong takes a whole number of months (1, 3, 12, ...) or -50 (daily); 0 (one-time) and -100 "
                            + "(trial) are for orders"
                    : "the period must be a whole number of months (1, 3, 12, ...), or 0 (one-time), -50 (daily) or "
                            + "-100 (a trial)"));
        }
        return months;
    }

    /** A numeric id (service id, tariff id): 1 or more, and at most 18 digits, so it fits a long. */
    public static String id(String source, Object value) {
        String text = String.valueOf(value).trim();
        if (!isId(text)) {
            throw new IllegalArgumentException("Invalid " + source + " '" + value
                    + "': must be a positive whole number (a BILLmanager id)");
        }
        return text;
    }

    public static boolean isId(String text) {
        return ID.matcher(text).matches() && text.length() <= 18 && Long.parseLong(text) > 0;
    }

    public static String addonId(String source, Object key) {
        String text = String.valueOf(key).trim();
        if (!isId(text)) {
            throw new IllegalArgumentException("Invalid " + source + ": the add-on id '" + key
                    + "' must be a number: the add-on's id in BILLmanager, a positive "
                    + "whole number (sent as addon_<id>)");
        }
        return text;
    }

    /** Auto-renewal: months, or off/null; returns the value BILLmanager expects. */
    public static String autoprolong(String source, Object value) {
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("off") || text.equalsIgnoreCase("null") || text.equalsIgnoreCase("false")) {
            return "null";
        }
        // at most 9 digits: a month count that does not fit an int is a typo, not a period
        if (ID.matcher(text).matches() && text.length() <= 9 && Integer.parseInt(text) > 0) {
            return text;
        }
        throw new IllegalArgumentException("Invalid " + source + " '" + value
                + "': auto-renewal is a number of months (e.g. 1 or 12), or off to switch "
                + "it off");
    }
}

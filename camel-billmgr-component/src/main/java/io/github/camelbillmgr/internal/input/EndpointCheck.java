package io.github.camelbillmgr.internal.input;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrOperation;
import io.github.camelbillmgr.internal.http.HttpEndpoints;
import io.github.camelbillmgr.internal.http.RequestTimeouts;
import io.github.camelbillmgr.internal.op.RemoteIdExpression;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import org.apache.camel.CamelContext;

/**
 * Checks an endpoint when it is created, so that a wrong URI fails at route start with a message naming the option,
 * the value and what is allowed, before anything is sent. {@code BillmgrComponent.createEndpoint} splits the path
 * here, has the text of the typed options checked before Camel converts them ({@link #optionTexts}), and the bound
 * configuration checked as a whole ({@link #check}). Every failure is an {@link IllegalArgumentException}, which
 * Camel reports as the cause of its {@code ResolveEndpointFailedException}.
 */
public final class EndpointCheck {

    /** BILLmanager item types are free names: providers add their own. */
    private static final Pattern ITEM_TYPE = Pattern.compile("[A-Za-z0-9_-]+");
    /** Function names: item types joined by dots, e.g. {@code v2.vds.order.param}, {@code dashboard.info}. */
    private static final Pattern FUNC = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    /**
     * Parameters a list request sets itself besides the reserved ones: a filter.* option of that name would send the
     * parameter twice, and BILLmanager would read one of the two.
     */
    static final Set<String> RESERVED_FILTERS = Set.of("func", "out", "authinfo", "auth", "filter", "p_cnt", "p_num");
    /** Below this, even an error document would not fit in a reply. */
    static final int MIN_REPLY_SIZE = 4096;

    private EndpointCheck() {
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

    /**
     * The text of the typed options as written in the URI, before Camel converts it: Camel's conversion changes some
     * wrong numbers instead of refusing them, and does not say what is allowed (see {@link OptionText}).
     */
    public static void optionTexts(Map<String, Object> parameters) {
        OptionText.check(parameters);
    }

    /** The bound configuration: path, base URL, credentials, numbers, values, prefixed options, timeouts and TLS. */
    public static void check(BillmgrConfiguration c, CamelContext context) {
        path(c);
        BaseUrlCheck.check(c.getBaseUrl());
        require("username", c.getUsername());
        require("password", c.getPassword());
        numbers(c);
        values(c);
        prefixed(c);
        RequestTimeouts.of(c); // refuses timeouts that do not fit together
        HttpEndpoints.validate(c);
        if (c.getRemoteIdExpression() != null) {
            RemoteIdExpression.compile(context, c.getRemoteIdExpression());
        }
    }

    private static void path(BillmgrConfiguration c) {
        String itemType = c.getItemType();
        if (itemType == null || !ITEM_TYPE.matcher(itemType).matches()) {
            throw new IllegalArgumentException("Invalid itemType '" + itemType
                    + "': an item type is a BILLmanager internal type name made of letters, "
                    + "digits, '-' and '_' (e.g. vds, dedic, vhost, soft, platform)");
        }
        if (ValueRules.FUNC_TYPE.equals(itemType)) {
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
    }

    private static void require(String option, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Missing option " + option + ": set it on the endpoint or as "
                    + "camel.component.billmgr." + option);
        }
    }

    private static void numbers(BillmgrConfiguration c) {
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
        if (c.getMaxReplySize() < MIN_REPLY_SIZE) {
            throw new IllegalArgumentException("Invalid maxReplySize '" + c.getMaxReplySize() + "': must be at least "
                    + MIN_REPLY_SIZE + " bytes (the default is 8388608, 8 MB)");
        }
        if (c.getMaxServiceIds() < 1) {
            throw new IllegalArgumentException("Invalid maxServiceIds '" + c.getMaxServiceIds()
                    + "': must be 1 or more (the default is 100)");
        }
    }

    /** The options an exchange's header may override: the same {@link ValueRules} as the headers. */
    private static void values(BillmgrConfiguration c) {
        if (c.getPeriod() != null) {
            ValueRules.period("period option", c.getPeriod(), ValueRules.isRenewal(c));
        }
        if (c.getPricelist() != null) {
            ValueRules.id("pricelist option", c.getPricelist());
        }
        if (c.getAutoprolong() != null) {
            ValueRules.autoprolong("autoprolong option", c.getAutoprolong());
        }
        if (c.getStatus() != null && BillmgrServiceStatus.parse(c.getStatus()) == null) {
            throw new IllegalArgumentException("Invalid status '" + c.getStatus()
                    + "': allowed are 1 (ordered), 2 (active), 3 (suspended), 4 (deleted), "
                    + "5 (processing), or those names");
        }
    }

    /** The prefixed options: param.NAME and filter.NAME must not name a reserved parameter; addon.N takes an id. */
    private static void prefixed(BillmgrConfiguration c) {
        if (c.getParams() != null) {
            for (String name : c.getParams().keySet()) {
                reserved("param.", name, ValueRules.RESERVED_PARAMS);
            }
        }
        if (c.getFilters() != null) {
            for (String name : c.getFilters().keySet()) {
                reserved("filter.", name, RESERVED_FILTERS);
            }
        }
        if (c.getAddons() != null) {
            for (String id : c.getAddons().keySet()) {
                ValueRules.addonId("addon." + id + " option", id);
            }
        }
    }

    /**
     * A prefixed option (param.NAME, filter.NAME) that would send a parameter the component sets itself. Compared
     * ignoring case and surrounding blanks, so that {@code filter.FUNC} cannot slip through either.
     */
    private static void reserved(String prefix, String name, Set<String> names) {
        if (names.contains(name.trim().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Invalid option " + prefix + name + ": the parameter '" + name
                    + "' is set by the component and cannot be given (reserved are " + new TreeSet<>(names) + ")");
        }
    }
}

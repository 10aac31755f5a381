package io.github.camelbillmgr.internal.input;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrInvalidInputException;
import org.apache.camel.Message;

/**
 * The input of one exchange: each value from its header when present, else from the endpoint's option, checked and
 * converted. The rules of the values are {@link ValueRules} and {@link ServiceIds}, the same as the options' at route
 * start; this class reads the headers (a scalar where one value is expected, a Map for add-ons and parameters) and
 * turns every problem into a {@link BillmgrInvalidInputException} naming the header or option, the value, what is
 * allowed and the endpoint, before anything is sent.
 */
public final class ExchangeInput {

    private final Message message;
    private final BillmgrConfiguration config;
    private final String func;

    public ExchangeInput(Message message, BillmgrConfiguration config, String func) {
        this.message = message;
        this.config = config;
        this.func = func;
    }

    private String where() {
        return "billmgr:" + config.getItemType() + "/" + config.getOperation();
    }

    private BillmgrInvalidInputException invalid(String message) {
        return new BillmgrInvalidInputException(message + " (" + where() + ")", func);
    }

    /** A value rule applied: what it refuses becomes an invalid input of this exchange. */
    private <T> T checked(Supplier<T> rule) throws BillmgrInvalidInputException {
        try {
            return rule.get();
        } catch (InvalidValueException e) {
            throw invalid(e.getMessage());
        }
    }

    private Object header(String name) {
        return message.getHeader(name);
    }

    /** A scalar header as text; collections and maps are refused. */
    private String headerText(String name) throws BillmgrInvalidInputException {
        Object v = header(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Collection || v instanceof Map || v.getClass().isArray()) {
            throw invalid("Invalid header " + name + ": expected a single value, got " + ValueRules.kind(v));
        }
        String text = String.valueOf(v).trim();
        int at = ValueRules.loneSurrogate(text);
        if (at >= 0) {
            // the value is not shown: half a character does not print, and the header may be anything
            throw invalid("Invalid header " + name + ": it holds a lone UTF-16 surrogate at index " + at + ", half of "
                    + "a character, which has no UTF-8 form and would be sent as '?'");
        }
        return text;
    }

    public String pricelist(boolean required) throws BillmgrInvalidInputException {
        String h = headerText(BillmgrConstants.PRICELIST);
        String v = h != null ? h : config.getPricelist();
        String source = h != null ? "header " + BillmgrConstants.PRICELIST : "pricelist option";
        if (v == null || v.isEmpty()) {
            if (required) {
                throw invalid("Missing pricelist: set the pricelist option or the " + BillmgrConstants.PRICELIST
                        + " header to the id of the tariff to order");
            }
            return null;
        }
        String id = v;
        return checked(() -> ValueRules.id(source, id));
    }

    public Integer period(boolean required) throws BillmgrInvalidInputException {
        Object h = header(BillmgrConstants.PERIOD);
        Object v = h != null ? h : config.getPeriod();
        if (v == null || String.valueOf(v).isBlank()) {
            if (required) {
                throw invalid("Missing period: set the period option or the " + BillmgrConstants.PERIOD
                        + " header to a whole number of months");
            }
            return null;
        }
        String source = h != null ? "header " + BillmgrConstants.PERIOD : "period option";
        return checked(() -> ValueRules.period(source, v, ValueRules.isRenewal(config)));
    }

    /** A header that must be a Map when present; null when absent. */
    private Map<?, ?> headerMap(String name, String expected) throws BillmgrInvalidInputException {
        Object h = header(name);
        if (h != null && !(h instanceof Map)) {
            throw invalid("Invalid header " + name + ": expected a Map of " + expected + ", got a "
                    + h.getClass().getSimpleName());
        }
        return (Map<?, ?>) h;
    }

    /** A text header when it has a value, else the option: an empty header (e.g. a blank CSV field) does not count. */
    private String textOr(String header, String option) throws BillmgrInvalidInputException {
        String h = headerText(header);
        return h != null && !h.isEmpty() ? h : option;
    }

    public String datacenter() throws BillmgrInvalidInputException {
        return textOr(BillmgrConstants.DATACENTER, config.getDatacenter());
    }

    public String ostempl() throws BillmgrInvalidInputException {
        return textOr(BillmgrConstants.OSTEMPL, config.getOstempl());
    }

    public String recipe() throws BillmgrInvalidInputException {
        return textOr(BillmgrConstants.RECIPE, config.getRecipe());
    }

    public String domain() throws BillmgrInvalidInputException {
        return textOr(BillmgrConstants.DOMAIN, config.getDomain());
    }

    /** Pay at once ({@code skipbasket=on}) or go to the cart: the header (a Boolean or true/false), else the option. */
    public boolean skipBasket() throws BillmgrInvalidInputException {
        Object h = header(BillmgrConstants.SKIP_BASKET);
        if (h == null) {
            return config.isSkipBasket();
        }
        if (h instanceof Boolean b) {
            return b;
        }
        String t = String.valueOf(h).trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        throw invalid("Invalid header " + BillmgrConstants.SKIP_BASKET + " '" + t + "': expected true (pay from the "
                + "balance at once) or false (put the order in the cart)");
    }

    /** The CamelBillmgrRemoteId header, trimmed; null when absent; a blank one is refused. */
    public String remoteIdHeader() throws BillmgrInvalidInputException {
        String h = headerText(BillmgrConstants.REMOTE_ID);
        if (h != null && h.isEmpty()) {
            // an empty remoteid would be stored as none, and the order could not be found again by it
            throw invalid("Invalid header " + BillmgrConstants.REMOTE_ID + " '" + header(BillmgrConstants.REMOTE_ID)
                    + "': must not be blank; give the reseller-side id of the new service, or leave the header "
                    + "out to have one generated");
        }
        return h;
    }

    public String comment() throws BillmgrInvalidInputException {
        String h = headerText(BillmgrConstants.COMMENT);
        return h != null ? h : config.getComment();
    }

    /** Auto-renewal as BILLmanager expects it (months, or {@code null} to switch off), or null when not given. */
    public String autoprolong() throws BillmgrInvalidInputException {
        Object h = header(BillmgrConstants.AUTOPROLONG);
        Object v = h != null ? h : config.getAutoprolong();
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            if (!b) {
                return "null";
            }
            throw invalid("Invalid header " + BillmgrConstants.AUTOPROLONG
                    + " 'true': give the auto-renewal period in months (e.g. 1), or off");
        }
        String source = h != null ? "header " + BillmgrConstants.AUTOPROLONG : "autoprolong option";
        return checked(() -> ValueRules.autoprolong(source, v));
    }

    /** The add-ons to send, by add-on id, sorted: the options, with the header's entries over them. */
    public Map<String, String> addons() throws BillmgrInvalidInputException {
        Map<String, String> out = new TreeMap<>((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        if (config.getAddons() != null) {
            for (Map.Entry<String, Object> e : config.getAddons().entrySet()) {
                String source = "addon." + e.getKey() + " option";
                out.put(addonKey(source, e.getKey()), addonValue(source, e.getKey(), e.getValue()));
            }
        }
        Map<?, ?> map = headerMap(BillmgrConstants.ADDONS, "add-on id to value, e.g. Map.of(55165, 2)");
        if (map != null) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object key = e.getKey();
                String k = String.valueOf(key);
                if (k.startsWith("addon_")) {
                    k = k.substring("addon_".length());
                }
                String source = "header " + BillmgrConstants.ADDONS;
                out.put(addonKey(source, k), addonValue(source, k, e.getValue()));
            }
        }
        return out;
    }

    private String addonKey(String source, Object key) throws BillmgrInvalidInputException {
        return checked(() -> ValueRules.addonId(source, key));
    }

    private String addonValue(String source, String id, Object value) throws BillmgrInvalidInputException {
        return checked(() -> ValueRules.addonValue(source, id, value));
    }

    /**
     * The service ids: from the header (a number, text "1, 2", a collection or an array), required.
     */
    public List<Long> serviceIds() throws BillmgrInvalidInputException {
        Object h = header(BillmgrConstants.SERVICE_ID);
        if (h == null) {
            throw invalid("Missing service id: set the " + BillmgrConstants.SERVICE_ID
                    + " header to the id of the service (or a collection of ids)");
        }
        return checked(() -> ServiceIds.parse(h, config.getMaxServiceIds()));
    }

    /** The one service id an operation on a single service needs. */
    public long singleServiceId() throws BillmgrInvalidInputException {
        List<Long> ids = serviceIds();
        if (ids.size() != 1) {
            throw invalid("Invalid header " + BillmgrConstants.SERVICE_ID + ": " + config.getOperation()
                    + " takes exactly one service id, got " + ids.size() + " " + ids);
        }
        return ids.get(0);
    }

    /** Extra raw parameters: the param.* options, with the header's entries over them. */
    public Map<String, Object> extraParams() throws BillmgrInvalidInputException {
        Map<String, Object> out = new LinkedHashMap<>();
        if (config.getParams() != null) {
            out.putAll(config.getParams());
        }
        Map<?, ?> map = headerMap(BillmgrConstants.PARAMS, "parameter name to value");
        if (map != null) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(checked(() -> ValueRules.headerParam(e.getKey(), e.getValue())), e.getValue());
            }
        }
        return out;
    }
}

package io.github.camelbillmgr.simulator.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelbillmgr.simulator.catalog.Addon;
import io.github.camelbillmgr.simulator.catalog.Recipe;
import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * Reads an order's parameters. {@code pricelist} may come as itself or in
 * {@code keyvalue=<pricelist>_<datacenter>}; the period as {@code order_period}, {@code period}
 * or {@code period_<pricelist>}, the first present in the configured precedence winning.
 */
public final class OrderParser {

    private static final Pattern ADDON = Pattern.compile("addon_(\\d+)");

    private final CallContext ctx;
    private final String itemType;

    public OrderParser(CallContext ctx, String itemType) {
        this.ctx = ctx;
        this.itemType = itemType;
    }

    /** The tariff, or empty when none was named at all. */
    public Optional<Tariff> tariff() {
        String raw = ctx.opt("pricelist");
        if (raw == null) {
            raw = keyvaluePart(0);
        }
        if (raw == null) {
            return Optional.empty();
        }
        String sent = raw;
        try {
            long id = Long.parseLong(sent);
            return Optional.of(ctx.catalogue().tariff(id)
                    .filter(t -> t.itemType().equals(itemType) && t.isAvailable())
                    .orElseThrow(() -> ctx.invalid("pricelist", sent)));
        } catch (NumberFormatException e) {
            throw ctx.invalid("pricelist", sent);
        }
    }

    public Tariff requireTariff() {
        return tariff().orElseThrow(() -> Errors.missedParam("pricelist"));
    }

    /** The requested period as sent, or null. */
    public String rawPeriod(Tariff tariff) {
        for (String spelling : ctx.settings().getPeriodPrecedence()) {
            String name = spelling.equals(SimSettings.PERIOD_PER_PRICELIST) ? "period_" + tariff.id() : spelling;
            String value = ctx.opt(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    public OrderSpec validate(Tariff tariff) {
        int period = period(tariff);
        Integer datacenter = datacenter(tariff);
        String ostempl = ostempl(tariff);
        String recipe = recipe(tariff, ostempl);
        Map<Integer, String> addons = addons(tariff, true);
        Integer autoprolong = autoprolong(tariff, period);
        if (ctx.dragon() && !ctx.params().isOn("licence_agreement")) {
            throw ctx.invalid("licence_agreement", ctx.params().get("licence_agreement"));
        }
        String remoteId = ctx.opt("remoteid");
        if (remoteId != null && ctx.settings().isRemoteIdUnique()) {
            for (SimService existing : ctx.store().services()) {
                if (remoteId.equals(existing.remoteId())) {
                    throw Errors.exists("remoteid", remoteId);
                }
            }
        }
        return new OrderSpec(tariff, period, datacenter, ostempl, recipe, addons, autoprolong, remoteId,
                ctx.opt("domain"), ctx.opt("ip"), ctx.opt("comment"), ctx.opt("licname"));
    }

    private int period(Tariff tariff) {
        String raw = rawPeriod(tariff);
        if (raw == null) {
            return tariff.defaultPeriod();
        }
        try {
            int period = Integer.parseInt(raw);
            if (tariff.allowsPeriod(period)) {
                return period;
            }
        } catch (NumberFormatException e) {
            // falls through to the invalid-value error
        }
        throw ctx.invalid("period", raw);
    }

    /**
     * The data centre as sent: {@code datacenter}, else the part after the underscore of
     * {@code keyvalue=<pricelist>_<datacenter>} (what the Dragon order form sends); null when neither is there.
     */
    public static String requestedDatacenter(CallContext ctx) {
        String raw = ctx.opt("datacenter");
        return raw != null ? raw : keyvaluePart(ctx, 1);
    }

    private Integer datacenter(Tariff tariff) {
        String raw = requestedDatacenter(ctx);
        if (tariff.datacenters().isEmpty()) {
            return null;
        }
        if (raw == null) {
            if (ctx.settings().isDatacenterRequired()) {
                throw Errors.missedParam("datacenter");
            }
            return tariff.datacenters().get(0);
        }
        try {
            int id = Integer.parseInt(raw);
            if (tariff.datacenters().contains(id)) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the invalid-value error
        }
        throw ctx.invalid("datacenter", raw);
    }

    /** Defaults to the tariff's first template: an omitted OS still installs one. */
    private String ostempl(Tariff tariff) {
        if (tariff.osTemplates().isEmpty()) {
            return null;
        }
        String raw = ctx.opt("ostempl");
        if (raw == null) {
            return tariff.osTemplates().get(0);
        }
        if (!tariff.osTemplates().contains(raw) || ctx.catalogue().osTemplate(raw).isEmpty()) {
            throw ctx.invalid("ostempl", raw);
        }
        return raw;
    }

    private String recipe(Tariff tariff, String ostempl) {
        String raw = ctx.opt("recipe");
        if (raw == null || raw.equals(Forms.NULL_KEY) || raw.equals("none")) {
            return null;
        }
        return requireRecipe(ctx, tariff, raw, ostempl);
    }

    /** A recipe of the tariff whose {@code depend} is the chosen template. */
    public static String requireRecipe(CallContext ctx, Tariff tariff, String key, String ostempl) {
        Optional<Recipe> recipe = ctx.catalogue().recipe(key);
        if (!tariff.recipes().contains(key) || recipe.isEmpty() || !recipe.get().depend().equals(ostempl)) {
            throw ctx.invalid("recipe", key);
        }
        return key;
    }

    /**
     * Add-on values, the defaults filled in. Strict mode rejects foreign ids and out-of-range
     * values; lenient mode (forms) ignores them.
     */
    public Map<Integer, String> addons(Tariff tariff, boolean strict) {
        Map<Integer, String> values = new LinkedHashMap<>();
        tariff.addons().forEach(addon -> values.put(addon.id(), String.valueOf(addon.defaultValue())));
        for (String name : ctx.params().names()) {
            Matcher matcher = ADDON.matcher(name);
            String raw = ctx.opt(name);
            if (!matcher.matches() || raw == null) {
                continue;
            }
            Optional<Addon> addon = tariff.addon(Integer.parseInt(matcher.group(1)));
            Long value = parseLong(raw);
            if (addon.isPresent() && value != null && addon.get().accepts(value)) {
                values.put(addon.get().id(), String.valueOf(value));
            } else if (strict) {
                throw ctx.invalid(name, raw);
            }
        }
        return values;
    }

    /** Changed add-on values for an edit of an existing service; strict. */
    public static Map<Integer, String> changedAddons(CallContext ctx, Tariff tariff) {
        Map<Integer, String> values = new LinkedHashMap<>();
        for (String name : ctx.params().names()) {
            Matcher matcher = ADDON.matcher(name);
            String raw = ctx.opt(name);
            if (!matcher.matches() || raw == null) {
                continue;
            }
            Optional<Addon> addon = tariff.addon(Integer.parseInt(matcher.group(1)));
            Long value = parseLong(raw);
            if (addon.isEmpty() || value == null || !addon.get().accepts(value)) {
                throw ctx.invalid(name, raw);
            }
            values.put(addon.get().id(), String.valueOf(value));
        }
        return values;
    }

    /**
     * {@code N} months (a paid period of the tariff), {@code null}/{@code off} for none, or
     * {@code on} for the ordered period (the tariff's first paid period after a trial).
     */
    public static Integer autoprolong(CallContext ctx, Tariff tariff, int period) {
        String raw = ctx.opt("autoprolong");
        if (raw == null || raw.equalsIgnoreCase(Forms.NULL_KEY) || raw.equalsIgnoreCase("off")) {
            return null;
        }
        if (raw.equalsIgnoreCase("on")) {
            return period == Tariff.TRIAL_PERIOD ? tariff.paidPeriods().stream().findFirst().orElse(null) : period;
        }
        try {
            int months = Integer.parseInt(raw);
            if (tariff.paidPeriods().contains(months)) {
                return months;
            }
        } catch (NumberFormatException e) {
            // falls through to the invalid-value error
        }
        throw ctx.invalid("autoprolong", raw);
    }

    private Integer autoprolong(Tariff tariff, int period) {
        return autoprolong(ctx, tariff, period);
    }

    private String keyvaluePart(int index) {
        return keyvaluePart(ctx, index);
    }

    private static String keyvaluePart(CallContext ctx, int index) {
        String keyvalue = ctx.opt("keyvalue");
        if (keyvalue == null) {
            return null;
        }
        String[] parts = keyvalue.split("_");
        return index < parts.length && !parts[index].isBlank() ? parts[index].trim() : null;
    }

    private static Long parseLong(String raw) {
        try {
            return Long.valueOf(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

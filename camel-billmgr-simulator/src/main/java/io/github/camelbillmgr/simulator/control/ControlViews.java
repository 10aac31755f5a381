package io.github.camelbillmgr.simulator.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.simulator.clock.SimClock;
import io.github.camelbillmgr.simulator.model.SimAccount;
import io.github.camelbillmgr.simulator.model.SimService;

/** How the control plane shows accounts, services, the clock and recorded requests: never a password or a session id. */
final class ControlViews {

    /** The control plane's one mapper, for its answers and request bodies. */
    static final ObjectMapper JSON = new ObjectMapper();
    /** Parameters and headers whose values are credentials: shown as {@value #MASK}. */
    static final Set<String> SECRET_PARAMS = Set.of("password", "authinfo", "auth", "key", "userpassword",
            "passwd", "confirm");
    static final Set<String> SECRET_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");
    private static final String MASK = "***";

    private ControlViews() {
    }

    /** An account without its password. */
    static ObjectNode account(SimAccount account) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", account.id());
        node.put("user", account.user());
        node.put("accountName", account.accountName());
        node.put("admin", account.admin());
        node.put("balance", account.balance().toPlainString());
        node.put("currency", account.currency());
        node.put("creditLimit", account.creditLimit().toPlainString());
        return node;
    }

    static ObjectNode service(SimService s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", s.id());
        node.put("itemType", s.itemType());
        node.put("owner", s.owner());
        node.put("pricelist", s.pricelistId());
        node.put("pricelistName", s.pricelistName());
        if (s.datacenter() != null) {
            node.put("datacenter", s.datacenter());
        }
        node.put("period", s.period());
        node.put("status", s.status());
        node.put("statusName", s.statusName());
        node.put("openDate", s.openDate() == null ? null : s.openDate().toString());
        node.put("expireDate", s.expireDate() == null ? null : s.expireDate().toString());
        if (s.autoprolong() != null) {
            node.put("autoprolong", s.autoprolong());
        } else {
            node.putNull("autoprolong");
        }
        node.put("remoteId", s.remoteId());
        node.put("domain", s.domain());
        node.put("ip", s.ip());
        node.put("ostempl", s.ostempl());
        node.put("recipe", s.recipe());
        node.put("comment", s.comment());
        node.put("licname", s.licname());
        ObjectNode addons = node.putObject("addons");
        s.addons().forEach((addonId, value) -> addons.put(String.valueOf(addonId), value));
        node.put("cost", s.cost().toPlainString());
        node.put("currency", s.currency());
        node.put("lickey", s.lickey());
        node.put("trial", s.trial());
        return node;
    }

    static ObjectNode clock(SimClock clock) {
        ObjectNode node = JSON.createObjectNode();
        node.put("now", clock.now().toString());
        node.put("today", clock.today().toString());
        node.put("ticking", clock.isTicking());
        return node;
    }

    /** Values of the named keys become {@value #MASK}; {@code authinfo} keeps its user name. */
    static ObjectNode masked(Map<String, List<String>> values, Set<String> secret) {
        ObjectNode node = JSON.createObjectNode();
        values.forEach((name, list) -> {
            ArrayNode array = node.putArray(name);
            for (String value : list) {
                if (name.equalsIgnoreCase("authinfo") && value.indexOf(':') > 0) {
                    array.add(value.substring(0, value.indexOf(':')) + ":" + MASK);
                } else if (secret.contains(name.toLowerCase(Locale.ROOT))) {
                    array.add(MASK);
                } else {
                    array.add(value);
                }
            }
        });
        return node;
    }
}

package io.github.camelbillmgr.simulator.engine;

import java.math.BigDecimal;
import java.util.Map;

import io.github.camelbillmgr.simulator.catalog.Tariff;

/** A validated order: everything needed to create the service and charge for it. */
public record OrderSpec(Tariff tariff, int period, Integer datacenter, String ostempl, String recipe,
                        Map<Integer, String> addons, Integer autoprolong, String remoteId, String domain,
                        String ip, String comment, String licname) {

    public BigDecimal cost() {
        return tariff.cost(period, addons);
    }
}

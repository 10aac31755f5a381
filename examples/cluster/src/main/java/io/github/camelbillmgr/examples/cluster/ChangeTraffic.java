package io.github.camelbillmgr.examples.cluster;

import java.util.List;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.SimService;

/**
 * Changes in the simulated BILLmanager for the cluster to notice: new VPS, and renewals. A renewal moves a service's
 * expire date one day further, so every state a service goes through is new: an event that names the same service
 * and expire date twice is a change emitted twice.
 */
public final class ChangeTraffic {

    /** VDS-1 of the simulator's built-in catalogue. */
    private static final long PRICELIST = 6;

    private final BillmgrSimulator simulator;

    public ChangeTraffic(BillmgrSimulator simulator) {
        this.simulator = simulator;
    }

    /** New active VPS of the client. */
    public List<Long> create(int count) {
        return simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, PRICELIST, count).stream()
                .map(SimService::id).toList();
    }

    /** Renews every VPS of the client by one day. */
    public int renewAll() {
        int n = 0;
        for (SimService s : simulator.state().servicesOf("vds")) {
            if (s.expireDate() != null) {
                simulator.state().setExpireDate(s.id(), s.expireDate().plusDays(1));
                n++;
            }
        }
        return n;
    }
}

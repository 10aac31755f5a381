package io.github.camelbillmgr.benchmarks;

import java.math.BigDecimal;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * The simulator in its own JVM, as a user's load test would run it, with a balance that never runs out and a
 * thousand VPS for the client, so that {@code vds} lists 1,000 rows as on the canned server. Prints
 * {@code READY <baseUrl> <serviceId>} and runs until stdin closes.
 */
public final class SimulatorServer {

    private SimulatorServer() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try (BillmgrSimulator sim = new BillmgrSimulator(new SimSettings().setPort(0)).start()) {
            sim.state().setBalance(BillmgrSimulator.CLIENT_USER, new BigDecimal("1000000000"));
            SimService first = sim.state().addServices("vds", BillmgrSimulator.CLIENT_USER, Ops.PRICELIST, 1000).get(0);
            System.out.println("READY " + sim.getBaseUrl() + " " + first.id());
            System.out.flush();
            while (System.in.read() >= 0) {
                // ignore
            }
        }
    }
}

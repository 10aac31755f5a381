package io.github.camelbillmgr.benchmarks;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * The simulator in its own JVM, as a user's load test would run it, with a balance that never runs out and a
 * thousand VPS for the client, so that {@code vds} lists 1,000 rows as on the canned server. Prints
 * {@code READY <baseUrl> <serviceId>}, answers {@link ServerStats} requests and runs until stdin closes.
 */
public final class SimulatorServer {

    /** Overridden by {@code -Dbench.warmUpCalls}: the build's smoke pass measures nothing and needs few. */
    private static final int WARM_UP_CALLS = Integer.getInteger("bench.warmUpCalls", 20_000);

    private SimulatorServer() {
    }

    /**
     * The calls the benchmark makes, twenty thousand times over one kept-alive connection, before the first case: a
     * user's load test measures a server that has run for a while, and the canned server has next to nothing to
     * compile. Without it the first simulator case measures the JIT.
     */
    private static void warmUp(String baseUrl, long serviceId) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> forms = new ArrayList<>();
        for (String format : List.of("json", "xml")) {
            forms.add(Forms.whoami(format));
            forms.add(Forms.get(format, serviceId));
        }
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            HttpResponse<byte[]> reply = http.send(HttpRequest.newBuilder(URI.create(baseUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(forms.get(i % forms.size()))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("warm-up call answered " + reply.statusCode());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try (BillmgrSimulator sim = new BillmgrSimulator(new SimSettings().setPort(0)
                // what the standalone main runs with: a ticking clock, and a request log that keeps the last
                // thousand calls (keeping every call would fill the heap in a long run and measure the collector)
                .setRealTimeClock(true).setRequestLogLimit(1000)).start()) {
            sim.state().setBalance(BillmgrSimulator.CLIENT_USER, new BigDecimal("1000000000"));
            SimService first = sim.state().addServices("vds", BillmgrSimulator.CLIENT_USER, Ops.PRICELIST, 1000).get(0);
            warmUp(sim.getBaseUrl(), first.id());
            sim.clearRequests();
            System.out.println("READY " + sim.getBaseUrl() + " " + first.id());
            System.out.flush();
            ServerStats.serve(sim::requestsReceived, System.out);
        }
    }
}

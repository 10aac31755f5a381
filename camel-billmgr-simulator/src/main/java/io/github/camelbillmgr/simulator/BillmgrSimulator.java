package io.github.camelbillmgr.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

import io.github.camelbillmgr.simulator.clock.SimClock;
import io.github.camelbillmgr.simulator.control.ControlPlane;
import io.github.camelbillmgr.simulator.engine.Dispatcher;
import io.github.camelbillmgr.simulator.engine.Store;
import io.github.camelbillmgr.simulator.fault.CredentialFaults;
import io.github.camelbillmgr.simulator.fault.SimFaults;
import io.github.camelbillmgr.simulator.http.ApiHttpHandler;
import io.github.camelbillmgr.simulator.http.BlockingHttpServer;
import io.github.camelbillmgr.simulator.http.ConnectionGauge;
import io.github.camelbillmgr.simulator.http.RequestLog;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import io.github.camelbillmgr.simulator.seed.SimSeed;
import io.github.camelbillmgr.simulator.settings.SimSettings;
import io.github.camelbillmgr.simulator.tls.SimCertificate;

/**
 * A stateful BILLmanager HTTP API simulator on its own blocking HTTP/1.1 server ({@code http.BlockingHttpServer}).
 *
 * <pre>
 * try (BillmgrSimulator sim = new BillmgrSimulator().start()) {
 *     String url = sim.getBaseUrl();   // http://127.0.0.1:PORT/billmgr
 * }
 * </pre>
 *
 * With {@link SimSettings#setSslContext} it serves HTTPS instead (see {@link SimCertificate}).
 */
public final class BillmgrSimulator implements AutoCloseable {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "Adm1n-S3cret!";
    public static final String CLIENT_USER = "client@example.com";
    /** Contains a space and special characters on purpose: clients must URL-encode properly. */
    public static final String CLIENT_PASSWORD = "Cl1ent-P@ss word";
    public static final String CLIENT_ACCOUNT = "Client Example (client@example.com)";

    private static final System.Logger LOG = System.getLogger(BillmgrSimulator.class.getName());
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The simulator's own server sets TCP_NODELAY itself. The property is for the JDK servers
        // tests run beside it: they write headers and body in separate segments and, with Nagle's
        // algorithm on, the body waits for the client's delayed ACK, some 40 ms per call. The JDK
        // reads the property once, when its first server is made; an explicit
        // -Dsun.net.httpserver.nodelay=false is respected.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final SimSettings settings;
    private final SimSeed seed;
    private final SimClock clock;
    private final Store store;
    private final SimFaults faults = new SimFaults();
    private final RequestLog requestLog;
    private final ConnectionGauge connections = new ConnectionGauge();
    private final SimState state;
    private final ApiHttpHandler handler;
    private BlockingHttpServer server;
    private ExecutorService executor;
    private boolean https;

    public BillmgrSimulator() {
        this(new SimSettings());
    }

    public BillmgrSimulator(SimSettings settings) {
        this(settings, SimSeed.defaults());
    }

    public BillmgrSimulator(SimSettings settings, SimSeed seed) {
        this.settings = settings;
        this.seed = seed;
        this.requestLog = new RequestLog(settings);
        Instant start = settings.getClockStart() != null ? settings.getClockStart() : Instant.now();
        this.clock = new SimClock(start, settings.isRealTimeClock());
        this.store = new Store(settings, clock, seed);
        this.state = new SimState(store, faults);
        this.handler = new ApiHttpHandler(new Dispatcher(store), new CredentialFaults(store), settings, clock, faults,
                requestLog, connections, new ControlPlane(this, store, settings.copy()));
    }

    /** Binds {@code host:port} from the settings (port 0: a free one) and serves. Idempotent. */
    public synchronized BillmgrSimulator start() {
        if (server != null) {
            return this;
        }
        try {
            InetSocketAddress address
                    = new InetSocketAddress(InetAddress.getByName(settings.getHost()), settings.getPort());
            SSLContext sslContext = settings.getSslContext();
            int instance = INSTANCES.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            // one thread per connection: a cached pool, never a queue
            executor = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "billmgr-sim-" + instance + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            BlockingHttpServer created;
            try {
                created = BlockingHttpServer.start(address, sslContext, handler, executor);
            } catch (IOException e) {
                executor.shutdownNow();
                throw e;
            }
            server = created;
            https = sslContext != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + settings.getHost() + ":" + settings.getPort(), e);
        }
        LOG.log(Level.DEBUG, "BILLmanager simulator listening on {0}", getBaseUrl());
        return this;
    }

    /** Frees the port and every server thread at once. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop();
        executor.shutdownNow();
        server = null;
        executor = null;
        LOG.log(Level.DEBUG, "BILLmanager simulator stopped");
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized int getPort() {
        if (server == null) {
            throw new IllegalStateException("the simulator is not running");
        }
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/billmgr}, or {@code https://...} when started with an SSL context. */
    public synchronized String getBaseUrl() {
        String host = settings.getHost().contains(":") ? "[" + settings.getHost() + "]" : settings.getHost();
        return (https ? "https" : "http") + "://" + host + ":" + getPort() + "/billmgr";
    }

    /** The live settings; changes apply to the next request. */
    public SimSettings settings() {
        return settings;
    }

    public SimState state() {
        return state;
    }

    public SimClock clock() {
        return clock;
    }

    public SimSeed seed() {
        return seed;
    }

    /**
     * The HTTP requests received so far, oldest first: every one, or the last {@code requestLogLimit} when that
     * setting is above 0. Control-plane requests are not recorded.
     */
    public List<RecordedRequest> requests() {
        return requestLog.snapshot();
    }

    /** How many requests were received since the start or the last reset, those the log no longer keeps included. */
    public long requestsReceived() {
        return requestLog.received();
    }

    public void clearRequests() {
        requestLog.clear();
    }

    /**
     * The most client connections that had a request in progress at the same time, since the
     * start or the last {@link #reset()}: for load tests that check a client's connection pool
     * limits hold.
     */
    public int peakConcurrentConnections() {
        return connections.peakBusyConnections();
    }

    /** Distinct client connections (address and port) that sent a request since the start or the last {@link #reset()}. */
    public int connectionsSeen() {
        return connections.connectionsSeen();
    }

    /**
     * Back to the seed: accounts, catalogue, services, carts, sessions, login blocks, stored
     * filters, injected faults, the clock, the request log and the connection figures. Settings
     * are left alone.
     */
    public void reset() {
        synchronized (store) {
            clock.reset();
            store.reset(seed);
            faults.clear();
            requestLog.clear();
            connections.clear();
        }
    }
}

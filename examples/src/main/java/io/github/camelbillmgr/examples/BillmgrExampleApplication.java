package io.github.camelbillmgr.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camel-billmgr example: a Camel Main application whose routes order a batch of VPS, renew one, switch its
 * auto-renewal on and off, and take a VMmanager 6 license through order (a trial), conversion to a paid period,
 * add-on change, suspend, resume and delete; then it prints a summary of every step and exits.
 * <p>
 * Without a configured BILLmanager ({@code billmgr.baseUrl}, see {@link ExampleSettings}) it starts the embedded
 * BILLmanager simulator and logs in as its client user. Run it from the project root with
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -pl examples exec:java
 * </pre>
 */
public final class BillmgrExampleApplication {

    private static final Logger LOG = LoggerFactory.getLogger(BillmgrExampleApplication.class);

    /**
     * The simulator logs through {@link System.Logger}, which ends up in java.util.logging when no other logging
     * backend is found on the system class path (as under {@code mvn exec:java}): keep its INFO lines out of the
     * output, like every other library's. Held here so that the setting is not garbage collected.
     */
    private static final java.util.logging.Logger SIMULATOR_JUL_LOGGER
            = java.util.logging.Logger.getLogger(BillmgrSimulator.class.getPackageName());

    static {
        SIMULATOR_JUL_LOGGER.setLevel(java.util.logging.Level.WARNING);
    }

    /**
     * The scheme of the second billmgr component, logged in as the administrator: BILLmanager lets only
     * administrators suspend and resume services.
     */
    public static final String ADMIN_COMPONENT = ExampleMain.ADMIN_COMPONENT;

    private BillmgrExampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        MissionSummary summary = run(ExampleSettings.fromEnvironment());
        summary.print(System.out);
    }

    /**
     * Runs the whole example against the configured BILLmanager, or against an embedded simulator it starts and
     * stops itself when none is configured.
     */
    public static MissionSummary run(ExampleSettings settings) throws Exception {
        settings.checked();
        if (!settings.useEmbeddedSimulator()) {
            return runAgainst(settings, settings.baseUrl() + " as " + settings.username());
        }
        BillmgrSimulator simulator = new BillmgrSimulator().start();
        try {
            LOG.info("No billmgr.baseUrl configured: started the BILLmanager simulator at {}", simulator.getBaseUrl());
            ExampleSettings local = new ExampleSettings(simulator.getBaseUrl(), BillmgrSimulator.CLIENT_USER,
                    BillmgrSimulator.CLIENT_PASSWORD, BillmgrSimulator.ADMIN_USER, BillmgrSimulator.ADMIN_PASSWORD);
            BigDecimal before = simulator.state().balance(BillmgrSimulator.CLIENT_USER);
            MissionSummary summary = runAgainst(local, "embedded simulator at " + simulator.getBaseUrl() + " as "
                    + BillmgrSimulator.CLIENT_USER);
            BigDecimal after = simulator.state().balance(BillmgrSimulator.CLIENT_USER);
            summary.note("the client's balance went from " + eur(before) + " to " + eur(after)
                    + " EUR (simulator state)");
            return summary;
        } finally {
            simulator.stop();
        }
    }

    /** Starts Camel Main with the example's routes, runs the mission with them, and stops Camel again. */
    static MissionSummary runAgainst(ExampleSettings settings, String target) throws Exception {
        Main main = ExampleMain.create(settings, Clock.systemUTC());
        main.configure().addRoutesBuilder(new VpsOrderRoutes());
        main.configure().addRoutesBuilder(new VpsLifecycleRoutes());
        main.configure().addRoutesBuilder(new LicenseRoutes());
        LOG.info("Starting Camel against BILLmanager {}", target);
        try {
            main.start();
            return new BillmgrMission(main.getCamelContext()).run(target);
        } finally {
            main.stop();
            LOG.info("Camel stopped");
        }
    }

    private static String eur(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}

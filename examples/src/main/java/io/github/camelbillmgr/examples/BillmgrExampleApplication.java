package io.github.camelbillmgr.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camel-billmgr example: a Camel Main application whose routes order a batch of VPS, renew one, switch its
 * auto-renewal on and off, and take a VMmanager 6 license through order, add-on change, suspend, resume and
 * delete; then it prints a summary of every step and exits.
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
    public static final String ADMIN_COMPONENT = "billmgr-admin";

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
        Main main = new Main();
        main.configure().addRoutesBuilder(new BillmgrErrorHandling());
        main.configure().addRoutesBuilder(new VpsOrderRoutes());
        main.configure().addRoutesBuilder(new VpsLifecycleRoutes());
        main.configure().addRoutesBuilder(new LicenseRoutes());
        // The connection goes to the billmgr component as component options (camel.component.billmgr.*), so the
        // routes' URIs carry no address and no credentials. authMode, format, ... come from
        // application.properties, system properties or CAMEL_COMPONENT_BILLMGR_* variables as usual.
        main.addOverrideProperty("camel.component.billmgr.baseUrl", settings.baseUrl());
        main.addOverrideProperty("camel.component.billmgr.username", settings.username());
        main.addOverrideProperty("camel.component.billmgr.password", settings.password());
        main.addOverrideProperty("example.admin.username", settings.effectiveAdminUsername());
        main.addMainListener(new AdminComponent(settings));
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

    /**
     * Once Camel Main has configured the {@code billmgr} component from the properties, adds a copy of it as
     * {@value #ADMIN_COMPONENT} that logs in as the administrator: same URL and options, other credentials.
     */
    private static final class AdminComponent extends MainListenerSupport {

        private final ExampleSettings settings;

        AdminComponent(ExampleSettings settings) {
            this.settings = settings;
        }

        @Override
        public void afterConfigure(BaseMainSupport main) {
            CamelContext context = main.getCamelContext();
            BillmgrConfiguration admin = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration()
                    .copy();
            admin.setUsername(settings.effectiveAdminUsername());
            admin.setPassword(settings.effectiveAdminPassword());
            BillmgrComponent component = new BillmgrComponent();
            component.setConfiguration(admin);
            context.addComponent(ADMIN_COMPONENT, component);
            LOG.info("Suspend and resume go through the {} component, logged in as {}", ADMIN_COMPONENT,
                    admin.getUsername());
        }
    }
}

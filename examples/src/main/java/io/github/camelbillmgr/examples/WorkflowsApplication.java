package io.github.camelbillmgr.examples;

import java.time.Clock;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running side of the example (docs/workflows.md): a Camel Main application with the bulk order inbox,
 * the renewal of what is about to expire and the status change events, running until stopped (Ctrl+C, or
 * {@code -Dcamel.main.duration-max-seconds=N}).
 * <pre>
 * mvn -B -q -pl examples exec:java -Dexec.mainClass=io.github.camelbillmgr.examples.WorkflowsApplication [-Dexample.dsl=yaml|xml]
 * </pre>
 * {@code example.dsl} chooses the routes: the Java ones ({@code java}, the default) or the same routes as YAML or XML
 * files, loaded by Camel Main from {@code camel.main.routes-include-pattern}. BILLmanager is chosen as for the
 * mission ({@link ExampleSettings}); without one, an embedded simulator is started (its clock stands still: the
 * renewal finds nothing unless you move it) and the files go to {@code example.workdir}
 * ({@code target/billmgr-workflows}): drop an orders file into its {@code inbox}.
 */
public final class WorkflowsApplication {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowsApplication.class);

    private WorkflowsApplication() {
    }

    public static void main(String[] args) throws Exception {
        ExampleSettings settings = ExampleSettings.fromEnvironment().checked();
        Workflow.Dsl dsl = Workflow.Dsl.parse(System.getProperty("example.dsl",
                ExampleSettings.applicationProperties().getProperty("example.dsl", "java")));
        BillmgrSimulator simulator = null;
        Clock clock = Clock.systemUTC();
        if (settings.useEmbeddedSimulator()) {
            simulator = new BillmgrSimulator().start();
            settings = new ExampleSettings(simulator.getBaseUrl(), BillmgrSimulator.CLIENT_USER,
                    BillmgrSimulator.CLIENT_PASSWORD, BillmgrSimulator.ADMIN_USER, BillmgrSimulator.ADMIN_PASSWORD);
            clock = new SimulatorTimeClock(simulator);
            LOG.info("No billmgr.baseUrl configured: started the BILLmanager simulator at {}", simulator.getBaseUrl());
        }
        try {
            Main main = ExampleMain.create(settings, clock);
            Workflow.addTo(main, dsl, Workflow.BULK_ORDER, Workflow.RENEW_EXPIRING, Workflow.STATUS_CHANGES);
            String target = settings.baseUrl() + " as " + settings.username();
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport started) {
                    LOG.info("Running the workflows ({} routes) against BILLmanager {}; bulk orders: drop *.csv "
                            + "files into {}", dsl, target,
                            started.getCamelContext().resolvePropertyPlaceholders("{{example.bulk.inbox}}"));
                }
            });
            main.run();
        } finally {
            if (simulator != null) {
                simulator.stop();
            }
        }
    }
}

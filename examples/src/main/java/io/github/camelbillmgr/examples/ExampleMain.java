package io.github.camelbillmgr.examples;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;

import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.FileBillmgrStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camel Main every part of the example runs in (the mission, the workflows application and the tests): the
 * {@code billmgr} component logged in as the configured user (component options, never in route URIs), a second
 * component {@value #ADMIN_COMPONENT} logged in as the administrator, the shared error handling
 * ({@link BillmgrErrorHandling}) and the clock bean {@value #CLOCK}. No routes: add them with
 * {@link Workflow#addTo} or {@code main.configure().addRoutesBuilder(...)}.
 */
public final class ExampleMain {

    /**
     * The scheme of the second billmgr component, logged in as the administrator: BILLmanager lets only
     * administrators suspend and resume services.
     */
    public static final String ADMIN_COMPONENT = "billmgr-admin";
    /** The {@link Clock} bean that decides what "today" is for {@code expiringWithinDays} ({@code clock=#billmgrClock}). */
    public static final String CLOCK = "billmgrClock";
    /** The {@code BillmgrStateRepository} bean of the status change consumer ({@code stateRepository=#...}). */
    public static final String CONSUMER_STATE = "billmgrConsumerState";
    /** The {@code FileIdempotentRepository} bean of the bulk order inbox ({@code idempotentRepository=#...}). */
    public static final String BULK_ORDER_FILES = "bulkOrderFiles";

    private static final Logger LOG = LoggerFactory.getLogger(ExampleMain.class);

    private ExampleMain() {
    }

    /**
     * A Camel Main for BILLmanager {@code settings} (a real one or a simulator; settings with a base URL), with
     * {@code clock} as the {@value #CLOCK} bean.
     */
    public static Main create(ExampleSettings settings, Clock clock) {
        Main main = new Main();
        main.configure().addRoutesBuilder(new BillmgrErrorHandling());
        // The connection goes to the billmgr component as component options (camel.component.billmgr.*), so the
        // routes' URIs carry no address and no credentials. authMode, format, ... come from
        // application.properties, system properties or CAMEL_COMPONENT_BILLMGR_* variables as usual.
        // The password is not one of those properties: Camel Main logs each camel.component.* property it binds,
        // value included, at DEBUG. Credentials sets it on the component.
        main.addOverrideProperty("camel.component.billmgr.baseUrl", settings.baseUrl());
        main.addOverrideProperty("camel.component.billmgr.username", settings.username());
        main.addOverrideProperty("example.admin.username", settings.effectiveAdminUsername());
        main.addMainListener(new Credentials(settings));
        main.bind(CLOCK, clock);
        return main;
    }

    /**
     * Once Camel Main has configured the {@code billmgr} component from the properties, sets its password, and adds
     * a copy of it as {@value #ADMIN_COMPONENT} that logs in as the administrator: same URL and options, other
     * credentials. In code, so that no Camel log line (Camel Main's property binding, the properties component's
     * placeholder resolution) ever carries a password.
     */
    private static final class Credentials extends MainListenerSupport {

        private final ExampleSettings settings;

        Credentials(ExampleSettings settings) {
            this.settings = settings;
        }

        @Override
        public void afterConfigure(BaseMainSupport main) {
            CamelContext context = main.getCamelContext();
            BillmgrConfiguration client = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
            if (settings.password() != null) {
                // else: a placeholder in application.properties, which Camel Main has resolved
                client.setPassword(settings.password());
            }
            BillmgrConfiguration admin = client.copy();
            admin.setUsername(settings.effectiveAdminUsername());
            admin.setPassword(settings.effectiveAdminPassword());
            BillmgrComponent component = new BillmgrComponent();
            component.setConfiguration(admin);
            context.addComponent(ADMIN_COMPONENT, component);
            LOG.info("Suspend and resume go through the {} component, logged in as {}", ADMIN_COMPONENT,
                    admin.getUsername());
        }
    }

    /**
     * The beans of the workflows that keep state in files, created once the properties are known (unless a bean of
     * that name is bound already): {@value #CONSUMER_STATE}, a {@link FileBillmgrStateRepository} at
     * {@code example.changes.stateFile}, and {@value #BULK_ORDER_FILES}, a {@link FileIdempotentRepository} at
     * {@code example.bulk.processedFiles}.
     */
    static final class WorkflowBeans extends MainListenerSupport {

        @Override
        public void afterConfigure(BaseMainSupport main) {
            CamelContext context = main.getCamelContext();
            Registry registry = context.getRegistry();
            if (registry.lookupByName(CONSUMER_STATE) == null) {
                String file = context.resolvePropertyPlaceholders("{{example.changes.stateFile}}");
                registry.bind(CONSUMER_STATE, new FileBillmgrStateRepository(Path.of(file)));
            }
            if (registry.lookupByName(BULK_ORDER_FILES) == null) {
                String file = context.resolvePropertyPlaceholders("{{example.bulk.processedFiles}}");
                registry.bind(BULK_ORDER_FILES, FileIdempotentRepository.fileIdempotentRepository(new File(file)));
            }
        }
    }
}

package io.github.camelbillmgr.examples;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;

/**
 * The workflows of docs/workflows.md, each written three times: as Java routes, and as the YAML and XML route files
 * {@code src/main/resources/routes/yaml/<name>.yaml} and {@code routes/xml/<name>.xml}, which Camel Main loads with
 * {@code camel.main.routes-include-pattern}. All three use the same endpoints, beans and properties, and the same
 * tests run against each.
 */
public enum Workflow {

    /** The bulk order inbox: {@link BulkOrderRoutes} with {@code direct:order-vps} of {@link VpsOrderRoutes}. */
    BULK_ORDER("bulk-order", () -> List.of(new BulkOrderRoutes(), new VpsOrderRoutes())),
    /** Renew what is about to expire: {@link RenewExpiringRoutes}. */
    RENEW_EXPIRING("renew-expiring", () -> List.of(new RenewExpiringRoutes())),
    /** The license's life, {@code direct:license-*}: {@link LicenseRoutes}. */
    LICENSE_LIFECYCLE("license-lifecycle", () -> List.of(new LicenseRoutes())),
    /** React to status changes: {@link StatusChangeRoutes}. */
    STATUS_CHANGES("status-changes", () -> List.of(new StatusChangeRoutes()));

    /** The language the routes are written in. */
    public enum Dsl {
        JAVA,
        YAML,
        XML;

        /** {@code java}, {@code yaml} or {@code xml} (any case). */
        public static Dsl parse(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        }
    }

    private final String fileName;
    private final Supplier<List<RoutesBuilder>> javaRoutes;

    Workflow(String fileName, Supplier<List<RoutesBuilder>> javaRoutes) {
        this.fileName = fileName;
        this.javaRoutes = javaRoutes;
    }

    /** The base name of the YAML and XML route files, e.g. {@code bulk-order}. */
    public String fileName() {
        return fileName;
    }

    /** The route file of this workflow in a DSL, e.g. {@code classpath:routes/yaml/bulk-order.yaml}; null for Java. */
    public String resource(Dsl dsl) {
        return switch (dsl) {
            case JAVA -> null;
            case YAML -> "classpath:routes/yaml/" + fileName + ".yaml";
            case XML -> "classpath:routes/xml/" + fileName + ".xml";
        };
    }

    /**
     * Adds the routes of the workflows to a Camel Main (made by {@link ExampleMain#create}), in the given DSL: Java
     * route builders, or the YAML or XML files through {@code camel.main.routes-include-pattern}. Also adds the
     * workflows' file-backed beans.
     */
    public static void addTo(Main main, Dsl dsl, Workflow... workflows) {
        if (dsl == Dsl.JAVA) {
            for (Workflow w : workflows) {
                w.javaRoutes.get().forEach(main.configure()::addRoutesBuilder);
            }
        } else {
            main.addOverrideProperty("camel.main.routes-include-pattern",
                    Arrays.stream(workflows).map(w -> w.resource(dsl)).collect(Collectors.joining(",")));
        }
        main.addMainListener(new ExampleMain.WorkflowBeans());
    }
}

package io.github.camelbillmgr.itest.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.spi.ComponentResolver;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Runs inside Karaf (KarafSmokeIT boots it). Installs the camel-billmgr feature like {@code feature:repo-add} and
 * {@code feature:install} would, checks that the bundle is active and that the runtime's OSGi glue (camel-karaf's camel-core-osgi, or the
 * stand-in's) discovered its
 * {@code billmgr} component, then runs the {@link SmokeScenario} against the simulator and writes what happened to
 * the result file the test waits for, always with the bundles that are not ACTIVE ({@link BundleDiag}) and, when a
 * class was missing in camel-billmgr's code, the package it does not import ({@link MissingImportDiagnosis}). Reads
 * its settings from {@code etc/billmgr-smoke.properties}.
 */
public final class SmokeProbe implements BundleActivator {

    static final String BILLMGR_BSN = "io.github.camelbillmgr.camel-billmgr";
    static final String FEATURE = "camel-billmgr";

    private volatile Thread worker;

    @Override
    public void start(BundleContext ctx) throws Exception {
        Properties cfg = new Properties();
        try (InputStream in
                = Files.newInputStream(Path.of(System.getProperty("karaf.etc"), "billmgr-smoke.properties"))) {
            cfg.load(in);
        }
        worker = new Thread(() -> {
            Properties out = new Properties();
            try {
                run(ctx, cfg, out);
            } catch (InterruptedException e) {
                return; // bundle stopped
            } catch (Throwable t) {
                out.setProperty("status", "error");
                out.setProperty("message", failure(ctx, t));
            }
            bundleReport(ctx, out);
            write(Path.of(cfg.getProperty("result")), out);
        }, "billmgr-smoke-probe");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop(BundleContext ctx) {
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    private static void run(BundleContext ctx, Properties cfg, Properties out) throws Exception {
        // 1. feature:repo-add + feature:install camel-billmgr
        FeaturesService features = await(ctx, FeaturesService.class, null, 60);
        if (features == null) {
            throw new IllegalStateException("Karaf's FeaturesService did not appear within 60 s");
        }
        long t0 = System.nanoTime();
        try {
            URI repository = URI.create(cfg.getProperty("featuresRepository"));
            features.addRepository(repository);
            // Karaf only logs a referenced repository it cannot load (camel-karaf's, referenced by a version range):
            // the features may still come from elsewhere, so check that each one loaded
            List<String> refs = new java.util.ArrayList<>();
            for (URI ref : features.getRepository(repository).getRepositories()) {
                if (features.getRepository(ref) == null) {
                    throw new IllegalStateException("features repository " + ref + ", referenced by " + repository
                            + ", did not load (karaf.log says why)");
                }
                refs.add(ref + " = " + features.getRepository(ref).getName());
            }
            out.setProperty("repository.references", String.join(", ", refs));
            // NoAutoRefreshBundles: installing must not refresh camel-core, which this probe is wired to.
            features.installFeature(FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        } catch (Exception e) {
            out.setProperty("status", "unresolved");
            out.setProperty("message", String.valueOf(e.getMessage()));
            installForDiagnosis(features, ctx, out);
            return;
        }
        out.setProperty("install.millis", String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));

        // 2. the bundle is active, wired to the runtime's Camel, HttpClient and Jackson
        Bundle bundle = billmgrBundle(ctx);
        if (bundle == null) {
            throw new IllegalStateException("feature " + FEATURE + " installed, but no bundle " + BILLMGR_BSN);
        }
        out.setProperty("bundle.location", bundle.getLocation());
        out.setProperty("bundle.version", bundle.getVersion().toString());
        if (bundle.getState() != Bundle.ACTIVE) {
            try {
                bundle.start();
            } catch (BundleException e) {
                out.setProperty("status", "unresolved");
                out.setProperty("message",
                        "bundle " + BILLMGR_BSN + " is " + BundleDiag.state(bundle) + ": " + e.getMessage());
                return;
            }
        }
        out.setProperty("bundle.state", state(bundle));
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        for (BundleWire w : wiring.getRequiredWires(BundleRevision.PACKAGE_NAMESPACE)) {
            String pkg = (String) w.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE);
            Bundle provider = w.getProvider().getBundle();
            out.setProperty("import." + pkg, provider.getSymbolicName() + " "
                    + w.getCapability().getAttributes().get("version"));
        }

        // 3. the OSGi glue's activator (camel-core-osgi's, or the stand-in's ComponentServices) registered the component it found in META-INF/services
        if (await(ctx, ComponentResolver.class, "(component=billmgr)", 30) == null) {
            throw new IllegalStateException(
                    "the Camel runtime registered no ComponentResolver for billmgr within 30 s: "
                            + "the bundle must import org.apache.camel and org.apache.camel.spi from the exporter the Camel runtime uses");
        }
        ServiceReference<ComponentResolver> ref
                = ctx.getServiceReferences(ComponentResolver.class, "(component=billmgr)")
                        .iterator().next();
        out.setProperty("discovery.registeredBy", ref.getBundle().getSymbolicName());

        // 4. routes, as a Blueprint or Java DSL user would write them
        SmokeScenario.run(ctx, cfg, out);
        out.setProperty("status", "ok");
    }

    /**
     * After a refused {@code feature:install}, which installs nothing: installs the features camel-billmgr depends on,
     * then its bundle without starting it, so that the bundle report names the requirements nothing satisfies.
     */
    private static void installForDiagnosis(FeaturesService features, BundleContext ctx, Properties out) {
        try {
            Feature feature = features.getFeature(FEATURE);
            for (Dependency d : feature.getDependencies()) {
                try {
                    features.installFeature(d.getName(), d.getVersion(),
                            EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
                } catch (Exception e) {
                    out.setProperty("diagnosis.feature." + d.getName(), String.valueOf(e.getMessage()));
                }
            }
            FrameworkWiring framework = ctx.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
            for (BundleInfo b : feature.getBundles()) {
                framework.resolveBundles(List.of(ctx.installBundle(b.getLocation())));
            }
        } catch (Exception e) {
            out.setProperty("diagnosis.error", String.valueOf(e));
        }
    }

    static Bundle billmgrBundle(BundleContext ctx) {
        for (Bundle b : ctx.getBundles()) {
            if (BILLMGR_BSN.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** The stack trace, after what a missing class in camel-billmgr's code means (a package it does not import). */
    private static String failure(BundleContext ctx, Throwable t) {
        Bundle bundle = billmgrBundle(ctx);
        String explained = bundle == null ? null : MissingImportDiagnosis.explain(t, bundle, ctx).orElse(null);
        return (explained == null ? "" : explained + "\n") + describe(t);
    }

    /** Every bundle that is not ACTIVE, bundle:diag style; the test prints it and puts it in every failure message. */
    private static void bundleReport(BundleContext ctx, Properties out) {
        List<String> report = BundleDiag.notActive(ctx);
        out.setProperty("bundles.notActive", String.valueOf(report.size()));
        out.setProperty("bundles.report", String.join("\n", report));
    }

    private static <T> T await(BundleContext ctx, Class<T> type, String filter, int seconds) throws Exception {
        String f = "(objectClass=" + type.getName() + ")";
        ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx,
                ctx.createFilter(filter == null ? f : "(&" + f + filter + ")"), null);
        tracker.open();
        try {
            return tracker.waitForService(TimeUnit.SECONDS.toMillis(seconds));
        } finally {
            tracker.close();
        }
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    private static String describe(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    private static void write(Path result, Properties out) {
        try {
            Checkpoint.write(result, out);
        } catch (IOException e) {
            e.printStackTrace();
        }
    }
}

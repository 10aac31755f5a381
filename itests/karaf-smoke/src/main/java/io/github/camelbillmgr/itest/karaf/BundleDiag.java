package io.github.camelbillmgr.itest.karaf;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Every bundle of the framework that is not ACTIVE, with the requirements nothing satisfies, in the spirit of Karaf's
 * {@code bundle:diag} (the {@code bundle} feature, which has that command, is not booted in the test's Karaf).
 *
 * <p>
 * Fragments are left out: they never become ACTIVE. A requirement counts as unsatisfied when no bundle in the
 * framework declares a matching capability, or only bundles that are themselves unresolved do.
 */
final class BundleDiag {

    private BundleDiag() {
    }

    /** One entry per bundle that is not ACTIVE: {@code bsn/version [id] State}, then its unsatisfied requirements. */
    static List<String> notActive(BundleContext ctx) {
        Bundle[] bundles = ctx.getBundles();
        List<String> report = new ArrayList<>();
        for (Bundle b : bundles) {
            BundleRevision rev = b.adapt(BundleRevision.class);
            boolean fragment = rev != null && (rev.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            if (b.getState() == Bundle.ACTIVE || fragment) {
                continue;
            }
            StringBuilder sb = new StringBuilder(name(b)).append(' ').append(state(b));
            if (rev != null && b.getState() == Bundle.INSTALLED) {
                for (String missing : unsatisfied(rev, bundles)) {
                    sb.append("\n  unsatisfied requirement: ").append(missing);
                }
            }
            report.add(sb.toString());
        }
        return report;
    }

    static String name(Bundle b) {
        return b.getSymbolicName() + "/" + b.getVersion() + " [" + b.getBundleId() + "]";
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "Installed (not resolved)";
            case Bundle.RESOLVED -> "Resolved (not started)";
            case Bundle.STARTING -> "Starting";
            case Bundle.ACTIVE -> "Active";
            case Bundle.STOPPING -> "Stopping";
            default -> "Uninstalled";
        };
    }

    private static List<String> unsatisfied(BundleRevision rev, Bundle[] bundles) {
        List<String> out = new ArrayList<>();
        for (BundleRequirement req : rev.getDeclaredRequirements(null)) {
            String resolution = req.getDirectives().get(Constants.RESOLUTION_DIRECTIVE);
            if (Constants.RESOLUTION_OPTIONAL.equals(resolution) || "dynamic".equals(resolution)) {
                continue; // never keeps a bundle from resolving
            }
            List<String> unresolvedProviders = new ArrayList<>();
            boolean satisfied = false;
            for (Bundle other : bundles) {
                BundleRevision candidate = other.adapt(BundleRevision.class);
                if (candidate == null) {
                    continue;
                }
                for (BundleCapability cap : candidate.getDeclaredCapabilities(req.getNamespace())) {
                    if (req.matches(cap)) {
                        // a bundle may always import what it exports itself
                        if (other.getState() == Bundle.INSTALLED && candidate != rev) {
                            unresolvedProviders.add(name(other));
                        } else {
                            satisfied = true;
                        }
                    }
                }
            }
            if (!satisfied) {
                out.add(req.getNamespace() + "; " + req.getDirectives().getOrDefault(Constants.FILTER_DIRECTIVE,
                        req.getAttributes().toString())
                        + (unresolvedProviders.isEmpty() ? "" : " (only from unresolved " + unresolvedProviders + ")"));
            }
        }
        return out;
    }
}

package io.github.camelbillmgr.itest.osgi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.osgi.framework.Bundle;

/**
 * Reads Camel's service files ({@code META-INF/services/org/apache/camel/...}) from the root of other bundles. Camel
 * reads them through its own class loader, which in OSGi sees only the Camel bundle: these helpers are what lets it
 * see camel-http, camel-jackson and camel-billmgr.
 */
final class BundleEntries {

    private static final int USABLE = Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private BundleEntries() {
    }

    /** Bundles whose classes can be loaded (resolved), other than {@code self}. */
    static List<Bundle> usable(Bundle[] bundles, Bundle self) {
        List<Bundle> result = new ArrayList<>();
        for (Bundle b : bundles) {
            if (b.getBundleId() != 0 && !b.equals(self) && (b.getState() & USABLE) != 0) {
                result.add(b);
            }
        }
        return result;
    }

    /** The {@code class} a Camel factory file names (e.g. {@code .../component/billmgr}), or null. */
    static String factoryClass(Bundle bundle, String path) throws IOException {
        URL url = bundle.getEntry(path);
        if (url == null) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        }
        return p.getProperty("class");
    }

    /** The class names a {@code TypeConverterLoader} file lists, one a line, comments aside. */
    static List<String> lines(Bundle bundle, String path) throws IOException {
        URL url = bundle.getEntry(path);
        List<String> result = new ArrayList<>();
        if (url == null) {
            return result;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    result.add(line);
                }
            }
        }
        return result;
    }
}

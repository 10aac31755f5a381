package io.github.camelbillmgr.benchmarks;

import java.util.List;

import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Reads 250,000 services with {@code billmgr:vhost/list} (the default {@code outputType=list}) from the canned server
 * into one {@code List} and prints the heap in use after a full GC, or the error: run it in a 128 MiB heap to check
 * that many services fit ({@code mvn -B -q -pl benchmarks exec:exec@list-memory}). Not timed; the list is kept
 * whole on purpose. Argument: the format ({@code json} or {@code xml}, default both).
 */
public final class ListMemoryCheck {

    private ListMemoryCheck() {
    }

    public static void main(String[] args) throws Exception {
        List<String> formats = args.length > 0 ? List.of(args[0]) : List.of("json", "xml");
        try (ServerProcess canned = new ServerProcess(CannedServer.class, "-Xmx3g")) {
            for (String format : formats) {
                System.out.println(check(canned.baseUrl, format));
            }
        }
    }

    static String check(String baseUrl, String format) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            BillmgrComponent billmgr = camel.getComponent("billmgr", BillmgrComponent.class);
            billmgr.getConfiguration().setBaseUrl(baseUrl);
            billmgr.getConfiguration().setUsername(Ops.PASSWORD_USER);
            billmgr.getConfiguration().setPassword(Ops.PASSWORD);
            billmgr.getConfiguration().setFormat(BillmgrFormat.valueOf(format));
            camel.start();
            long start = System.nanoTime();
            try {
                List<?> services = camel.createProducerTemplate().requestBody("billmgr:vhost/list", null, List.class);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.gc();
                Runtime rt = Runtime.getRuntime();
                long used = rt.totalMemory() - rt.freeMemory();
                return String.format("%s: %,d services as one List in %.1f s; heap in use after GC %,d MiB of %,d MiB"
                        + " (%,d bytes per service, Camel included)", format, services.size(), seconds,
                        used >> 20, rt.maxMemory() >> 20, used / Math.max(1, services.size()));
            } catch (Exception | OutOfMemoryError e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return String.format("%s: FAILED after %.1f s: %s", format, (System.nanoTime() - start) / 1e9, root);
            }
        }
    }
}

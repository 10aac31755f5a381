package io.github.camelbillmgr.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Reads a list of a million services (or the count given) through {@code billmgr:vds/list?outputType=iterator} and
 * {@code split(body()).streaming()}, and prints the rows per second and the heap in use. Run it with a 128 MiB heap
 * to check that the list path does not hold the list: {@code mvn -B -q -pl examples exec:exec@list-benchmark}
 * (after {@code mvn -B -q install -DskipTests}), or {@code java -Xmx128m -cp ... ListStreamingBenchmark 1000000}.
 * <p>
 * The server is a synthetic BILLmanager list endpoint that writes each page as it is asked for, computed from the row
 * number, so that what is measured is the component, not a simulator holding a million services. Not a test: its
 * numbers depend on the machine.
 */
public final class ListStreamingBenchmark {

    private static final int PAGE_SIZE = 1000;
    /** How often the live heap is measured (after a full GC), in rows. */
    private static final long SAMPLE_EVERY = 100_000;

    private ListStreamingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long total = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
        HttpServer server = syntheticList(total);
        server.start();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong rows = new AtomicLong();
        AtomicLong maxLive = new AtomicLong();
        try (CamelContext camel = new DefaultCamelContext()) {
            BillmgrComponent billmgr = camel.getComponent("billmgr", BillmgrComponent.class);
            billmgr.getConfiguration().setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/billmgr");
            billmgr.getConfiguration().setUsername("benchmark");
            billmgr.getConfiguration().setPassword("not-checked");
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list")
                            .to("billmgr:vds/list?outputType=iterator&pageSize=" + PAGE_SIZE)
                            .split(body()).streaming()
                            .process(e -> {
                                long n = rows.incrementAndGet();
                                if (n % SAMPLE_EVERY == 0) {
                                    System.gc();
                                    maxLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                                }
                            })
                            .end();
                }
            });
            camel.start();
            long start = System.nanoTime();
            Object reported = camel.createProducerTemplate()
                    .request("direct:list", e -> {}).getMessage().getHeader(BillmgrConstants.TOTAL_COUNT);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("listed %,d of %s services in %.1f s: %,.0f rows/s%n", rows.get(), reported, seconds,
                    rows.get() / seconds);
            System.out.printf("heap: max %d MiB, live after GC at most %d MiB (sampled every %,d rows), peak committed "
                    + "%d MiB%n",
                    Runtime.getRuntime().maxMemory() >> 20, maxLive.get() >> 20, SAMPLE_EVERY,
                    memory.getHeapMemoryUsage().getCommitted() >> 20);
        } finally {
            server.stop(0);
        }
    }

    /** A list endpoint of {@code total} services; each page is written as it is streamed out, never held. */
    private static HttpServer syntheticList(long total) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/billmgr", exchange -> {
            Map<String, String> form = form(exchange);
            int pageSize = Integer.parseInt(form.getOrDefault("p_cnt", "100"));
            long page = Long.parseLong(form.getOrDefault("p_num", "1"));
            long from = (page - 1) * pageSize;
            long to = Math.min(total, from + pageSize);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(exchange.getResponseBody(),
                    StandardCharsets.UTF_8), 64 * 1024)) {
                out.write("{\"doc\":{\"elem\":[");
                for (long i = from; i < to; i++) {
                    if (i > from) {
                        out.write(',');
                    }
                    row(out, i + 1);
                }
                out.write("],\"p_elems\":{\"$\":\"" + total + "\"},\"p_num\":{\"$\":\"" + page
                        + "\"},\"p_cnt\":{\"$\":\"" + pageSize + "\"}}}");
            }
        });
        return server;
    }

    private static void row(Writer out, long id) throws IOException {
        out.write("{\"id\":{\"$\":\"" + id + "\"},\"domain\":{\"$\":\"vps-" + id + ".example.com\"},"
                + "\"ip\":{\"$\":\"10." + (id >> 16 & 255) + "." + (id >> 8 & 255) + "." + (id & 255) + "\"},"
                + "\"pricelist\":{\"$\":\"VDS-1\"},\"pricelist_id\":{\"$\":\"6\"},\"period\":{\"$\":\"1\"},"
                + "\"opendate\":{\"$\":\"2026-01-01\"},\"expiredate\":{\"$\":\"2027-01-01\"},"
                + "\"autoprolong\":{\"$\":\"1\"},\"status\":{\"$\":\"2\"},\"item_status\":{\"$\":\"Active\"},"
                + "\"cost\":{\"$\":\"5.00 EUR\"},\"remoteid\":{\"$\":\"crm-" + id + "\"}}");
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}

package io.github.camelbillmgr.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk order route ({@link BulkOrderRoutes}) with a file of 100,000 orders: the file is split as a stream and
 * the report is written while the lines go through, so neither is ever in memory. {@code direct:order-vps} is
 * replaced by a stub route of the same name that "orders" at once, so that only the inbox, the splitter and the
 * report are measured. Memory is not measured (a heap assertion would be flaky); what keeps it bounded is:
 * <ul>
 * <li>the split is streaming: Camel sets {@code CamelSplitSize} on every line when it has collected the lines
 * into a list first, and only on the last one when it iterates the file;</li>
 * <li>the report grows on disk during the split: halfway through, the report's {@code .part} file already holds
 * the outcomes of the first half, instead of the outcomes waiting in an aggregated list.</li>
 * </ul>
 */
class BulkOrderStreamingTest {

    private static final int LINES = 100_000;
    private static final int HALFWAY = LINES / 2;

    @TempDir
    Path workdir;

    private CamelContext context;

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void aHundredThousandLinesAreSplitAsAStreamAndReportedAsTheyGo() throws Exception {
        Path inbox = workdir.resolve("inbox");
        Path reports = workdir.resolve("reports");
        Path report = reports.resolve("big.report.csv");
        Path part = reports.resolve("big.report.csv.part");
        writeOrders(inbox.resolve("big.csv"));

        List<Integer> splitSizesSeen = new CopyOnWriteArrayList<>();
        AtomicLong reportLinesHalfway = new AtomicLong(-1);
        context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("example.bulk.inbox", inbox.toString());
        properties.setProperty("example.bulk.reports", reports.toString());
        properties.setProperty("example.bulk.readLockCheckInterval", "50");
        properties.setProperty("example.bulk.initialDelay", "0");
        properties.setProperty("example.bulk.delay", "100");
        context.getPropertiesComponent().setInitialProperties(properties);
        context.getRegistry().bind(ExampleMain.BULK_ORDER_FILES, new MemoryIdempotentRepository());
        context.addRoutes(new BulkOrderRoutes());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // stands in for VpsOrderRoutes' direct:order-vps: an instant order per line
                from("direct:order-vps").routeId("order-vps-stub").process(exchange -> {
                    int index = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
                    Integer size = exchange.getProperty(Exchange.SPLIT_SIZE, Integer.class);
                    if (size != null) {
                        splitSizesSeen.add(size);
                    }
                    if (index == HALFWAY) {
                        reportLinesHalfway.set(countLines(part));
                    }
                    String line = exchange.getMessage().getBody(String.class);
                    exchange.getMessage().setBody(line.isBlank() ? null
                            : StepOutcome
                                    .ok("order line " + (index + 1), "ordered vds " + (1000 + index), 1000L + index)
                                    .withRemoteId(line.substring(0, line.indexOf(','))));
                });
            }
        });

        long start = System.nanoTime();
        context.start();
        Path done = inbox.resolve("done/big.csv");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!(Files.exists(report) && Files.exists(done)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(Files.exists(report) && Files.exists(done), "the file was ordered and reported within 60 s");
        System.out.printf("bulk order: %,d lines split and reported in %d ms%n", LINES, millis);

        // streaming: the split size is known only at the last line, so the lines were never collected into a list
        assertEquals(1, splitSizesSeen.size(),
                "CamelSplitSize on the last line only, not on all: " + splitSizesSeen.size());
        assertTrue(splitSizesSeen.get(0) >= LINES, "the last line knows the size: " + splitSizesSeen);
        // incremental: halfway through, the first half's outcomes are in the file already (less what the writer
        // still buffers, 8 KB, i.e. a few hundred lines)
        assertTrue(reportLinesHalfway.get() >= HALFWAY - 1_000,
                "halfway through the split the report already holds " + reportLinesHalfway.get() + " lines");

        assertFalse(Files.exists(part), "the report has its name only once it is complete");
        try (Stream<String> lines = Files.lines(report)) {
            assertEquals(LINES + 1, lines.count(), "the header and one line per order");
        }
        List<String> head = Files.readAllLines(report).subList(0, 2);
        assertEquals(BulkOrderReport.HEADER, head.get(0));
        assertEquals("1,big-0,ordered,1000,,ordered vds 1000", head.get(1));
    }

    /** {@code LINES} order lines, written under another name and renamed, as the inbox expects. */
    private static void writeOrders(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                w.write("big-" + i + ",6,1,ISPsystem__Ubuntu-22.04-amd64,1024\n");
            }
        }
        Files.move(tmp, file);
    }

    private static long countLines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

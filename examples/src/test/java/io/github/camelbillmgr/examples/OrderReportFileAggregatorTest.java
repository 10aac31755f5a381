package io.github.camelbillmgr.examples;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk order report is written line by line as the splitter hands over the outcomes: 100,000 order lines make a
 * 100,001-line report file while the aggregated exchange only ever holds the one {@link BulkOrderReport} (two
 * counters and a writer), and the report appears under its name only once the split is done.
 */
class OrderReportFileAggregatorTest {

    @TempDir
    Path dir;

    private CamelContext context;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void aHundredThousandLinesAreWrittenAsTheyComeNotCollected() throws Exception {
        Path file = dir.resolve("reports/big.report.csv");
        OrderReportFileAggregator aggregator = new OrderReportFileAggregator();
        Exchange result = null;
        BulkOrderReport report = null;
        for (int i = 0; i < 100_000; i++) {
            Exchange line = new DefaultExchange(context);
            line.setProperty(OrderReportFileAggregator.REPORT_FILE, file.toString());
            line.setProperty(Exchange.SPLIT_INDEX, i + 1); // line 1 is the header
            line.getMessage().setBody(i % 10 == 9
                    ? StepOutcome.failed("order r-" + i, "order r-" + i + ": BILLmanager error 'value'", "value")
                            .withRemoteId("r-" + i)
                    : StepOutcome.ok("order r-" + i, "ordered vds " + (1001 + i), 1001L + i).withRemoteId("r-" + i));
            result = aggregator.aggregate(result, line);
            if (report == null) {
                report = result.getMessage().getBody(BulkOrderReport.class);
            }
            assertSame(report, result.getMessage().getBody(), "one report object, whatever the number of lines");
        }
        assertFalse(Files.exists(file), "not under its name before the split is done");
        aggregator.onCompletion(result, null);

        assertEquals(90_000, report.ordered());
        assertEquals(10_000, report.failed());
        long lines = 0;
        try (BufferedReader r = Files.newBufferedReader(file)) {
            assertEquals(BulkOrderReport.HEADER, r.readLine());
            assertEquals("2,r-0,ordered,1001,,ordered vds 1001", r.readLine());
            lines = 2 + r.lines().count();
        }
        assertEquals(100_001, lines);
        assertTrue(Files.readString(file).contains("\n11,r-9,failed,,value,order r-9: BILLmanager error 'value'\n"));
        assertFalse(Files.exists(dir.resolve("reports/big.report.csv.part")));
    }

    @Test
    void aFileWithoutLinesGetsAnEmptyReport() throws Exception {
        Path file = dir.resolve("empty.report.csv");
        Exchange input = new DefaultExchange(context);
        input.setProperty(OrderReportFileAggregator.REPORT_FILE, file.toString());

        new OrderReportFileAggregator().onCompletion(null, input);

        assertEquals(BulkOrderReport.HEADER + System.lineSeparator(), Files.readString(file));
        assertEquals("0 ordered, 0 failed, report " + file, input.getMessage().getBody().toString());
    }
}

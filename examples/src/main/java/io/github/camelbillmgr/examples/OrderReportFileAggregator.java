package io.github.camelbillmgr.examples;

import java.nio.file.Path;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The aggregation strategy of the bulk order splitter: writes the outcome of every order line into the file's
 * {@link BulkOrderReport} as it arrives, instead of collecting them (compare {@link OrderReportAggregator}, which
 * keeps the demo batch's few lines in memory for the summary). With a streaming split, a file of 100,000 orders
 * needs neither the file nor its report in memory.
 * <p>
 * Where the report goes is the exchange property {@value #REPORT_FILE}, set by the route before the split (the
 * splitter copies it to every line); the strategy itself holds no state, so one instance (or a
 * {@code #class:io.github.camelbillmgr.examples.OrderReportFileAggregator} reference from YAML or XML) serves any
 * number of files. The report is closed and renamed to its name when the split is done.
 */
public class OrderReportFileAggregator implements AggregationStrategy {

    /** Exchange property: the path of the report file to write. */
    public static final String REPORT_FILE = "BillmgrExampleReportFile";

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        BulkOrderReport report = oldExchange == null ? open(newExchange)
                : oldExchange.getMessage().getBody(BulkOrderReport.class);
        long lineNo = newExchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class) + 1L;
        Exception failure = newExchange.getException();
        Object body = newExchange.getMessage().getBody();
        if (failure != null) {
            // anything the route's error handling did not turn into an outcome: a failed line, the file goes on
            report.add(lineNo, StepOutcome.failed("order line " + lineNo,
                    "line " + lineNo + " of the orders file: " + FailureReasons.describe(failure),
                    failure.getClass().getSimpleName()));
            newExchange.setException(null);
        } else if (body instanceof StepOutcome outcome) {
            report.add(lineNo, outcome);
        }
        // anything else was a blank, comment or header line
        result.getMessage().setBody(report);
        return result;
    }

    @Override
    public void onCompletion(Exchange exchange, Exchange inputExchange) {
        BulkOrderReport report = exchange == null ? null : exchange.getMessage().getBody(BulkOrderReport.class);
        if (report == null && inputExchange != null) {
            // a file without a single line: an empty report all the same
            report = open(inputExchange);
            if (exchange != null) {
                exchange.getMessage().setBody(report);
            } else {
                inputExchange.getMessage().setBody(report);
            }
        }
        if (report != null) {
            report.close();
        }
    }

    private static BulkOrderReport open(Exchange exchange) {
        String file = exchange.getProperty(REPORT_FILE, String.class);
        if (file == null) {
            throw new IllegalStateException("set the exchange property " + REPORT_FILE
                    + " to the report's path before the split");
        }
        return BulkOrderReport.open(Path.of(file));
    }
}

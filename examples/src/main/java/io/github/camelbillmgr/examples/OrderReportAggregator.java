package io.github.camelbillmgr.examples;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Collects the outcome of every order line the splitter sent to {@code direct:order-vps} into one
 * {@link OrderReport}, which becomes the body of the batch exchange once the split is done.
 * <p>
 * BILLmanager failures are already turned into a failed outcome by the error handling (onException with
 * handled); a line that broke in any other way (a line that cannot be read) still becomes a failed line here
 * instead of stopping the batch.
 */
public class OrderReportAggregator implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        OrderReport report = oldExchange == null ? new OrderReport()
                : oldExchange.getMessage().getBody(OrderReport.class);
        Exception failure = newExchange.getException();
        Object body = newExchange.getMessage().getBody();
        if (failure != null) {
            int lineNo = newExchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class) + 1;
            report.add(StepOutcome.failed("order line " + lineNo,
                    "line " + lineNo + " of the orders file: " + FailureReasons.describe(failure),
                    failure.getClass().getSimpleName()));
            // the failure is in the report: the batch goes on
            newExchange.setException(null);
        } else if (body instanceof StepOutcome outcome) {
            report.add(outcome);
        }
        // anything else was a blank, comment or header line
        result.getMessage().setBody(report);
        return result;
    }
}

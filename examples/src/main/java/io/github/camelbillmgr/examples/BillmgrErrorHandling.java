package io.github.camelbillmgr.examples;

import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrInsufficientFundsException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The error handling every route of the example shares (a route configuration applies to all routes).
 * <p>
 * Camel picks the most specific {@code onException} for an exception, so a refused payment
 * ({@link BillmgrInsufficientFundsException}) gets its own handling (a top-up notice with the deficit), an error
 * BILLmanager answered with ({@link BillmgrApiException}) reports its type and message, and any other failure of
 * the component ({@link BillmgrException}: transport, authentication, invalid input) reports what it was.
 * <p>
 * Every handler marks the exception handled and replaces the body with a failed {@link StepOutcome}: the route
 * that failed stops there, and its caller (the splitter of the order batch, or the mission) goes on.
 */
public class BillmgrErrorHandling extends RouteConfigurationBuilder {

    /** Exchange property: the name of the step a route is doing, for the failure line, e.g. {@code order order-4}. */
    public static final String STEP = "BillmgrExampleStep";
    /** Exchange property: the remote id of the order line being ordered. */
    public static final String REMOTE_ID = "BillmgrExampleRemoteId";

    /** The log name of the routes' log lines. */
    static final String LOG = "io.github.camelbillmgr.examples.routes";

    @Override
    public void configuration() throws Exception {
        // no id: a route configuration without an id applies to every route
        routeConfiguration()
                .onException(BillmgrInsufficientFundsException.class)
                    .handled(true)
                    .process(exchange -> {
                        BillmgrInsufficientFundsException e = caught(exchange, BillmgrInsufficientFundsException.class);
                        fail(exchange, FailureReasons.topUp(e), e.getType(), e);
                    })
                    .log(LoggingLevel.WARN, LOG, "${exchangeProperty." + STEP + "}: top up needed: deficit "
                                                 + "${exception.deficit} ${exception.currency}")
                .end()
                .onException(BillmgrApiException.class)
                    .handled(true)
                    .process(exchange -> {
                        BillmgrApiException e = caught(exchange, BillmgrApiException.class);
                        fail(exchange, FailureReasons.apiError(e), e.getType(), e);
                    })
                    .log(LoggingLevel.WARN, LOG, "${exchangeProperty." + STEP + "}: BILLmanager refused: "
                                                 + "${exception.type}: ${exception.errorMessage}")
                .end()
                .onException(BillmgrException.class)
                    .handled(true)
                    .process(exchange -> {
                        BillmgrException e = caught(exchange, BillmgrException.class);
                        fail(exchange, FailureReasons.describe(e), e.getClass().getSimpleName(), e);
                    })
                    .log(LoggingLevel.WARN, LOG, "${exchangeProperty." + STEP + "}: failed: ${exception.message}")
                .end();
    }

    private static <T extends Exception> T caught(Exchange exchange, Class<T> type) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, type);
    }

    private static void fail(Exchange exchange, String reason, String errorType, Exception e) {
        String step = exchange.getProperty(STEP, "billmgr call", String.class);
        StepOutcome outcome = StepOutcome.failed(step, step + ": " + reason, errorType)
                .withRemoteId(exchange.getProperty(REMOTE_ID, String.class));
        if (e instanceof BillmgrInsufficientFundsException funds) {
            outcome = outcome.withDeficit(funds.getDeficit());
        }
        exchange.getMessage().setBody(outcome);
    }
}

package io.github.camelbillmgr.examples;

import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrInsufficientFundsException;
import io.github.camelbillmgr.model.BillmgrProlongResult;
import io.github.camelbillmgr.model.BillmgrService;
import org.apache.camel.Exchange;

import static io.github.camelbillmgr.examples.BillmgrErrorHandling.STEP;

/**
 * The steps of the renewal workflow ({@link RenewExpiringRoutes}, {@code routes/yaml/renew-expiring.yaml},
 * {@code routes/xml/renew-expiring.xml}), as static methods taking the exchange. Each of {@link #skipped},
 * {@link #renewed} and {@link #failed} turns the exchange's body into a {@link RenewalOutcome}.
 */
public final class RenewalSteps {

    /** Exchange property: the service as the consumer polled it ({@link BillmgrService}). */
    public static final String SERVICE = "BillmgrExampleService";

    private RenewalSteps() {
    }

    /**
     * Body: a service the consumer found expiring. Keeps it, and renews it for its own period: sets the
     * {@code CamelBillmgrPeriod} header from the service's {@code period} column (when that is a paid period; else
     * the endpoint's {@code period} option, {@code example.renewal.period}, applies).
     */
    public static void prepare(Exchange exchange) {
        BillmgrService service = exchange.getMessage().getBody(BillmgrService.class);
        exchange.setProperty(SERVICE, service);
        exchange.setProperty(STEP, "renew " + service.getItemType() + " " + service.getId());
        Integer period = paidPeriod(service);
        if (period != null) {
            exchange.getMessage().setHeader(BillmgrConstants.PERIOD, period);
        } else {
            exchange.getMessage().removeHeader(BillmgrConstants.PERIOD);
        }
    }

    /** Body: the service; auto-renewal is on, BILLmanager renews it itself. */
    public static void skipped(Exchange exchange) {
        BillmgrService s = exchange.getProperty(SERVICE, BillmgrService.class);
        exchange.getMessage().setBody(new RenewalOutcome(RenewalOutcome.Result.SKIPPED, s.getItemType(), s.getId(),
                s.getExpireDate(), null, null, null, null,
                s.getItemType() + " " + s.getId() + " expires " + s.getExpireDate() + ": auto-renewal is on (every "
                        + VpsLifecycleRoutes.months(s.getAutoprolong())
                        + "), left to BILLmanager"));
    }

    /** Body: the {@link BillmgrProlongResult} of {@code billmgr:TYPE/prolong}. */
    public static void renewed(Exchange exchange) {
        BillmgrService s = exchange.getProperty(SERVICE, BillmgrService.class);
        BillmgrProlongResult result = exchange.getMessage().getBody(BillmgrProlongResult.class);
        exchange.getMessage().setBody(new RenewalOutcome(RenewalOutcome.Result.RENEWED, s.getItemType(), s.getId(),
                s.getExpireDate(), result.getNewExpireDate(), result.getPeriod(), null, null,
                s.getItemType() + " " + s.getId() + " renewed for " + VpsLifecycleRoutes.months(result.getPeriod())
                        + ": expire date " + s.getExpireDate() + " -> "
                        + result.getNewExpireDate()));
    }

    /**
     * In a {@code doCatch}: the renewal failed (the caught exception is in the {@code CamelExceptionCaught}
     * property). {@code not_enough_money} reports the deficit; the next services are renewed all the same.
     */
    public static void failed(Exchange exchange) {
        BillmgrService s = exchange.getProperty(SERVICE, BillmgrService.class);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Integer period = exchange.getMessage().getHeader(BillmgrConstants.PERIOD, Integer.class);
        String errorType = e instanceof BillmgrApiException api ? api.getType() : e.getClass().getSimpleName();
        exchange.getMessage().setBody(new RenewalOutcome(RenewalOutcome.Result.FAILED, s.getItemType(), s.getId(),
                s.getExpireDate(), null, period, errorType,
                e instanceof BillmgrInsufficientFundsException funds ? funds.getDeficit() : null,
                s.getItemType() + " " + s.getId() + " expires " + s.getExpireDate() + ", not renewed: "
                        + FailureReasons.describe(e)));
    }

    /** The service's period in months when it is a paid one (not a trial, -100). */
    static Integer paidPeriod(BillmgrService service) {
        String raw = service.getColumn("period");
        try {
            int months = raw == null ? 0 : Integer.parseInt(raw.strip());
            return months > 0 ? months : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

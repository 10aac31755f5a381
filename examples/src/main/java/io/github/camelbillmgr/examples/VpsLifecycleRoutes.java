package io.github.camelbillmgr.examples;

import java.time.LocalDate;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.model.BillmgrProlongResult;
import io.github.camelbillmgr.model.BillmgrService;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelbillmgr.examples.BillmgrErrorHandling.LOG;
import static io.github.camelbillmgr.examples.BillmgrErrorHandling.STEP;

/**
 * Steps 2 and 3, on one VPS of the batch (its id in the {@code CamelBillmgrServiceId} header):
 * <ul>
 * <li>{@code direct:renew-vps}: reads the expire date ({@code billmgr:vds/get}), renews the VPS for
 * {@code example.renewal.period} months ({@code billmgr:vds/prolong}) and reports the old and new expire date.</li>
 * <li>{@code direct:auto-renewal-on} / {@code direct:auto-renewal-off}: switch auto-renewal on (monthly) and off
 * again ({@code billmgr:vds/edit?autoprolong=1}, {@code ?autoprolong=off}) and read it back with
 * {@code billmgr:vds/get}.</li>
 * </ul>
 * Each route returns a {@link StepOutcome}.
 */
public class VpsLifecycleRoutes extends RouteBuilder {

    private static final String OLD_EXPIRE = "BillmgrExampleOldExpireDate";

    @Override
    public void configure() throws Exception {
        from("direct:renew-vps").routeId("renew-vps")
                .setProperty(STEP, simple("renew vds ${header." + BillmgrConstants.SERVICE_ID + "}"))
                .to("billmgr:vds/get")
                .setProperty(OLD_EXPIRE, simple("${body.expireDate}", LocalDate.class))
                .log(LoggingLevel.INFO, LOG, "${exchangeProperty." + STEP + "}: expires ${body.expireDate}, renewing "
                                             + "for {{example.renewal.period}} month(s)")
                .to("billmgr:vds/prolong?period={{example.renewal.period}}")
                .process(this::renewed);

        from("direct:auto-renewal-on").routeId("auto-renewal-on")
                .setProperty(STEP, simple("switch auto-renewal on for vds ${header." + BillmgrConstants.SERVICE_ID + "}"))
                .to("billmgr:vds/edit?autoprolong=1")
                .to("billmgr:vds/get")
                .process(exchange -> autoRenewal(exchange, true));

        from("direct:auto-renewal-off").routeId("auto-renewal-off")
                .setProperty(STEP, simple("switch auto-renewal off for vds ${header." + BillmgrConstants.SERVICE_ID + "}"))
                .to("billmgr:vds/edit?autoprolong=off")
                .to("billmgr:vds/get")
                .process(exchange -> autoRenewal(exchange, false));
    }

    private void renewed(Exchange exchange) {
        BillmgrProlongResult result = exchange.getMessage().getBody(BillmgrProlongResult.class);
        LocalDate before = exchange.getProperty(OLD_EXPIRE, LocalDate.class);
        Long id = result.getServiceIds().get(0);
        String step = exchange.getProperty(STEP, String.class);
        StepOutcome outcome;
        if (result.getNewExpireDate() == null) {
            outcome = StepOutcome.failed(step, step + ": renewed for " + months(result.getPeriod())
                    + " but BILLmanager reported no new expire date (was " + before + ")",
                    "no-expire-date");
        } else if (before != null && !result.getNewExpireDate().isAfter(before)) {
            outcome = StepOutcome.failed(step, step + ": the expire date did not move: " + before + " -> "
                    + result.getNewExpireDate(), "expire-date-unchanged");
        } else {
            outcome = StepOutcome.ok(step, "renewed vds " + id + " for " + months(result.getPeriod())
                    + ": expire date " + before + " -> " + result.getNewExpireDate(), id);
        }
        exchange.getMessage().setBody(outcome.withServiceId(id));
    }

    private void autoRenewal(Exchange exchange, boolean expectOn) {
        BillmgrService vps = exchange.getMessage().getBody(BillmgrService.class);
        String step = exchange.getProperty(STEP, String.class);
        String now = vps.isAutoprolongEnabled() ? "on, every " + months(vps.getAutoprolong()) : "off";
        StepOutcome outcome = vps.isAutoprolongEnabled() == expectOn
                ? StepOutcome.ok(step, "auto-renewal of vds " + vps.getId() + " switched " + (expectOn ? "on" : "off")
                        + ": billmgr:vds/get reads " + now, vps.getId())
                : StepOutcome.failed(step, step + ": billmgr:vds/get still reads " + now, "autoprolong-not-applied")
                        .withServiceId(vps.getId());
        exchange.getMessage().setBody(outcome);
    }

    static String months(int n) {
        return n + (n == 1 ? " month" : " months");
    }
}

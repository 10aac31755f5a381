package io.github.camelbillmgr.examples;

import io.github.camelbillmgr.BillmgrException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelbillmgr.examples.BillmgrErrorHandling.LOG;

/**
 * Workflow 2, renew what is about to expire (docs/workflows.md): the billmgr consumer polls the VPS list and emits
 * every VPS whose expire date is between today and {@code example.renewal.withinDays} days from now ("today" from
 * the {@value ExampleMain#CLOCK} clock bean). Each one:
 * <ul>
 * <li>with auto-renewal on ({@code BillmgrService.isAutoprolongEnabled()}) is skipped: BILLmanager renews it
 * itself;</li>
 * <li>else is renewed for its own period with {@code billmgr:vds/prolong} (paid from the balance at once);</li>
 * <li>a renewal BILLmanager refuses ({@code not_enough_money}, a {@code BillmgrInsufficientFundsException}, or any
 * other {@code BillmgrException}) is caught for that service only: it is reported with the deficit, and the next
 * services are renewed all the same. It comes again at the next poll (after a top-up it goes through).</li>
 * </ul>
 * Every service ends as a {@link RenewalOutcome} sent to {@code example.renewal.outcomes} (a log by default). A
 * renewed VPS leaves the window, so it is not renewed twice.
 */
public class RenewExpiringRoutes extends RouteBuilder {

    @Override
    public void configure() throws Exception {
        from("billmgr:vds/list?expiringWithinDays={{example.renewal.withinDays}}&clock=#" + ExampleMain.CLOCK
             + "&initialDelay={{example.renewal.initialDelay}}&delay={{example.renewal.delay}}")
                .routeId("renew-expiring")
                .process(RenewalSteps::prepare)
                .choice()
                    .when(simple("${body.autoprolongEnabled}"))
                        .process(RenewalSteps::skipped)
                    .otherwise()
                        .doTry()
                            .to("billmgr:vds/prolong?period={{example.renewal.period}}")
                            .process(RenewalSteps::renewed)
                        .doCatch(BillmgrException.class)
                            .process(RenewalSteps::failed)
                        .end()
                .end()
                .log(LoggingLevel.INFO, LOG, "Renewals: ${body.line()}")
                .to("{{example.renewal.outcomes}}");
    }
}

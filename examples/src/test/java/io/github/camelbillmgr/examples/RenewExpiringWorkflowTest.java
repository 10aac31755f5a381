package io.github.camelbillmgr.examples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.simulator.model.SimService;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.camelbillmgr.simulator.BillmgrSimulator.CLIENT_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workflow 2, renew what is about to expire, in each DSL: nothing happens while no VPS is due; once the simulator's
 * clock has moved on, the due VPS are renewed for their own period, the auto-renewed one is skipped, the one the
 * balance cannot pay for is reported with its deficit while the next one is still renewed, and the expire dates in
 * the simulator moved exactly for the renewed ones.
 */
class RenewExpiringWorkflowTest extends WorkflowTestSupport {

    @ParameterizedTest(name = "{0} routes")
    @EnumSource(Workflow.Dsl.class)
    void renewsWhatExpiresSoonSkipsAutoRenewalAndGoesOnAfterNotEnoughMoney(Workflow.Dsl dsl) throws Exception {
        LocalDate today = simulator.clock().today();
        SimService monthly = vds(6, 1, today.plusDays(20), null);      // 5.00 a month
        SimService autoRenewed = vds(6, 1, today.plusDays(20), 1);     // BILLmanager renews it itself
        SimService later = vds(6, 1, today.plusDays(60), null);        // not due yet
        SimService yearly = vds(7, 12, today.plusDays(22), null);      // 108.00 a year: more than the balance
        SimService quarterly = vds(6, 3, today.plusDays(24), null);    // 15.00 a quarter
        simulator.state().setBalance(CLIENT_USER, new BigDecimal("30.00"));

        Map<String, String> p = properties();
        p.put("example.renewal.outcomes", "mock:renewals");
        startCamel(Workflow.RENEW_EXPIRING, dsl, p);
        MockEndpoint renewals = context().getEndpoint("mock:renewals", MockEndpoint.class);

        // today nothing expires within 7 days: polls come and go, nothing is renewed
        awaitCompletePolls("vds", 2);
        assertEquals(0, renewals.getReceivedCounter());
        for (SimService s : List.of(monthly, autoRenewed, later, yearly, quarterly)) {
            assertEquals(s.expireDate(), expireDate(s));
        }
        assertEquals(0, new BigDecimal("30.00").compareTo(simulator.state().balance(CLIENT_USER)));

        // 18 days later four VPS expire within 7 days
        simulator.clock().advanceDays(18);
        renewals.expectedMinimumMessageCount(4);
        renewals.assertIsSatisfied(WAIT.toMillis());
        stopCamel();

        // the first poll after the clock moved: the four due VPS, in one batch, in list order
        List<Exchange> batch = renewals.getExchanges().subList(0, 4);
        assertTrue(batch.stream().allMatch(e -> Integer.valueOf(4).equals(e.getProperty(Exchange.BATCH_SIZE))),
                renewals.getExchanges()::toString);
        List<RenewalOutcome> outcomes = batch.stream().map(e -> e.getMessage().getBody(RenewalOutcome.class)).toList();

        RenewalOutcome renewed = outcomes.get(0);
        assertEquals(RenewalOutcome.Result.RENEWED, renewed.result(), renewed::toString);
        assertEquals(monthly.id(), renewed.serviceId());
        assertEquals(1, renewed.period());
        assertEquals(monthly.expireDate().plusMonths(1), renewed.newExpireDate());

        RenewalOutcome skipped = outcomes.get(1);
        assertEquals(RenewalOutcome.Result.SKIPPED, skipped.result(), skipped::toString);
        assertEquals(autoRenewed.id(), skipped.serviceId());

        RenewalOutcome noMoney = outcomes.get(2);
        assertEquals(RenewalOutcome.Result.FAILED, noMoney.result(), noMoney::toString);
        assertEquals(yearly.id(), noMoney.serviceId());
        assertEquals("not_enough_money", noMoney.errorType());
        assertEquals(12, noMoney.period());
        // 30.00 - 5.00 left 25.00 for 108.00
        assertEquals(0, new BigDecimal("83.00").compareTo(noMoney.deficit()), noMoney::toString);
        assertTrue(noMoney.line().startsWith("[failed] vds " + yearly.id() + " expires " + yearly.expireDate()
                + ", not renewed: not enough money: top up needed: deficit 83.00 EUR"),
                noMoney::line);

        RenewalOutcome goesOn = outcomes.get(3);
        assertEquals(RenewalOutcome.Result.RENEWED, goesOn.result(), goesOn::toString);
        assertEquals(quarterly.id(), goesOn.serviceId());
        assertEquals(quarterly.expireDate().plusMonths(3), goesOn.newExpireDate());

        // the simulator: exactly the two renewed VPS moved (once: a renewed VPS leaves the window), and were paid for
        assertEquals(monthly.expireDate().plusMonths(1), expireDate(monthly));
        assertEquals(quarterly.expireDate().plusMonths(3), expireDate(quarterly));
        assertEquals(autoRenewed.expireDate(), expireDate(autoRenewed));
        assertEquals(yearly.expireDate(), expireDate(yearly));
        assertEquals(later.expireDate(), expireDate(later));
        assertEquals(0, new BigDecimal("10.00").compareTo(simulator.state().balance(CLIENT_USER)),
                () -> "balance " + simulator.state().balance(CLIENT_USER));
        // later polls only saw the skipped and the unpaid VPS again
        assertTrue(renewals.getExchanges().stream().skip(4).map(e -> e.getMessage().getBody(RenewalOutcome.class))
                .allMatch(o -> o.result() != RenewalOutcome.Result.RENEWED), renewals.getExchanges()::toString);
    }

    private SimService vds(long tariff, int period, LocalDate expireDate, Integer autoprolong) {
        return simulator.state().addService(SimService.builder("vds", CLIENT_USER).pricelistId(tariff).period(period)
                .expireDate(expireDate).autoprolong(autoprolong));
    }

    private LocalDate expireDate(SimService service) {
        return simulator.state().service(service.id()).orElseThrow().expireDate();
    }
}

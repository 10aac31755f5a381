package io.github.camelbillmgr.examples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.simulator.model.SimHistoryEvent;
import io.github.camelbillmgr.simulator.model.SimService;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.camelbillmgr.simulator.BillmgrSimulator.ADMIN_USER;
import static io.github.camelbillmgr.simulator.BillmgrSimulator.CLIENT_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workflow 3, the life of a VMmanager 6 license, in each DSL: each step's route is called in turn and the license
 * is checked in the simulator after every step: a trial, refused a renewal, converted to a paid month (charged),
 * its nodes raised, suspended and resumed by the administrator, deleted.
 */
class LicenseLifecycleWorkflowTest extends WorkflowTestSupport {

    private static final BigDecimal START_BALANCE = new BigDecimal("1000.00");

    @ParameterizedTest(name = "{0} routes")
    @EnumSource(Workflow.Dsl.class)
    void aTrialLicenseIsConvertedRaisedSuspendedResumedAndDeleted(Workflow.Dsl dsl) throws Exception {
        startCamel(Workflow.LICENSE_LIFECYCLE, dsl, properties());
        LocalDate today = simulator.clock().today();
        try (ProducerTemplate template = context().createProducerTemplate()) {
            // 1. order the trial
            StepOutcome ordered = step(template, "direct:license-order", null);
            assertTrue(ordered.ok(), ordered::toString);
            List<SimService> licenses = simulator.state().servicesOf("platform");
            assertEquals(1, licenses.size(), licenses::toString);
            long id = licenses.get(0).id();
            assertEquals(id, ordered.serviceId());
            SimService trial = license(id);
            assertEquals(55163, trial.pricelistId());
            assertTrue(trial.trial(), trial::toString);
            assertEquals(-100, trial.period());
            assertEquals(SimService.STATUS_ACTIVE, trial.status());
            assertEquals(today.plusDays(14), trial.expireDate());
            assertEquals(0, START_BALANCE.compareTo(balance()), "a trial costs nothing");

            // a trial cannot simply be renewed: BILLmanager refuses service.prolong (value / period)
            Exchange refused = template.request("billmgr:platform/prolong?period=1",
                    e -> e.getMessage().setHeader(BillmgrConstants.SERVICE_ID, id));
            BillmgrApiException e = assertInstanceOf(BillmgrApiException.class, refused.getException());
            assertEquals("value", e.getType());
            assertEquals("period", e.getObject());
            assertEquals(trial.expireDate(), license(id).expireDate());
            assertTrue(license(id).trial());

            // 2. convert it to a paid month: changepricelist to the paid period, then one paid renewal
            StepOutcome converted = step(template, "direct:license-convert", id);
            assertTrue(converted.ok(), converted::toString);
            SimService paid = license(id);
            assertFalse(paid.trial(), paid::toString);
            assertEquals(1, paid.period());
            assertEquals(trial.expireDate().plusMonths(1), paid.expireDate());
            assertEquals(0, new BigDecimal("12.00").compareTo(paid.cost()), paid::toString);
            assertEquals(0, new BigDecimal("988.00").compareTo(balance()), () -> "balance " + balance());
            assertTrue(actions(paid).containsAll(List.of("changepricelist", "prolong")), paid.history()::toString);
            assertEquals("[ok]     converted license " + id + " from the trial to 1 month paid: expire date "
                    + trial.expireDate() + " -> " + paid.expireDate() + ", cost 12.00 EUR", converted.line());
            // converting again leaves a paid license alone
            StepOutcome again = step(template, "direct:license-convert", id);
            assertTrue(again.ok() && again.text().contains("is not a trial"), again::toString);
            assertEquals(paid.expireDate(), license(id).expireDate());

            // 3. three nodes (add-on 55165): the period cost is recalculated, nothing is charged
            StepOutcome nodes = step(template, "direct:license-add-nodes", id);
            assertTrue(nodes.ok(), nodes::toString);
            assertEquals("3", license(id).addons().get(55165));
            assertEquals(0, new BigDecimal("32.00").compareTo(license(id).cost()), license(id)::toString);
            assertEquals(0, new BigDecimal("988.00").compareTo(balance()));

            // 4. the client stops paying: suspended, by the administrator
            StepOutcome suspended = step(template, "direct:license-suspend", id);
            assertTrue(suspended.ok(), suspended::toString);
            assertEquals(SimService.STATUS_SUSPENDED, license(id).status());
            assertEquals(ADMIN_USER, lastEvent(id, "suspend").user());

            // 5. resumed, by the administrator
            StepOutcome resumed = step(template, "direct:license-resume", id);
            assertTrue(resumed.ok(), resumed::toString);
            assertEquals(SimService.STATUS_ACTIVE, license(id).status());
            assertEquals(ADMIN_USER, lastEvent(id, "resume").user());

            // 6. deleted, by the client
            StepOutcome deleted = step(template, "direct:license-delete", id);
            assertTrue(deleted.ok(), deleted::toString);
            assertEquals(SimService.STATUS_DELETED, license(id).status());
            assertEquals(CLIENT_USER, lastEvent(id, "delete").user());
            assertEquals("[ok]     deleted license " + id + ": status DELETED", deleted.line());
        }
    }

    private static StepOutcome step(ProducerTemplate template, String route, Long id) {
        Exchange result = template.request(route, e -> {
            if (id != null) {
                e.getMessage().setHeader(BillmgrConstants.SERVICE_ID, id);
            }
        });
        if (result.getException() != null) {
            throw new AssertionError(route + " failed", result.getException());
        }
        return result.getMessage().getBody(StepOutcome.class);
    }

    private SimService license(long id) {
        return simulator.state().service(id).orElseThrow();
    }

    private BigDecimal balance() {
        return simulator.state().balance(CLIENT_USER);
    }

    private static List<String> actions(SimService service) {
        return service.history().stream().map(SimHistoryEvent::action).toList();
    }

    private SimHistoryEvent lastEvent(long id, String action) {
        return license(id).history().stream().filter(e -> action.equals(e.action())).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + action + " in " + license(id).history()));
    }
}

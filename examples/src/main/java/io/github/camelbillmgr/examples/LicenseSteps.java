package io.github.camelbillmgr.examples;

import java.time.LocalDate;
import java.util.List;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import org.apache.camel.Exchange;

import static io.github.camelbillmgr.examples.BillmgrErrorHandling.STEP;

/**
 * The steps of the license routes ({@link LicenseRoutes}, {@code routes/yaml/license-lifecycle.yaml},
 * {@code routes/xml/license-lifecycle.xml}), as static methods taking the exchange: each turns what
 * {@code billmgr:platform/get} (or {@code /list}) read back into the route's {@link StepOutcome}.
 */
public final class LicenseSteps {

    /** Exchange property: the {@link BillmgrOrderResult} of the order. */
    public static final String ORDER = "BillmgrExampleOrder";
    /** Exchange property: the license as it was before a step ({@link BillmgrService}). */
    public static final String BEFORE = "BillmgrExampleLicenseBefore";
    /** Exchange property: {@code billmgr:platform/list?status=deleted} after the delete. */
    public static final String DELETED_LIST = "BillmgrExampleDeletedLicenses";

    /** BILLmanager's period code of a trial. */
    public static final String TRIAL_PERIOD = "-100";

    private LicenseSteps() {
    }

    /** After {@code billmgr:platform/order}: keeps the order result (the body) for {@link #ordered}. */
    public static void orderPlaced(Exchange exchange) {
        exchange.setProperty(ORDER, exchange.getMessage().getBody(BillmgrOrderResult.class));
    }

    /** Body: the new license read back. */
    public static void ordered(Exchange exchange) {
        BillmgrOrderResult order = exchange.getProperty(ORDER, BillmgrOrderResult.class);
        BillmgrService license = exchange.getMessage().getBody(BillmgrService.class);
        String period = exchange.getContext().resolvePropertyPlaceholders("{{example.license.period}}");
        exchange.getMessage().setBody(StepOutcome.ok(
                step(exchange), "ordered VMmanager 6 license " + order.getServiceId()
                        + (TRIAL_PERIOD.equals(period) ? " (trial)"
                                : " for " + period + " month(s)")
                        + ": status " + license.getStatus()
                        + ", expires " + license.getExpireDate(),
                order.getServiceId()));
    }

    /** Body: the license read back before a step; kept for the step's outcome. */
    public static void remember(Exchange exchange) {
        exchange.setProperty(BEFORE, exchange.getMessage().getBody(BillmgrService.class));
    }

    /** Whether a license (the body) is a trial: its period is BILLmanager's trial code -100. */
    public static boolean isTrial(BillmgrService license) {
        return license != null && TRIAL_PERIOD.equals(license.getColumn("period"));
    }

    /** The license of the conversion step was not a trial: nothing to convert. */
    public static void alreadyPaid(Exchange exchange) {
        BillmgrService license = exchange.getMessage().getBody(BillmgrService.class);
        exchange.getMessage().setBody(StepOutcome.ok(step(exchange), "license " + license.getId() + " is not a "
                + "trial (period " + license.getColumn("period")
                + "): nothing to convert", license.getId()));
    }

    /**
     * Body: the license read back after {@code service.changepricelist} (to the paid period) and the paid renewal;
     * the {@link #BEFORE} property: the trial.
     */
    public static void converted(Exchange exchange) {
        BillmgrService trial = exchange.getProperty(BEFORE, BillmgrService.class);
        BillmgrService license = exchange.getMessage().getBody(BillmgrService.class);
        String step = step(exchange);
        LocalDate before = trial.getExpireDate();
        LocalDate after = license.getExpireDate();
        StepOutcome outcome;
        if (isTrial(license)) {
            outcome = StepOutcome.failed(step, step + ": billmgr:platform/get still reads the trial period",
                    "still-trial");
        } else if (before != null && (after == null || !after.isAfter(before))) {
            outcome = StepOutcome.failed(step, step + ": the expire date did not move: " + before + " -> " + after,
                    "expire-date-unchanged");
        } else {
            String period = license.getColumn("period");
            outcome = StepOutcome.ok(step, "converted license " + license.getId() + " from the trial to "
                    + VpsLifecycleRoutes.months(Integer.parseInt(period)) + " paid"
                    + ": expire date " + before + " -> " + after + ", cost "
                    + license.getCost() + " " + license.getCurrency(), license.getId());
        }
        exchange.getMessage().setBody(outcome.withServiceId(license.getId()));
    }

    /** Body: the license read back after the nodes add-on was raised. */
    public static void nodesRaised(Exchange exchange) {
        BillmgrService license = exchange.getMessage().getBody(BillmgrService.class);
        String addon = exchange.getContext().resolvePropertyPlaceholders("{{example.license.nodesAddon}}");
        String wanted = exchange.getContext().resolvePropertyPlaceholders("{{example.license.nodes}}");
        String now = license.getColumn("addon_" + addon);
        String step = step(exchange);
        StepOutcome outcome;
        if (now != null && !now.strip().startsWith(wanted)) {
            outcome = StepOutcome.failed(step, step + ": asked for " + wanted + " nodes, billmgr:platform/get reads "
                    + now, "addon-not-applied");
        } else {
            outcome = StepOutcome.ok(step, "raised the nodes add-on " + addon + " of license " + license.getId()
                    + " to " + (now == null ? wanted + " (the details do not show add-ons)"
                            : now.strip())
                    + ": status " + license.getStatus(), license.getId());
        }
        exchange.getMessage().setBody(outcome.withServiceId(license.getId()));
    }

    /** Body: the license read back after {@code billmgr-admin:platform/suspend}. */
    public static void suspended(Exchange exchange) {
        statusAfter(exchange, "suspended", BillmgrServiceStatus.SUSPENDED);
    }

    /** Body: the license read back after {@code billmgr-admin:platform/resume}. */
    public static void resumed(Exchange exchange) {
        statusAfter(exchange, "resumed", BillmgrServiceStatus.ACTIVE);
    }

    private static void statusAfter(Exchange exchange, String done, BillmgrServiceStatus expected) {
        BillmgrService license = exchange.getMessage().getBody(BillmgrService.class);
        String step = step(exchange);
        exchange.getMessage().setBody(license.getStatus() == expected
                ? StepOutcome.ok(step, done + " license " + license.getId() + " (as " + adminUser(exchange)
                        + "): status " + license.getStatus(), license.getId())
                : StepOutcome.failed(step, step + ": status is " + license.getStatus() + ", expected " + expected,
                        "unexpected-status").withServiceId(license.getId()));
    }

    /** Who the billmgr-admin component logs in as (a user name, never a password). */
    private static String adminUser(Exchange exchange) {
        return exchange.getContext().resolvePropertyPlaceholders("{{example.admin.username:administrator}}");
    }

    /** After the delete: keeps {@code billmgr:platform/list?status=deleted} (the body) for {@link #deleted}. */
    public static void rememberDeleted(Exchange exchange) {
        exchange.setProperty(DELETED_LIST, exchange.getMessage().getBody());
    }

    /** Body: {@code billmgr:platform/list} (the services not deleted) after the delete. */
    @SuppressWarnings("unchecked")
    public static void deleted(Exchange exchange) {
        Long id = exchange.getMessage().getHeader(BillmgrConstants.SERVICE_ID, Long.class);
        String step = step(exchange);
        BillmgrService deleted = find(exchange.getProperty(DELETED_LIST, List.class), id);
        BillmgrService listed = find(exchange.getMessage().getBody(List.class), id);
        StepOutcome outcome;
        if (deleted != null && deleted.getStatus() == BillmgrServiceStatus.DELETED) {
            outcome = StepOutcome.ok(step, "deleted license " + id + ": status " + deleted.getStatus(), id);
        } else if (listed == null) {
            outcome = StepOutcome.ok(step, "deleted license " + id + ": gone from billmgr:platform/list", id);
        } else {
            outcome = StepOutcome.failed(step, step + ": billmgr:platform/list still shows it with status "
                    + listed.getStatus(), "unexpected-status").withServiceId(id);
        }
        exchange.getMessage().setBody(outcome);
    }

    private static BillmgrService find(List<BillmgrService> services, Long id) {
        return services == null ? null
                : services.stream().filter(s -> id.equals(s.getId())).findFirst().orElse(null);
    }

    private static String step(Exchange exchange) {
        return exchange.getProperty(STEP, String.class);
    }
}

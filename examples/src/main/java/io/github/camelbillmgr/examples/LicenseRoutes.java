package io.github.camelbillmgr.examples;

import java.util.List;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelbillmgr.examples.BillmgrErrorHandling.LOG;
import static io.github.camelbillmgr.examples.BillmgrErrorHandling.STEP;

/**
 * Step 4: the life of a VMmanager 6 license ({@code platform} item type), one route per step, each reading the
 * license back afterwards and returning a {@link StepOutcome} with its status:
 * <ul>
 * <li>{@code direct:license-order}: {@code billmgr:platform/order} with tariff {@code example.license.pricelist}
 * (55163, VMmanager 6) for {@code example.license.period} (-100: the trial); sets the
 * {@code CamelBillmgrServiceId} header to the new license.</li>
 * <li>{@code direct:license-add-nodes}: raises the nodes add-on ({@code example.license.nodesAddon}, 55165) to
 * {@code example.license.nodes} with {@code billmgr:platform/edit}.</li>
 * <li>{@code direct:license-suspend}, {@code direct:license-resume}: BILLmanager lets only administrators do
 * these, so they go through the second component, {@code billmgr-admin:}, logged in as the administrator (see
 * {@link BillmgrExampleApplication#ADMIN_COMPONENT}).</li>
 * <li>{@code direct:license-delete}.</li>
 * </ul>
 * A deleted license is looked up with {@code billmgr:platform/list?status=deleted}: BILLmanager no longer shows
 * its details, and lists deleted services only when asked for them.
 */
public class LicenseRoutes extends RouteBuilder {

    private static final String DELETED_LIST = "BillmgrExampleDeletedLicenses";

    @Override
    public void configure() throws Exception {
        from("direct:license-order").routeId("license-order")
                .setProperty(STEP, constant("order a VMmanager 6 license"))
                .log(LoggingLevel.INFO, LOG, "Ordering license tariff {{example.license.pricelist}}, "
                                             + "period {{example.license.period}}")
                .to("billmgr:platform/order?pricelist={{example.license.pricelist}}&period={{example.license.period}}")
                .process(exchange -> exchange.setProperty("BillmgrExampleOrder",
                        exchange.getMessage().getBody(BillmgrOrderResult.class)))
                .to("billmgr:platform/get")
                .process(this::licenseOrdered);

        from("direct:license-add-nodes").routeId("license-add-nodes")
                .setProperty(STEP, simple("raise the nodes of license ${header." + BillmgrConstants.SERVICE_ID + "}"))
                .to("billmgr:platform/edit?addon.{{example.license.nodesAddon}}={{example.license.nodes}}")
                .to("billmgr:platform/get")
                .process(this::nodesRaised);

        from("direct:license-suspend").routeId("license-suspend")
                .setProperty(STEP, simple("suspend license ${header." + BillmgrConstants.SERVICE_ID + "}"))
                // only administrators may suspend and resume: the billmgr-admin component logs in as one
                .to("billmgr-admin:platform/suspend")
                .to("billmgr:platform/get")
                .process(exchange -> statusAfter(exchange, "suspended", "SUSPENDED"));

        from("direct:license-resume").routeId("license-resume")
                .setProperty(STEP, simple("resume license ${header." + BillmgrConstants.SERVICE_ID + "}"))
                .to("billmgr-admin:platform/resume")
                .to("billmgr:platform/get")
                .process(exchange -> statusAfter(exchange, "resumed", "ACTIVE"));

        from("direct:license-delete").routeId("license-delete")
                .setProperty(STEP, simple("delete license ${header." + BillmgrConstants.SERVICE_ID + "}"))
                .to("billmgr:platform/delete")
                // BILLmanager lists deleted services only when asked for them
                .to("billmgr:platform/list?status=deleted")
                .setProperty(DELETED_LIST, body())
                .to("billmgr:platform/list")
                .process(this::deleted);
    }

    private void licenseOrdered(Exchange exchange) {
        BillmgrOrderResult order = exchange.getProperty("BillmgrExampleOrder", BillmgrOrderResult.class);
        BillmgrService license = exchange.getMessage().getBody(BillmgrService.class);
        String period = exchange.getContext().resolvePropertyPlaceholders("{{example.license.period}}");
        String step = exchange.getProperty(STEP, String.class);
        exchange.getMessage().setBody(StepOutcome.ok(step, "ordered VMmanager 6 license " + order.getServiceId()
                                                           + ("-100".equals(period) ? " (trial)" : " for " + period
                                                                                                  + " month(s)")
                                                           + ": status " + license.getStatus()
                                                           + ", expires " + license.getExpireDate(),
                order.getServiceId()));
    }

    private void nodesRaised(Exchange exchange) {
        BillmgrService license = exchange.getMessage().getBody(BillmgrService.class);
        String addon = exchange.getContext().resolvePropertyPlaceholders("{{example.license.nodesAddon}}");
        String wanted = exchange.getContext().resolvePropertyPlaceholders("{{example.license.nodes}}");
        String now = license.getColumn("addon_" + addon);
        String step = exchange.getProperty(STEP, String.class);
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

    private void statusAfter(Exchange exchange, String done, String expected) {
        BillmgrService license = exchange.getMessage().getBody(BillmgrService.class);
        String step = exchange.getProperty(STEP, String.class);
        String status = String.valueOf(license.getStatus());
        exchange.getMessage().setBody(expected.equals(status)
                ? StepOutcome.ok(step, done + " license " + license.getId() + " (as " + adminUser(exchange)
                                       + "): status " + status, license.getId())
                : StepOutcome.failed(step, step + ": status is " + status + ", expected " + expected,
                        "unexpected-status").withServiceId(license.getId()));
    }

    /** Who the billmgr-admin component logs in as (a user name, never a password). */
    private static String adminUser(Exchange exchange) {
        return exchange.getContext().resolvePropertyPlaceholders("{{example.admin.username:administrator}}");
    }

    @SuppressWarnings("unchecked")
    private void deleted(Exchange exchange) {
        Long id = exchange.getMessage().getHeader(BillmgrConstants.SERVICE_ID, Long.class);
        String step = exchange.getProperty(STEP, String.class);
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
}

package io.github.camelbillmgr.examples;

import io.github.camelbillmgr.BillmgrConstants;
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
 * <li>{@code direct:license-convert}: turns a trial into a paid license. BILLmanager refuses to renew a trial
 * ({@code service.prolong} answers {@code value}/{@code period}), so the license is first moved to the paid period
 * of its tariff with {@code service.changepricelist} ({@code billmgr:func/service.changepricelist}, same tariff,
 * period {@code example.license.paidPeriod}) and then renewed for that period ({@code billmgr:platform/prolong}),
 * which is charged. A license that is not a trial is left alone.</li>
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

    @Override
    public void configure() throws Exception {
        from("direct:license-order").routeId("license-order")
                .setProperty(STEP, constant("order a VMmanager 6 license"))
                .log(LoggingLevel.INFO, LOG, "Ordering license tariff {{example.license.pricelist}}, "
                                             + "period {{example.license.period}}")
                .to("billmgr:platform/order?pricelist={{example.license.pricelist}}&period={{example.license.period}}")
                .process(LicenseSteps::orderPlaced)
                .to("billmgr:platform/get")
                .process(LicenseSteps::ordered);

        from("direct:license-convert").routeId("license-convert")
                .setProperty(STEP, simple("convert license ${header." + BillmgrConstants.SERVICE_ID
                                          + "} to a paid period"))
                .to("billmgr:platform/get")
                .process(LicenseSteps::remember)
                .choice()
                    .when(method(LicenseSteps.class, "isTrial"))
                        .log(LoggingLevel.INFO, LOG, "${exchangeProperty." + STEP + "}: trial until "
                                                     + "${body.expireDate}, moving it to "
                                                     + "{{example.license.paidPeriod}} month(s) and paying for them")
                        // same tariff, paid period: the license stops being a trial (nothing is charged yet)
                        .to("billmgr:func/service.changepricelist?param.pricelist={{example.license.pricelist}}"
                            + "&param.period={{example.license.paidPeriod}}&param.sok=ok")
                        // the first paid period, charged to the balance
                        .to("billmgr:platform/prolong?period={{example.license.paidPeriod}}")
                        .to("billmgr:platform/get")
                        .process(LicenseSteps::converted)
                    .otherwise()
                        .process(LicenseSteps::alreadyPaid)
                .end();

        from("direct:license-add-nodes").routeId("license-add-nodes")
                .setProperty(STEP, simple("raise the nodes of license ${header." + BillmgrConstants.SERVICE_ID + "}"))
                .to("billmgr:platform/edit?addon.{{example.license.nodesAddon}}={{example.license.nodes}}")
                .to("billmgr:platform/get")
                .process(LicenseSteps::nodesRaised);

        from("direct:license-suspend").routeId("license-suspend")
                .setProperty(STEP, simple("suspend license ${header." + BillmgrConstants.SERVICE_ID + "}"))
                // only administrators may suspend and resume: the billmgr-admin component logs in as one
                .to("billmgr-admin:platform/suspend")
                .to("billmgr:platform/get")
                .process(LicenseSteps::suspended);

        from("direct:license-resume").routeId("license-resume")
                .setProperty(STEP, simple("resume license ${header." + BillmgrConstants.SERVICE_ID + "}"))
                .to("billmgr-admin:platform/resume")
                .to("billmgr:platform/get")
                .process(LicenseSteps::resumed);

        from("direct:license-delete").routeId("license-delete")
                .setProperty(STEP, simple("delete license ${header." + BillmgrConstants.SERVICE_ID + "}"))
                .to("billmgr:platform/delete")
                // BILLmanager lists deleted services only when asked for them
                .to("billmgr:platform/list?status=deleted")
                .process(LicenseSteps::rememberDeleted)
                .to("billmgr:platform/list")
                .process(LicenseSteps::deleted);
    }
}

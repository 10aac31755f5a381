package io.github.camelbillmgr.examples;

import java.util.List;
import java.util.Optional;

import io.github.camelbillmgr.BillmgrConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the example's routes in a fixed order with a {@link ProducerTemplate}, one step after the other, and
 * collects what each returned into a {@link MissionSummary}:
 * <ol>
 * <li>the batch of VPS orders ({@code direct:order-batch});</li>
 * <li>the renewal of the first VPS ordered ({@code direct:renew-vps});</li>
 * <li>its auto-renewal switched on and off again ({@code direct:auto-renewal-on}, {@code direct:auto-renewal-off});</li>
 * <li>a VMmanager 6 license ordered (a trial), converted to a paid period, its nodes raised, suspended, resumed and
 * deleted ({@code direct:license-*});
 * a failed step ends the license's life there.</li>
 * </ol>
 */
public final class BillmgrMission {

    private static final Logger LOG = LoggerFactory.getLogger(BillmgrMission.class);

    static final List<String> LICENSE_STEPS
            = List.of("direct:license-convert", "direct:license-add-nodes", "direct:license-suspend",
                    "direct:license-resume", "direct:license-delete");

    private final CamelContext camelContext;

    public BillmgrMission(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public MissionSummary run(String target) throws Exception {
        MissionSummary summary = new MissionSummary(target);
        try (ProducerTemplate template = camelContext.createProducerTemplate()) {
            // 1. the VPS batch
            Exchange batch = template.request("direct:order-batch", exchange -> {
            });
            OrderReport report = batch.getException() == null ? batch.getMessage().getBody(OrderReport.class) : null;
            if (report == null) {
                summary.add(unexpected("order the VPS batch", batch));
                return summary;
            }
            summary.addAll(report.lines());

            // 2. and 3. renewal and auto-renewal of the first VPS ordered
            Optional<Long> vps = report.firstOrderedServiceId();
            if (vps.isEmpty()) {
                summary.add(StepOutcome.failed("renew vds", "renew vds: skipped, no VPS was ordered", "skipped"));
            } else {
                for (String route : List.of("direct:renew-vps", "direct:auto-renewal-on", "direct:auto-renewal-off")) {
                    summary.add(step(template, route, vps.get()));
                }
            }

            // 4. the license, step by step while the steps work
            StepOutcome license = step(template, "direct:license-order", null);
            summary.add(license);
            for (String route : LICENSE_STEPS) {
                if (!license.ok() || license.serviceId() == null) {
                    LOG.info("Skipping {}: the license step before failed", route);
                    break;
                }
                StepOutcome next = step(template, route, license.serviceId());
                summary.add(next);
                license = next.serviceId() == null ? next.withServiceId(license.serviceId()) : next;
            }
        }
        return summary;
    }

    /** Sends one exchange to a step's route (with the service id header when given) and returns its outcome. */
    private static StepOutcome step(ProducerTemplate template, String route, Long serviceId) {
        Exchange result = template.request(route, exchange -> {
            if (serviceId != null) {
                exchange.getMessage().setHeader(BillmgrConstants.SERVICE_ID, serviceId);
            }
        });
        Object body = result.getMessage().getBody();
        if (result.getException() == null && body instanceof StepOutcome outcome) {
            return outcome;
        }
        return unexpected(route, result);
    }

    /** A route that ended with an exception no onException handled, or without an outcome. */
    private static StepOutcome unexpected(String step, Exchange result) {
        Exception e = result.getException();
        String why = e != null ? FailureReasons.describe(e)
                : "the route returned no outcome but " + result.getMessage().getBody();
        LOG.warn("{} failed unexpectedly: {}", step, why);
        LOG.debug("{} failed", step, e);
        return StepOutcome.failed(step, step + ": " + why, e == null ? "no-outcome" : e.getClass().getSimpleName());
    }
}

package io.github.camelbillmgr.examples;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelbillmgr.examples.BillmgrErrorHandling.LOG;

/**
 * Workflow 4, react to changes (docs/workflows.md): the billmgr consumer polls the VPS list with
 * {@code emit=changes} and emits only services that are new, changed or gone since the last poll, with the
 * {@code CamelBillmgrChange} header saying what changed. This route keeps the status changes (a service suspended
 * or resumed by the billing side, by an administrator, for non-payment...) and the removals (deleted services drop
 * out of the list), logs them and forwards each as a {@link StatusChangeEvent} JSON line to
 * {@code example.changes.target} (by default appended to a file; any Camel endpoint: a queue, a webhook).
 * <p>
 * What the consumer saw last is kept in the {@value ExampleMain#CONSUMER_STATE} bean, a
 * {@code FileBillmgrStateRepository}: after a restart only what changed meanwhile comes, not every service again as
 * {@code created}. The very first poll emits every service as {@code created}: they are the baseline, not status
 * changes, and are not forwarded.
 */
public class StatusChangeRoutes extends RouteBuilder {

    @Override
    public void configure() throws Exception {
        from("billmgr:vds/list?emit=changes&stateRepository=#" + ExampleMain.CONSUMER_STATE
             + "&initialDelay={{example.changes.initialDelay}}&delay={{example.changes.delay}}")
                .routeId("status-changes")
                .filter(simple("${header.CamelBillmgrChange} contains 'statusChanged'"
                               + " || ${header.CamelBillmgrChange} == 'removed'"))
                    .process(StatusChangeEvent::fromExchange)
                    .log(LoggingLevel.INFO, LOG, "Status change: ${body.describe()}")
                    .marshal().json()
                    .to("{{example.changes.target}}")
                .end();
    }
}

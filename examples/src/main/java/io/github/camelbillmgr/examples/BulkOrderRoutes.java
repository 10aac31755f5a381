package io.github.camelbillmgr.examples;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelbillmgr.examples.BillmgrErrorHandling.LOG;

/**
 * Workflow 1, bulk orders from an inbox directory (docs/workflows.md): every {@code *.csv} file dropped into
 * {@code example.bulk.inbox} ({@code remoteid,tariff,period,ostempl,ram_mb} per line, like {@code orders.csv}) is
 * split line by line, streaming (a file of 100,000 lines is never in memory), each line ordered by
 * {@code direct:order-vps} ({@link VpsOrderRoutes}), and the outcomes written to
 * {@code example.bulk.reports/<file>.report.csv} by {@link OrderReportFileAggregator}: ordered with the new
 * service id, or failed with BILLmanager's error type and message. A failed line does not stop the file.
 * <p>
 * A file is ordered once: it moves to {@code done/} in the inbox when it is finished (to {@code failed/} if the
 * route itself broke), and its name is recorded in a {@code FileIdempotentRepository} (the bean
 * {@value ExampleMain#BULK_ORDER_FILES}, a file that survives restarts): a file of the same name dropped again,
 * before or after a restart, is not ordered again (it stays in the inbox, ignored). Give each batch its own name,
 * e.g. {@code orders-2025-11-25.csv}. The recording happens when the file is picked up, so a crash in the middle of
 * a file does not order its first lines twice either; its report (still {@code .part}) shows how far it got.
 * <p>
 * Write files into the inbox under another name (e.g. {@code .tmp}) and rename them to {@code .csv} when complete;
 * {@code readLock=changed} also waits until a file stops growing.
 */
public class BulkOrderRoutes extends RouteBuilder {

    /** The inbox: the options are explained in docs/workflows.md. */
    static final String INBOX = "file:{{example.bulk.inbox}}?antInclude=*.csv"
            + "&readLock=changed&readLockCheckInterval={{example.bulk.readLockCheckInterval}}"
            + "&idempotent=true&idempotentKey=${file:onlyname}"
            + "&idempotentRepository=#" + ExampleMain.BULK_ORDER_FILES
            + "&move=done&moveFailed=failed"
            + "&initialDelay={{example.bulk.initialDelay}}&delay={{example.bulk.delay}}";

    @Override
    public void configure() throws Exception {
        from(INBOX).routeId("bulk-order")
                .log(LoggingLevel.INFO, LOG, "Bulk order file ${file:name}: ordering it line by line")
                .setProperty(OrderReportFileAggregator.REPORT_FILE,
                        simple("{{example.bulk.reports}}/${file:onlyname.noext}.report.csv"))
                .split(body().tokenize("\n"), new OrderReportFileAggregator()).streaming()
                    .to("direct:order-vps")
                    .to(VpsOrderRoutes.PROGRESS)
                .end()
                .log(LoggingLevel.INFO, LOG, "Bulk order file ${file:name} done: ${body}");
    }
}

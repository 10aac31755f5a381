package io.github.camelbillmgr.examples;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.camelbillmgr.simulator.BillmgrSimulator.CLIENT_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workflow 1, the bulk order inbox, in each DSL: every line of a dropped file is ordered once, the report says what
 * became of each, and the file is not ordered again after a restart, even when it is dropped again.
 */
class BulkOrderWorkflowTest extends WorkflowTestSupport {

    /**
     * Balance 30.00 EUR: b-1 (5.00) and b-2 (10.00) go through, b-3 names no tariff, b-4 costs 108.00 (more than the
     * 15.00 left), line 7 cannot be read, b-5 (5.00 + 1024 MB extra RAM at 0.005 = 10.12) goes through.
     */
    static final String ORDERS_A = """
            remoteid,tariff,period,ostempl,ram_mb
            b-1,6,1,ISPsystem__Ubuntu-22.04-amd64,1024
            b-2,7,1,ISPsystem__Debian-12-amd64,1024
            b-3,99,1,ISPsystem__Ubuntu-22.04-amd64,1024
            b-4,7,12,ISPsystem__Ubuntu-22.04-amd64,1024
            # the next line has four fields
            not,a,valid,line
            b-5,6,1,ISPsystem__Debian-12-amd64,2048
            """;

    static final String ORDERS_B = """
            remoteid,tariff,period,ostempl,ram_mb
            b-6,6,1,ISPsystem__Ubuntu-22.04-amd64,1024
            """;

    @ParameterizedTest(name = "{0} routes")
    @EnumSource(Workflow.Dsl.class)
    void everyLineIsOrderedOnceAndReportedAndARestartOrdersNothingTwice(Workflow.Dsl dsl) throws Exception {
        simulator.state().setBalance(CLIENT_USER, new BigDecimal("30.00"));
        Path inbox = workdir.resolve("inbox");
        Path reports = workdir.resolve("reports");
        startCamel(Workflow.BULK_ORDER, dsl, properties());

        drop(inbox, "orders-a.csv", ORDERS_A);
        Path reportA = reports.resolve("orders-a.report.csv");
        await(() -> Files.exists(inbox.resolve("done/orders-a.csv")) && Files.exists(reportA),
                () -> "orders-a.csv ordered and moved to done/");

        // the simulator: one VPS per good line, with what the line asked for; the balance paid for exactly them
        Map<String, SimService> vds = vdsByRemoteId();
        assertEquals(List.of("b-1", "b-2", "b-5"), List.copyOf(vds.keySet()), vds::toString);
        assertEquals(3, simulator.state().servicesOf("vds").size());
        assertEquals(6, vds.get("b-1").pricelistId());
        assertEquals(7, vds.get("b-2").pricelistId());
        assertEquals("ISPsystem__Debian-12-amd64", vds.get("b-5").ostempl());
        assertEquals("2048", vds.get("b-5").addons().get(OrderLine.RAM_ADDON));
        assertEquals(0, new BigDecimal("4.88").compareTo(simulator.state().balance(CLIENT_USER)),
                () -> "balance " + simulator.state().balance(CLIENT_USER));

        // the report: a line per order line, with the new id or BILLmanager's error type and message
        List<String> report = Files.readAllLines(reportA);
        assertEquals(List.of(BulkOrderReport.HEADER,
                "2,b-1,ordered," + vds.get("b-1").id() + ",,\"ordered vds " + vds.get("b-1").id()
                        + " (remoteid b-1: tariff 6, 1 month, ISPsystem__Ubuntu-22.04-amd64, 1024 MB RAM)\"",
                "3,b-2,ordered," + vds.get("b-2").id() + ",,\"ordered vds " + vds.get("b-2").id()
                        + " (remoteid b-2: tariff 7, 1 month, ISPsystem__Debian-12-amd64, 1024 MB RAM)\"",
                "4,b-3,failed,,value,order b-3: BILLmanager error 'value' (pricelist): The 'Tariff' field has "
                        + "invalid value.",
                "5,b-4,failed,,not_enough_money,\"order b-4: not enough money: top up needed: deficit 93.00 EUR "
                        + "(price 108.00 EUR, balance 15.00 EUR)\"",
                "7,,failed,,unreadable-line,\"line 7 of the orders file cannot be read: expected 5 comma separated "
                        + "fields (remoteid,tariff,period,ostempl,ram_mb), got 4: not,a,valid,line\"",
                "8,b-5,ordered," + vds.get("b-5").id() + ",,\"ordered vds " + vds.get("b-5").id()
                        + " (remoteid b-5: tariff 6, 1 month, ISPsystem__Debian-12-amd64, 2048 MB RAM)\""),
                report);
        assertFalse(Files.exists(reports.resolve("orders-a.report.csv.part")));

        // a restart; meanwhile the same file is dropped again (same name), and a new one
        stopCamel();
        simulator.state().setBalance(CLIENT_USER, new BigDecimal("100.00"));
        drop(inbox, "orders-a.csv", ORDERS_A);
        drop(inbox, "orders-b.csv", ORDERS_B);
        startCamel(Workflow.BULK_ORDER, dsl, properties());
        await(() -> Files.exists(inbox.resolve("done/orders-b.csv"))
                && Files.exists(reports.resolve("orders-b.report.csv")),
                () -> "orders-b.csv ordered");
        awaitConsumerPolls("bulk-order", 2);

        // exactly one VPS per line of both files: orders-a.csv was not ordered a second time
        vds = vdsByRemoteId();
        assertEquals(List.of("b-1", "b-2", "b-5", "b-6"), List.copyOf(vds.keySet()), vds::toString);
        assertEquals(4, simulator.state().servicesOf("vds").size(),
                () -> simulator.state().servicesOf("vds").toString());
        assertEquals(0, new BigDecimal("95.00").compareTo(simulator.state().balance(CLIENT_USER)));
        assertTrue(Files.exists(inbox.resolve("orders-a.csv")), "the file dropped again stays in the inbox, ignored");
        assertEquals(report, Files.readAllLines(reportA), "the first report is untouched");
        assertEquals(2, Files.readAllLines(reports.resolve("orders-b.report.csv")).size());
        assertTrue(Files.readString(workdir.resolve("bulk-order-files.dat")).contains("orders-a.csv"));
    }

    /** The VPS in the simulator by remote id; fails on a duplicate remote id (a line ordered twice). */
    private Map<String, SimService> vdsByRemoteId() {
        return simulator.state().servicesOf("vds").stream()
                .collect(Collectors.toMap(SimService::remoteId, Function.identity(), (a, b) -> {
                    throw new AssertionError("ordered twice: " + a + " and " + b);
                }, java.util.TreeMap::new));
    }
}

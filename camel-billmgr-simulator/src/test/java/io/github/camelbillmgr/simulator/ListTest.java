package io.github.camelbillmgr.simulator;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final SimClient api = new SimClient(billmgr.simulator());

    private void seedTwoOwners() {
        billmgr.state().createClient("other@example.com", "pw", "Other Person (other@example.com)", BigDecimal.TEN);
        billmgr.state().addService(SimService.builder("vds", BillmgrSimulator.CLIENT_USER).pricelistId(6)
                .remoteId("a-1").autoprolong(1));
        billmgr.state().addService(SimService.builder("vds", "other@example.com").pricelistId(7).remoteId("b-1"));
        billmgr.state().addService(SimService.builder("vds", BillmgrSimulator.CLIENT_USER).pricelistId(7)
                .status(SimService.STATUS_SUSPENDED));
    }

    @Test
    void columnsForAdminAndVisibilityForClient() {
        seedTwoOwners();
        SimClient.Response admin = api.admin("func", "vds");
        assertEquals("3", admin.x("/doc/p_elems"));
        assertEquals(BillmgrSimulator.CLIENT_ACCOUNT, admin.x("/doc/elem[id='1001']/account"));
        SimClient.Response client = api.client("func", "vds", "clickstat", "yes");
        assertEquals("2", client.x("/doc/p_elems"));
        assertEquals(0, client.count("/doc/elem/account"));
        assertEquals("VDS-1", client.x("/doc/elem[id='1001']/pricelist"));
        assertEquals("6", client.x("/doc/elem[id='1001']/pricelist_id"));
        assertEquals("2025-02-15", client.x("/doc/elem[id='1001']/expiredate"));
        assertEquals("1", client.x("/doc/elem[id='1001']/autoprolong"));
        assertEquals("Active", client.x("/doc/elem[id='1001']/item_status"));
        assertEquals("5.00 EUR", client.x("/doc/elem[id='1001']/cost"));
        assertEquals("a-1", client.x("/doc/elem[id='1001']/remoteid"));
        assertEquals("Suspended", client.x("/doc/elem[id='1003']/item_status"));
        assertEquals(0, client.count("/doc/elem[id='1003']/autoprolong"));
        assertEquals("missed", api.client("func", "vds.edit", "elid", "1002").errorType());
    }

    @Test
    void oneShotFilterByStatusAccountAndRemoteid() {
        seedTwoOwners();
        assertEquals("1", api.admin("func", "vds", "filter", "on", "status", "2",
                "account", BillmgrSimulator.CLIENT_ACCOUNT).x("/doc/p_elems"));
        assertEquals("0", api.admin("func", "vds", "filter", "on", "account", "Client Example").x("/doc/p_elems"));
        assertEquals("1002", api.admin("func", "vds", "filter", "on", "remoteid", "b-1").x("/doc/elem/id"));
        assertEquals("3", api.admin("func", "vds", "status", "2").x("/doc/p_elems"));
    }

    @Test
    void columnFiltersMatchSubstringsInAnyCaseAndIdsExactly() {
        seedTwoOwners();
        billmgr.state().updateService(1001, b -> b.remoteId("Shop-A-17").comment("Frühbucher Kunde"));
        assertEquals("1001", api.client("func", "vds", "filter", "on", "remoteid", "shop-a-1").x("/doc/elem/id"));
        assertEquals("1001", api.client("func", "vds", "filter", "on", "remoteid", "P-A-17").x("/doc/elem/id"));
        assertEquals("0", api.client("func", "vds", "filter", "on", "remoteid", "shop-a-18").x("/doc/p_elems"));
        assertEquals("1001", api.client("func", "vds", "filter", "on", "comment", "FRÜHBUCHER").x("/doc/elem/id"));
        assertEquals("1001", api.client("func", "vds", "filter", "on", "id", "1001").x("/doc/elem/id"));
        assertEquals("0", api.client("func", "vds", "filter", "on", "id", "100").x("/doc/p_elems"));
        assertEquals("1", api.client("func", "vds", "filter", "on", "remoteid", "a-1", "status", "2")
                .x("/doc/p_elems"));
        assertEquals("0", api.client("func", "vds", "filter", "on", "remoteid", "a-1", "status", "3")
                .x("/doc/p_elems"));
    }

    @Test
    void storedFilterAppliesToLaterListsUntilCleared() {
        seedTwoOwners();
        assertTrue(api.client("func", "vds.filter", "status", "3", "sok", "ok").ok());
        assertEquals("3", api.client("func", "vds.filter").x("/doc/status"));
        SimClient.Response filtered = api.client("func", "vds");
        assertEquals("1", filtered.x("/doc/p_elems"));
        assertEquals("1003", filtered.x("/doc/elem/id"));
        assertEquals("3", api.admin("func", "vds").x("/doc/p_elems"));
        assertTrue(api.client("func", "vds.filter", "sok", "ok").ok());
        assertEquals("2", api.client("func", "vds").x("/doc/p_elems"));
    }

    @Test
    void deletedServicesOnlyWithStatusFour() {
        seedTwoOwners();
        billmgr.state().setStatus(1001, SimService.STATUS_DELETED);
        assertEquals("1", api.client("func", "vds").x("/doc/p_elems"));
        assertEquals("1001", api.client("func", "vds", "filter", "on", "status", "4").x("/doc/elem/id"));
        billmgr.settings().setListDeletedServices(true);
        assertEquals("2", api.client("func", "vds").x("/doc/p_elems"));
    }

    @Test
    void pagingAndSorting() {
        billmgr.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 5);
        billmgr.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 7, 2);
        SimClient.Response page2 = api.client("func", "vds", "p_cnt", "3", "p_num", "2");
        assertEquals("7", page2.x("/doc/p_elems"));
        assertEquals("2", page2.x("/doc/p_num"));
        assertEquals("3", page2.x("/doc/p_cnt"));
        assertEquals(3, page2.count("/doc/elem"));
        assertEquals("1004", page2.x("/doc/elem[1]/id"));
        assertEquals(1, api.client("func", "vds", "p_cnt", "3", "p_num", "3").count("/doc/elem"));

        SimClient.Response byCostDesc = api.client("func", "vds", "p_col", "-cost", "p_cnt", "2");
        assertEquals("10.00 EUR", byCostDesc.x("/doc/elem[1]/cost"));
        assertEquals("1006", byCostDesc.x("/doc/elem[1]/id"));
        assertEquals("1007", api.client("func", "vds", "p_col", "-id").x("/doc/elem[1]/id"));
        assertEquals("1001", api.client("func", "vds", "p_col", "+id").x("/doc/elem[1]/id"));

        billmgr.settings().setDefaultPageSize(4);
        assertEquals(4, api.client("func", "vds").count("/doc/elem"));
    }

    @Test
    void maxPageSizeCapsWhatPCntAsksFor() {
        billmgr.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 25);
        billmgr.settings().setMaxPageSize(10);
        SimClient.Response page3 = api.client("func", "vds", "p_cnt", "1000", "p_num", "3");
        assertEquals(5, page3.count("/doc/elem"), "page 3 of pages of 10");
        assertEquals("25", page3.x("/doc/p_elems"));
        assertEquals("10", page3.x("/doc/p_cnt"), "the page size used");
        assertEquals("1021", page3.x("/doc/elem[1]/id"));
        assertEquals(10, api.client("func", "vds").count("/doc/elem"), "also caps the default page size");
        assertEquals(4, api.client("func", "vds", "p_cnt", "4").count("/doc/elem"), "smaller pages are kept");
    }

    @Test
    void tenThousandServicesPageQuickly() {
        billmgr.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 10_000);
        long started = System.nanoTime();
        int seen = 0;
        for (int page = 1; page <= 10; page++) {
            JsonNode json = api.admin("func", "vds", "p_cnt", "1000", "p_num", "" + page, "out", "json").json();
            seen += json.at("/doc/elem").size();
            assertEquals("10000", json.at("/doc/p_elems/$").asText());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(10_000, seen);
        assertTrue(millis < 8000, "paging 10,000 services took " + millis + " ms");
    }
}

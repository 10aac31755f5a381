package io.github.camelbillmgr.simulator;

import java.math.BigDecimal;

import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final SimClient api = new SimClient(billmgr.simulator());

    private SimService license() {
        return billmgr.state().addService(SimService.builder("soft", BillmgrSimulator.CLIENT_USER).pricelistId(40)
                .period(12).ip("192.0.2.10").licname("web1"));
    }

    @Test
    void detailsShowFieldsLickeyAndAutoprolongChoices() {
        SimService soft = license();
        SimClient.Response r = api.client("func", "soft.edit", "elid", "" + soft.id());
        assertEquals("" + soft.id(), r.x("/doc/elid"));
        assertEquals(soft.lickey(), r.x("/doc/lickey"));
        assertEquals("ISPmanager 6 Lite", r.x("/doc/pricelist"));
        assertEquals("40", r.x("/doc/pricelist_id"));
        assertEquals("2", r.x("/doc/status"));
        assertEquals("2026-01-15", r.x("/doc/expiredate"));
        assertEquals("64.80 EUR", r.x("/doc/cost"));
        assertEquals(0, r.count("/doc/autoprolong"));
        assertEquals("Disabled", r.x("/doc/slist[@name='autoprolong']/val[@key='null']"));
        assertEquals("missed", api.client("func", "vds.edit", "elid", "" + soft.id()).errorType());
    }

    @Test
    void autoprolongOnAndOff() {
        SimService vds = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        assertTrue(api.client("func", "vds.edit", "elid", "" + vds.id(), "autoprolong", "3", "sok", "ok").ok());
        assertEquals(3, billmgr.state().service(vds.id()).orElseThrow().autoprolong());
        assertEquals("3", api.client("func", "vds.edit", "elid", "" + vds.id()).x("/doc/autoprolong"));

        assertTrue(api.client("func", "vds.edit", "elid", "" + vds.id(), "autoprolong", "null", "sok", "ok").ok());
        assertNull(billmgr.state().service(vds.id()).orElseThrow().autoprolong());
        assertEquals("autoprolong", api.client("func", "vds.edit", "elid", "" + vds.id(), "autoprolong", "2",
                "sok", "ok").errorObject());
    }

    @Test
    void addonsApplyAndRecalculateTheCost() {
        SimService platform = billmgr.state().addService(SimService.builder("platform", BillmgrSimulator.CLIENT_USER)
                .pricelistId(55163));
        assertTrue(api.client("func", "platform.edit", "elid", "" + platform.id(), "addon_55165", "3",
                "comment", "two more nodes", "sok", "ok").ok());
        SimService updated = billmgr.state().service(platform.id()).orElseThrow();
        assertEquals("3", updated.addons().get(55165));
        assertEquals("two more nodes", updated.comment());
        assertEquals(0, new BigDecimal("32.00").compareTo(updated.cost()), updated.cost().toString());
        assertEquals("addon_11", api.client("func", "platform.edit", "elid", "" + platform.id(), "addon_11", "1",
                "sok", "ok").errorObject());
    }

    @Test
    void adminOnlyFieldsRefuseClientsButPassUnchangedValues() {
        SimService vds = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        assertEquals("access", api.client("func", "vds.edit", "elid", "" + vds.id(), "domain", "evil.example",
                "sok", "ok").errorType());
        assertTrue(api.client("func", "vds.edit", "elid", "" + vds.id(), "domain", vds.domain(), "sok", "ok").ok());

        billmgr.settings().setClientAdminFields(SimSettings.AdminFieldPolicy.IGNORE);
        assertTrue(api.client("func", "vds.edit", "elid", "" + vds.id(), "domain", "evil.example", "sok", "ok").ok());
        assertEquals(vds.domain(), billmgr.state().service(vds.id()).orElseThrow().domain());

        assertTrue(api.admin("func", "vds.edit", "elid", "" + vds.id(), "domain", "new.example", "username", "root",
                "serverid", "7", "ostempl", "ISPsystem__Debian-12-amd64", "recipe", "docker", "sok", "ok").ok());
        SimService edited = billmgr.state().service(vds.id()).orElseThrow();
        assertEquals("new.example", edited.domain());
        assertEquals("root", edited.username());
        assertEquals("docker", edited.recipe());
        assertEquals("recipe", api.admin("func", "vds.edit", "elid", "" + vds.id(), "recipe", "lamp", "sok", "ok")
                .errorObject());
    }

    @Test
    void newkeyIssuesANewLicenseKeyAndLicensesTakeIp() {
        SimService soft = license();
        SimClient.Response r = api.client("func", "soft.edit", "elid", "" + soft.id(), "clicked_button", "newkey");
        assertNotEquals(soft.lickey(), r.x("/doc/lickey"));
        assertEquals(r.x("/doc/lickey"), billmgr.state().service(soft.id()).orElseThrow().lickey());

        assertTrue(api.client("func", "soft.edit", "elid", "" + soft.id(), "ip", "192.0.2.77", "licname", "web2",
                "sok", "ok").ok());
        assertEquals("192.0.2.77", billmgr.state().service(soft.id()).orElseThrow().ip());
        assertEquals("web2", billmgr.state().service(soft.id()).orElseThrow().licname());
    }

    @Test
    void changePricelistMovesTheServiceToAnotherTariff() {
        SimService vds = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        assertEquals("pricelist", api.client("func", "service.changepricelist", "elid", "" + vds.id(),
                "pricelist", "20", "sok", "ok").errorObject());
        assertTrue(api.client("func", "service.changepricelist", "elid", "" + vds.id(), "pricelist", "7",
                "period", "3", "sok", "ok").ok());
        SimService moved = billmgr.state().service(vds.id()).orElseThrow();
        assertEquals(7, moved.pricelistId());
        assertEquals("VDS-2", moved.pricelistName());
        assertEquals(3, moved.period());
        assertEquals(0, new BigDecimal("30.00").compareTo(moved.cost()));
    }

    @Test
    void multipartCarriesUtf8ValuesAndHistoryPages() {
        SimService vds = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        SimClient.Response r = api.multipart("/billmgr", "func", "vds.edit", "elid", "" + vds.id(),
                "comment", "Привет, мир & co", "sok", "ok", "authinfo", SimClient.CLIENT_AUTHINFO);
        assertTrue(r.ok(), r.body());
        assertEquals("Привет, мир & co", billmgr.state().service(vds.id()).orElseThrow().comment());
        assertEquals("Привет, мир & co", api.client("func", "vds").x("/doc/elem/comment"));

        api.client("func", "vds.edit", "elid", "" + vds.id(), "comment", "second", "sok", "ok");
        SimClient.Response history = api.client("func", "service.history", "elid", "" + vds.id(), "p_cnt", "2");
        assertEquals("3", history.x("/doc/p_elems"));
        assertEquals(2, history.count("/doc/elem"));
        assertEquals("edit", history.x("/doc/elem[1]/action"));
        assertEquals("2025-01-15 10:00:00", history.x("/doc/elem[1]/date"));
    }
}

package io.github.camelbillmgr.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.github.camelbillmgr.simulator.model.SimCartItem;
import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProlongTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final SimClient api = new SimClient(billmgr.simulator());

    private SimService vds() {
        return TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
    }

    @Test
    void formShowsCurrentAndNewExpireDate() {
        SimService vds = vds();
        SimClient.Response form = api.client("func", "service.prolong", "elid", "" + vds.id(), "period", "6");
        assertEquals("2025-02-15", form.x("/doc/expiredate"));
        assertEquals("2025-08-15", form.x("/doc/newexpiredate"));
        assertEquals(4, form.count("/doc/slist[@name='period']/val"));
        assertEquals(vds.expireDate(), billmgr.state().service(vds.id()).orElseThrow().expireDate());
    }

    @Test
    void skipbasketRenewalMovesTheDateAndCharges() {
        SimService vds = vds();
        SimClient.Response r = api.client("func", "service.prolong", "elid", "" + vds.id(), "period", "12",
                "skipbasket", "on", "sok", "ok");
        assertEquals("2026-02-15", r.x("/doc/doc/newexpiredate"));
        assertEquals(LocalDate.of(2026, 2, 15), billmgr.state().service(vds.id()).orElseThrow().expireDate());
        assertEquals(0, new BigDecimal("946.00").compareTo(billmgr.state().balance(BillmgrSimulator.CLIENT_USER)));
        assertEquals("prolong", billmgr.state().service(vds.id()).orElseThrow().history().get(1).action());
    }

    @Test
    void renewalWithoutSkipbasketGoesToTheCart() {
        SimService vds = vds();
        SimClient.Response r = api.client("func", "service.prolong", "elid", "" + vds.id(), "period", "1", "sok", "ok");
        assertTrue(r.ok());
        // service.prolong is in nestDocFuncs by default: every field but ok sits in doc.doc
        assertEquals("5001", r.x("/doc/doc/billorder"));
        assertEquals(SimCartItem.Kind.PROLONG, billmgr.state().cartItems(BillmgrSimulator.CLIENT_USER).get(0).kind());
        assertEquals(vds.expireDate(), billmgr.state().service(vds.id()).orElseThrow().expireDate());
        api.client("func", "basket", "sok", "ok");
        assertEquals(vds.expireDate().plusMonths(1), billmgr.state().service(vds.id()).orElseThrow().expireDate());
    }

    @Test
    void trialsDeletedAndUnknownServicesCannotBeRenewed() {
        SimService trial = billmgr.state().addService(SimService.builder("platform", BillmgrSimulator.CLIENT_USER)
                .pricelistId(55163).period(-100));
        SimClient.Response r
                = api.client("func", "service.prolong", "elid", "" + trial.id(), "period", "1", "sok", "ok");
        assertEquals("value", r.errorType());
        assertEquals("period", r.errorObject());
        billmgr.settings().setTrialRenewalErrorType("trial");
        assertEquals("trial", api.client("func", "service.prolong", "elid", "" + trial.id(), "sok", "ok").errorType());

        SimService deleted = vds();
        billmgr.state().setStatus(deleted.id(), SimService.STATUS_DELETED);
        assertEquals("elid", api.client("func", "service.prolong", "elid", "" + deleted.id(), "sok", "ok")
                .errorObject());
        assertEquals("missed", api.client("func", "service.prolong", "elid", "4242", "sok", "ok").errorType());
    }

    @Test
    void groupeditRenewsAllOrNothing() {
        SimService a = vds();
        SimService b = vds();
        billmgr.state().setBalance(BillmgrSimulator.CLIENT_USER, new BigDecimal("100.00"));
        SimClient.Response tooMuch = api.client("func", "groupedit", "faction", "service.prolong",
                "elid", a.id() + ", " + b.id(), "period", "12", "skipbasket", "on", "sok", "ok");
        assertEquals("not_enough_money", tooMuch.errorType());
        assertEquals("108.00", tooMuch.x("/doc/error/param[@name='amount']"));
        assertEquals(a.expireDate(), billmgr.state().service(a.id()).orElseThrow().expireDate());

        SimClient.Response ok = api.client("func", "groupedit", "faction", "service.prolong",
                "elid", a.id() + ", " + b.id(), "period", "6", "skipbasket", "on", "sok", "ok");
        assertTrue(ok.ok(), ok.body());
        assertEquals(a.expireDate().plusMonths(6), billmgr.state().service(a.id()).orElseThrow().expireDate());
        assertEquals(b.expireDate().plusMonths(6), billmgr.state().service(b.id()).orElseThrow().expireDate());
        assertEquals(0, new BigDecimal("43.00").compareTo(billmgr.state().balance(BillmgrSimulator.CLIENT_USER)));
    }

    @Test
    void adminRenewalIsPaidByTheOwner() {
        SimService vds = vds();
        api.admin("func", "service.prolong", "elid", "" + vds.id(), "period", "1", "skipbasket", "on", "sok", "ok");
        assertEquals(0, new BigDecimal("995.00").compareTo(billmgr.state().balance(BillmgrSimulator.CLIENT_USER)));
        assertEquals(0, new BigDecimal("10000.00").compareTo(billmgr.state().balance(BillmgrSimulator.ADMIN_USER)));
    }
}

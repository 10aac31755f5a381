package io.github.camelbillmgr.simulator;

import java.time.Duration;
import java.util.List;

import io.github.camelbillmgr.simulator.model.SimHistoryEvent;
import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final SimClient api = new SimClient(billmgr.simulator());

    private int status(SimService service) {
        return billmgr.state().service(service.id()).orElseThrow().status();
    }

    @Test
    void suspendResumeDeleteTransitionsWithHistory() {
        SimService a = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        SimService b = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        assertTrue(api.admin("func", "vds.suspend", "elid", a.id() + ", " + b.id(), "sok", "ok").ok());
        assertEquals(SimService.STATUS_SUSPENDED, status(a));
        assertEquals(SimService.STATUS_SUSPENDED, status(b));
        assertTrue(api.admin("func", "vds.resume", "elid", "" + a.id()).ok());
        assertEquals(SimService.STATUS_ACTIVE, status(a));
        assertTrue(api.client("func", "vds.delete", "elid", "" + a.id(), "sok", "ok").ok());
        assertEquals(SimService.STATUS_DELETED, status(a));

        SimClient.Response history = api.client("func", "service.history", "elid", "" + a.id());
        assertEquals("4", history.x("/doc/p_elems"));
        assertEquals("delete", history.x("/doc/elem[1]/action"));
        assertEquals("open", history.x("/doc/elem[4]/action"));
        assertEquals(List.of("open", "suspend", "resume", "delete"),
                billmgr.state().service(a.id()).orElseThrow().history().stream().map(SimHistoryEvent::action).toList());
    }

    @Test
    void wrongStatesFailTheWholeCall() {
        SimService active = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        SimService suspended = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        billmgr.state().setStatus(suspended.id(), SimService.STATUS_SUSPENDED);
        SimClient.Response r = api.admin("func", "vds.resume", "elid", suspended.id() + ", " + active.id());
        assertEquals("value", r.errorType());
        assertEquals("elid", r.errorObject());
        assertEquals("" + active.id(), r.x("/doc/error/param[@name='value']"));
        assertEquals(SimService.STATUS_SUSPENDED, status(suspended));
        assertEquals("missed", api.admin("func", "vds.suspend", "elid", "9999").errorType());
    }

    @Test
    void clientsMayNotSuspendByDefault() {
        SimService vds = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        assertEquals("access", api.client("func", "vds.suspend", "elid", "" + vds.id()).errorType());
        billmgr.settings().setClientMaySuspendResume(true);
        assertTrue(api.client("func", "vds.suspend", "elid", "" + vds.id()).ok());
        billmgr.settings().setClientMayDelete(false);
        assertEquals("access", api.client("func", "vds.delete", "elid", "" + vds.id()).errorType());
    }

    @Test
    void bareCommasOnlyWithTheSetting() {
        SimService a = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        SimService b = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        SimClient.Response refused = api.admin("func", "vds.suspend", "elid", a.id() + "," + b.id());
        assertEquals("missed", refused.errorType());
        assertEquals(a.id() + "," + b.id(), refused.x("/doc/error/param[@name='value']"));
        billmgr.settings().setElidBareCommas(true);
        assertTrue(api.admin("func", "vds.suspend", "elid", a.id() + "," + b.id()).ok());
        assertEquals(SimService.STATUS_SUSPENDED, status(b));
    }

    @Test
    void processingDelayAndSokRequirement() {
        SimService vds = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        billmgr.settings().setSuspendRequiresSok(true);
        assertEquals(0, api.admin("func", "vds.suspend", "elid", "" + vds.id()).count("/doc/ok"));
        assertEquals(SimService.STATUS_ACTIVE, status(vds));

        billmgr.settings().setLifecycleProcessingSeconds(30);
        assertTrue(api.admin("func", "vds.suspend", "elid", "" + vds.id(), "sok", "ok").ok());
        assertEquals(SimService.STATUS_PROCESSING, status(vds));
        billmgr.simulator().clock().advance(Duration.ofSeconds(31));
        assertEquals(SimService.STATUS_SUSPENDED, status(vds));
    }

    @Test
    void expiryProcessingRenewsOrSuspends() {
        billmgr.settings().setProcessExpiry(true);
        SimService renewing = billmgr.state().addService(SimService.builder("vds", BillmgrSimulator.CLIENT_USER)
                .pricelistId(6).autoprolong(1));
        SimService lapsing = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        billmgr.simulator().clock().advanceDays(32);
        assertEquals(SimService.STATUS_ACTIVE, status(renewing));
        assertEquals(TestSupport.TODAY.plusMonths(2),
                billmgr.state().service(renewing.id()).orElseThrow().expireDate());
        assertEquals(SimService.STATUS_SUSPENDED, status(lapsing));
    }
}

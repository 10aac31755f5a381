package io.github.camelbillmgr.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimProfile;
import io.github.camelbillmgr.simulator.settings.SimSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 (6, 7, 8): ISPsystem's license billing as its own WHMCS module uses it, with the reseller a client
 * account; and the hosting defaults, which stay as they were.
 */
class LicenseBillingTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(
            SimProfile.LICENSE_BILLING.apply(TestSupport.settings()));

    private final SimClient api = new SimClient(billmgr.simulator());

    private SimService license() {
        return billmgr.state().addService(SimService.builder("soft", BillmgrSimulator.CLIENT_USER).pricelistId(40));
    }

    private SimService now(SimService service) {
        return billmgr.state().service(service.id()).orElseThrow();
    }

    @Test
    void theResellerSuspendsResumesAndSuspendsAgain() {
        SimService license = license();
        String elid = String.valueOf(license.id());
        assertTrue(api.client("func", "soft.suspend", "elid", elid).ok());
        assertEquals(SimService.STATUS_SUSPENDED, now(license).status());
        // the module suspends again before it frees a license: a no-op, not an error
        assertTrue(api.client("func", "soft.suspend", "elid", elid).ok());
        assertEquals(SimService.STATUS_SUSPENDED, now(license).status());
        assertTrue(api.client("func", "soft.resume", "elid", elid).ok());
        assertTrue(api.client("func", "soft.resume", "elid", elid).ok());
        assertEquals(SimService.STATUS_ACTIVE, now(license).status());
        // a deleted license is still not suspendable
        assertTrue(api.client("func", "soft.delete", "elid", elid).ok());
        assertEquals("value", api.client("func", "soft.suspend", "elid", elid).errorType());
    }

    @Test
    void theResellerCreatesItsOwnSingleSignOnKey() {
        String key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assertTrue(api.client("func", "session.newkey", "username", BillmgrSimulator.CLIENT_USER, "key", key).ok());
        SimClient.Response login = api.get("/billmgr", "func", "auth", "username", BillmgrSimulator.CLIENT_USER,
                "key", key);
        assertTrue(!login.x("/doc/auth/@id").isEmpty(), login.body());
        // but not one for somebody else
        assertEquals("access", api.client("func", "session.newkey", "username", BillmgrSimulator.ADMIN_USER,
                "key", key + "x").errorType());
    }

    @Test
    void aRenewalWithoutSkipbasketIsChargedAtOnce() {
        SimService license = license();
        BigDecimal before = billmgr.state().balance(BillmgrSimulator.CLIENT_USER);
        SimClient.Response r = api.client("func", "service.prolong", "elid", String.valueOf(license.id()),
                "period", "1", "sok", "ok");
        assertTrue(r.ok(), r.body());
        LocalDate expected = license.expireDate().plusMonths(1);
        assertEquals(expected.toString(), r.x("/doc/doc/newexpiredate"));
        assertEquals(expected, now(license).expireDate());
        assertEquals(before.subtract(new BigDecimal("6.00")), billmgr.state().balance(BillmgrSimulator.CLIENT_USER));
        assertTrue(billmgr.state().cartItems(BillmgrSimulator.CLIENT_USER).isEmpty());
    }

    @Test
    void aLicenseSuspendedForNonPaymentComesBackWhenRenewed() {
        SimService license = license();
        billmgr.simulator().clock().advanceDays(40); // past its one month: the expiry run suspends it (no auto-renewal)
        assertEquals(SimService.STATUS_SUSPENDED, now(license).status());
        SimClient.Response r = api.client("func", "service.prolong", "elid", String.valueOf(license.id()),
                "period", "12", "sok", "ok");
        assertTrue(r.ok(), r.body());
        assertEquals(SimService.STATUS_ACTIVE, now(license).status());
        assertEquals(license.expireDate().plusMonths(12), now(license).expireDate());
    }

    @Test
    void theHostingDefaultsStay() {
        SimSettings hosting = new SimSettings();
        assertEquals(SimSettings.ProlongWithoutSkipbasket.CART, hosting.getProlongWithoutSkipbasket());
        assertEquals(SimSettings.SameStateAction.ERROR, hosting.getSameStateAction());
        assertTrue(!hosting.isClientMaySuspendResume() && !hosting.isClientMayCreateOwnSsoKey());

        billmgr.settings().copyFrom(new SimSettings().setClockStart(TestSupport.START));
        SimService license = license();
        String elid = String.valueOf(license.id());
        assertEquals("access", api.client("func", "soft.suspend", "elid", elid).errorType());
        assertEquals("access", api.client("func", "session.newkey", "username", BillmgrSimulator.CLIENT_USER,
                "key", "0123456789abcdef0123").errorType());
        SimClient.Response cart = api.client("func", "service.prolong", "elid", elid, "period", "1", "sok", "ok");
        assertTrue(!cart.x("/doc/doc/billorder").isEmpty(), cart.body());
        assertEquals(license.expireDate(), now(license).expireDate());
    }

    @Test
    void aHostingRenewalResumesAnExpiredSuspendedServiceButNotAnActiveOnesNeighbour() {
        billmgr.settings().copyFrom(new SimSettings().setClockStart(TestSupport.START));
        SimService expired = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        billmgr.state().updateService(expired.id(), b -> b.status(SimService.STATUS_SUSPENDED)
                .expireDate(TestSupport.TODAY.minusDays(3)));
        SimService suspendedInTime = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        billmgr.state().setStatus(suspendedInTime.id(), SimService.STATUS_SUSPENDED);
        assertTrue(api.client("func", "service.prolong", "elid", expired.id() + ", " + suspendedInTime.id(),
                "period", "1", "sok", "ok", "skipbasket", "on").ok());
        assertEquals(SimService.STATUS_ACTIVE, now(expired).status());
        // suspended for another reason while paid up: a renewal does not lift that
        assertEquals(SimService.STATUS_SUSPENDED, now(suspendedInTime).status());

        billmgr.settings().setRenewalResumesExpired(false);
        SimService another = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        billmgr.state().updateService(another.id(), b -> b.status(SimService.STATUS_SUSPENDED)
                .expireDate(TestSupport.TODAY.minusDays(3)));
        assertTrue(api.client("func", "service.prolong", "elid", String.valueOf(another.id()), "period", "1",
                "sok", "ok", "skipbasket", "on").ok());
        assertEquals(SimService.STATUS_SUSPENDED, now(another).status());
    }
}

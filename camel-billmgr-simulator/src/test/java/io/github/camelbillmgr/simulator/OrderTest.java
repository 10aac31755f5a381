package io.github.camelbillmgr.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final SimClient api = new SimClient(billmgr.simulator());

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void skipbasketOrderChargesAndCreatesAnActiveService() {
        SimClient.Response r = api.client("func", "v2.vds.order.param", "pricelist", "6", "order_period", "3",
                "datacenter", "2", "ostempl", "ISPsystem__Ubuntu-22.04-amd64", "recipe", "lamp", "addon_11", "2048",
                "autoprolong", "3", "remoteid", "r-42", "comment", "hello", "skipbasket", "on", "sok", "ok");
        assertTrue(r.ok(), r.body());
        long id = Long.parseLong(r.x("/doc/id"));
        assertEquals(id, Long.parseLong(r.x("/doc/item.id")));
        SimService service = billmgr.state().service(id).orElseThrow();
        assertEquals(SimService.STATUS_ACTIVE, service.status());
        assertEquals(TestSupport.TODAY.plusMonths(3), service.expireDate());
        assertEquals(3, service.autoprolong());
        assertEquals("r-42", service.remoteId());
        assertEquals("lamp", service.recipe());
        assertEquals(2, service.datacenter());
        assertEquals("2048", service.addons().get(11));
        // 15.00 for three months plus 1024 extra MB at 0.005 per month for three months
        assertEquals(0, eur("30.36").compareTo(service.cost()), service.cost().toString());
        assertEquals(0, eur("969.64").compareTo(billmgr.state().balance(BillmgrSimulator.CLIENT_USER)));
    }

    @Test
    void notEnoughMoneyCarriesAllParamsAndCreatesNothing() {
        billmgr.state().setBalance(BillmgrSimulator.CLIENT_USER, eur("3.00"));
        billmgr.state().setCreditLimit(BillmgrSimulator.CLIENT_USER, eur("1.00"));
        SimClient.Response r = api.client("func", "v2.vds.order.param", "pricelist", "6", "order_period", "1",
                "skipbasket", "on", "sok", "ok");
        assertEquals("not_enough_money", r.errorType());
        assertEquals("5.00", r.x("/doc/error/param[@name='amount']"));
        assertEquals("3.00", r.x("/doc/error/param[@name='have']"));
        assertEquals("EUR", r.x("/doc/error/param[@name='currency']"));
        assertEquals("1.00", r.x("/doc/error/param[@name='deficit']"));
        assertEquals("1.00", r.x("/doc/error/param[@name='limit']"));
        assertEquals("0.00", r.x("/doc/error/param[@name='reserved']"));
        assertEquals("4.00", r.x("/doc/error/param[@name='available']"));
        assertTrue(r.x("/doc/error/msg").contains("5.00 EUR"), r.x("/doc/error/msg"));
        assertEquals(0, billmgr.state().serviceCount());
        assertEquals(0, eur("3.00").compareTo(billmgr.state().balance(BillmgrSimulator.CLIENT_USER)));
    }

    @Test
    void withoutSkipbasketTheOrderWaitsInTheCartUntilPaid() {
        SimClient.Response r = api.client("func", "vds.order.param", "pricelist", "7", "period", "1", "sok", "ok");
        assertEquals("5001", r.x("/doc/billorder"));
        SimService ordered = billmgr.state().servicesOf("vds").get(0);
        assertEquals(SimService.STATUS_ORDERED, ordered.status());
        assertNull(ordered.expireDate());
        assertEquals(1, billmgr.state().cartItems(BillmgrSimulator.CLIENT_USER).size());
        assertEquals("10.00", api.client("func", "basket").x("/doc/total"));

        assertTrue(api.client("func", "basket", "sok", "ok").ok());
        SimService paid = billmgr.state().service(ordered.id()).orElseThrow();
        assertEquals(SimService.STATUS_ACTIVE, paid.status());
        assertEquals(TestSupport.TODAY.plusMonths(1), paid.expireDate());
        assertEquals(0, eur("990.00").compareTo(billmgr.state().balance(BillmgrSimulator.CLIENT_USER)));
        assertTrue(billmgr.state().cartItems(BillmgrSimulator.CLIENT_USER).isEmpty());
    }

    @Test
    void formWithoutSokListsChoicesDependsAndAddons() {
        SimClient.Response form = api.client("func", "v2.vds.order.param", "pricelist", "6", "addon_13", "2");
        assertEquals(0, form.count("/doc/ok"));
        assertEquals("1", form.x("/doc/order_period"));
        assertEquals(4, form.count("/doc/slist[@name='order_period']/val"));
        assertEquals("ISPsystem__Ubuntu-22.04-amd64", form.x("/doc/slist[@name='recipe']/val[@key='lamp']/@depend"));
        assertEquals(3, form.count("/doc/slist[@name='ostempl']/val"));
        assertEquals("1024", form.x("/doc/addon_11"));
        assertEquals("2", form.x("/doc/addon_13"));
        assertEquals("RAM, MB", form.x("/doc/list[@name='addon']/elem[id='11']/name"));
        assertEquals("512", form.x("/doc/list[@name='addon']/elem[id='11']/min"));
        assertEquals("7.00", form.x("/doc/cost"));
        assertEquals("1", api.client("func", "vds.order.param", "pricelist", "6").x("/doc/period"));
        assertEquals(0, billmgr.state().serviceCount());
    }

    @Test
    void invalidValuesNameTheField() {
        assertEquals("period", api.client("func", "v2.vds.order.param", "pricelist", "6", "order_period", "2",
                "sok", "ok", "skipbasket", "on").errorObject());
        SimClient.Response badTariff = api.client("func", "v2.vds.order.param", "pricelist", "55163", "sok", "ok");
        assertEquals("value", badTariff.errorType());
        assertEquals("pricelist", badTariff.errorObject());
        assertEquals("pricelist", api.client("func", "v2.vds.order.param", "sok", "ok").errorObject());
        assertEquals("missed", api.client("func", "v2.vds.order.param", "sok", "ok").errorType());
        assertEquals("recipe", api.client("func", "v2.vds.order.param", "pricelist", "6",
                "ostempl", "ISPsystem__CentOS-7-amd64", "recipe", "lamp", "sok", "ok").errorObject());
        assertEquals("addon_26", api.client("func", "v2.vds.order.param", "pricelist", "6", "addon_26", "1",
                "sok", "ok").errorObject());
        assertEquals("addon_11", api.client("func", "v2.vds.order.param", "pricelist", "6", "addon_11", "99999",
                "sok", "ok").errorObject());
        assertEquals("ostempl", api.client("func", "v2.vds.order.param", "pricelist", "6", "ostempl", "Win",
                "sok", "ok").errorObject());
        billmgr.settings().setInvalidValueErrorType("invalid");
        assertEquals("invalid", api.client("func", "v2.vds.order.param", "pricelist", "6", "order_period", "2",
                "sok", "ok").errorType());
        assertEquals(0, billmgr.state().serviceCount());
    }

    @Test
    void licensesNeedFinishAndTrialsAreFreeForFourteenDays() {
        SimClient.Response form = api.client("func", "platform.order.param", "pricelist", "55163", "period", "-100",
                "sok", "ok", "skipbasket", "on");
        assertEquals(0, form.count("/doc/ok"));
        assertEquals("-100", form.x("/doc/period"));

        SimClient.Response trial = api.client("func", "platform.order.param", "pricelist", "55163", "period", "-100",
                "addon_55165", "2", "clicked_button", "finish", "skipbasket", "on", "sok", "ok");
        SimService license = billmgr.state().service(Long.parseLong(trial.x("/doc/id"))).orElseThrow();
        assertTrue(license.trial());
        assertEquals(TestSupport.TODAY.plusDays(14), license.expireDate());
        assertEquals("2", license.addons().get(55165));
        assertTrue(license.lickey() != null && license.lickey().length() >= 16);
        assertEquals(0, eur("1000.00").compareTo(billmgr.state().balance(BillmgrSimulator.CLIENT_USER)));

        assertEquals("period", api.client("func", "v2.vds.order.param", "pricelist", "6", "order_period", "-100",
                "sok", "ok").errorObject());

        SimClient.Response paid = api.client("func", "platform.order.param", "pricelist", "55163", "period", "12",
                "addon_55165", "2", "clicked_button", "finish", "skipbasket", "on", "sok", "ok");
        assertTrue(paid.ok(), paid.body());
        // 129.60 for the year plus one node above the included one at 10.00 per month
        assertEquals(0, eur("750.40").compareTo(billmgr.state().balance(BillmgrSimulator.CLIENT_USER)));
    }

    @Test
    void periodSpellingsAndKeyvalueFollowThePrecedence() {
        api.client("func", "vds.order.param", "keyvalue", "6_2", "period_6", "6", "sok", "ok", "skipbasket", "on");
        SimService first = billmgr.state().servicesOf("vds").get(0);
        assertEquals(6, first.period());
        assertEquals(2, first.datacenter());

        api.client("func", "v2.vds.order.param", "pricelist", "6", "period", "3", "order_period", "12",
                "sok", "ok", "skipbasket", "on");
        assertEquals(12, billmgr.state().servicesOf("vds").get(1).period());

        billmgr.settings().setPeriodPrecedence(List.of("period", "order_period", "period_<pricelist>"));
        api.client("func", "v2.vds.order.param", "pricelist", "6", "period", "3", "order_period", "12",
                "sok", "ok", "skipbasket", "on");
        assertEquals(3, billmgr.state().servicesOf("vds").get(2).period());
    }

    @Test
    void dragonOrdersGoToTheirOwnCart() {
        String body = SimClient.encode("func", "v2.vds.order.param", "pricelist", "6", "order_period", "1",
                "theme", "dragon", "clicked_button", "finish", "sok", "ok", "authinfo", SimClient.CLIENT_AUTHINFO);
        HttpRequest.Builder noAgreement = HttpRequest.newBuilder(URI.create(api.root() + "/billmgr"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("ISP-Client", "Web-interface")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        assertEquals("licence_agreement", api.send(noAgreement).errorObject());

        HttpRequest.Builder agreed = HttpRequest.newBuilder(URI.create(api.root() + "/billmgr"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("ISP-Client", "Web-interface")
                .POST(HttpRequest.BodyPublishers.ofString(body + "&licence_agreement=on"));
        SimClient.Response r = api.send(agreed);
        assertTrue(r.ok(), r.body());
        assertEquals("9001", r.x("/doc/lineitem.id"));
        assertEquals(1, billmgr.state().dragonCartItems(BillmgrSimulator.CLIENT_USER).size());
        assertTrue(billmgr.state().cartItems(BillmgrSimulator.CLIENT_USER).isEmpty());

        // theme=dragon without the header is a classic order, and the header in the query only counts if allowed
        api.client("func", "v2.vds.order.param", "pricelist", "6", "theme", "dragon", "ISP-Client", "Web-interface",
                "sok", "ok");
        assertEquals(1, billmgr.state().cartItems(BillmgrSimulator.CLIENT_USER).size());
        billmgr.settings().setDragonHeaderInQuery(true);
        assertEquals("licence_agreement", api.client("func", "v2.vds.order.param", "pricelist", "6",
                "theme", "dragon", "ISP-Client", "Web-interface", "clicked_button", "finish", "sok", "ok")
                .errorObject());
    }

    @Test
    void processingStatusLastsForTheConfiguredClockTime() {
        billmgr.settings().setOrderProcessingSeconds(120);
        long id = Long.parseLong(api.client("func", "v2.vds.order.param", "pricelist", "6", "skipbasket", "on",
                "sok", "ok").x("/doc/id"));
        assertEquals("5", api.client("func", "vds").x("/doc/elem/status"));
        billmgr.simulator().clock().advance(Duration.ofSeconds(121));
        assertEquals("2", api.client("func", "vds").x("/doc/elem/status"));
        assertEquals(SimService.STATUS_ACTIVE, billmgr.state().service(id).orElseThrow().status());
    }

    @Test
    void remoteIdUniquenessAndDatacenterRequirementAreSettings() {
        String[] order = { "func", "v2.vds.order.param", "pricelist", "6", "remoteid", "dup", "skipbasket", "on",
                "sok", "ok" };
        assertTrue(api.client(order).ok());
        assertTrue(api.client(order).ok());
        billmgr.settings().setRemoteIdUnique(true);
        SimClient.Response dup = api.client(order);
        assertEquals("exists", dup.errorType());
        assertEquals("remoteid", dup.errorObject());

        billmgr.settings().setDatacenterRequired(true);
        SimClient.Response noDc = api.client("func", "v2.vds.order.param", "pricelist", "6", "sok", "ok");
        assertEquals("missed", noDc.errorType());
        assertEquals("datacenter", noDc.errorObject());
    }

    @Test
    void lowBalanceLeftoverCanPutTheOrderInTheCart() {
        billmgr.state().setBalance(BillmgrSimulator.CLIENT_USER, BigDecimal.ZERO);
        billmgr.settings().setLowBalanceLeftover(SimSettings.LowBalanceLeftover.CART);
        assertEquals("not_enough_money", api.client("func", "v2.vds.order.param", "pricelist", "6",
                "skipbasket", "on", "sok", "ok").errorType());
        assertEquals(1, billmgr.state().cartItems(BillmgrSimulator.CLIENT_USER).size());
        assertEquals(SimService.STATUS_ORDERED, billmgr.state().services().get(0).status());
    }

    @Test
    void catalogueListsDatacentersAndTariffsWithPrices() {
        SimClient.Response r = api.client("func", "v2.vds.order.pricelist");
        assertEquals("Moscow", r.x("/doc/slist[@name='datacenter']/val[@key='1']"));
        assertEquals(2, r.count("/doc/list[@name='pricelist']/elem"));
        assertEquals("VDS-1", r.x("/doc/list/elem[id='6']/title"));
        assertEquals("54.00", r.x("/doc/list/elem[id='6']/prices/price[period='12']/cost"));

        SimClient.Response export = api.get("/billmgr", "func", "pricelist.export", "itemtype", "platform",
                "project", "1", "onlyavailable", "yes");
        assertEquals(2, export.count("/doc/elem"));
        assertEquals("VMmanager 6", export.x("/doc/elem[id='55163']/name"));
        assertEquals("Nodes", export.x("/doc/elem[id='55163']/addon[id='55165']/name"));
    }

    @Test
    void basketDeleteDropsTheLineAndTheOrderedService() {
        api.client("func", "v2.vds.order.param", "pricelist", "6", "sok", "ok");
        api.client("func", "v2.vds.order.param", "pricelist", "7", "sok", "ok");
        SimClient.Response basket = api.client("func", "basket");
        assertEquals(2, basket.count("/doc/elem"));
        assertEquals("15.00", basket.x("/doc/total"));
        assertTrue(api.client("func", "basket.delete", "elid", basket.x("/doc/elem[1]/id")).ok());
        assertEquals(SimService.STATUS_DELETED, billmgr.state().service(1001).orElseThrow().status());
        assertEquals("10.00", api.client("func", "basket").x("/doc/total"));
        assertEquals("missed", api.client("func", "basket.delete", "elid", "1").errorType());
    }
}

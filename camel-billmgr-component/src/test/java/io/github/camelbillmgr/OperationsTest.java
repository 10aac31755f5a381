package io.github.camelbillmgr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.model.BillmgrCatalog;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.model.BillmgrProlongResult;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.RecordedRequest;
import io.github.camelbillmgr.simulator.model.SimService;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation, in json and xml, with authinfo and with sessions, checked against the simulator's state.
 */
class OperationsTest extends BillmgrTestSupport {

    private BigDecimal clientBalance() {
        return simulator.state().balance(BillmgrSimulator.CLIENT_USER);
    }

    @ParameterizedTest
    @MethodSource("modes")
    void orderPaidAtOnceCreatesTheServiceAndCharges(String mode) {
        BigDecimal before = clientBalance();
        Exchange e = send("billmgr:vds/order?pricelist=6&period=3&ostempl=ISPsystem__Ubuntu-22.04-amd64&addon.11=2048"
                + "&autoprolong=1&comment=first&" + mode,
                Map.of(BillmgrConstants.REMOTE_ID, "crm-42", "MyHeader", "kept"));
        assertNull(e.getException(), () -> "failed: " + e.getException());
        BillmgrOrderResult result = e.getMessage().getBody(BillmgrOrderResult.class);
        assertNotNull(result.getServiceId());
        assertFalse(result.isInCart());
        assertEquals(result.getServiceId(), e.getMessage().getHeader(BillmgrConstants.SERVICE_ID));
        assertEquals("v2.vds.order.param", e.getMessage().getHeader(BillmgrConstants.FUNC));
        assertEquals("kept", e.getMessage().getHeader("MyHeader"), "incoming headers are kept");

        SimService s = service(result.getServiceId());
        assertEquals(2, s.status());
        assertEquals("crm-42", s.remoteId());
        assertEquals("2048", s.addons().get(11));
        assertEquals(Integer.valueOf(1), s.autoprolong());
        assertEquals(3, s.period());
        assertTrue(clientBalance().compareTo(before) < 0, "the order was charged");

        RecordedRequest order = lastRequest("v2.vds.order.param");
        assertEquals("POST", order.method());
        assertNull(order.rawQuery(), "nothing in the query string");
        assertEquals("on", order.param("skipbasket"));
        assertEquals("3", order.param("order_period"));
        assertEquals("ok", order.param("sok"));
    }

    @org.junit.jupiter.api.Test
    void orderHeadersWinOverTheOptions() {
        String uri = "billmgr:vds/order?pricelist=6&period=1&datacenter=1&ostempl=ISPsystem__Ubuntu-22.04-amd64"
                + "&recipe=lamp&domain=option.example.com";
        BillmgrOrderResult fromHeaders = call(uri, Map.of(BillmgrConstants.DATACENTER, 2,
                BillmgrConstants.OSTEMPL, "ISPsystem__Debian-12-amd64", BillmgrConstants.RECIPE, "docker",
                BillmgrConstants.DOMAIN, "header.example.com"), BillmgrOrderResult.class);
        SimService s = service(fromHeaders.getServiceId());
        assertEquals(Integer.valueOf(2), s.datacenter());
        assertEquals("ISPsystem__Debian-12-amd64", s.ostempl());
        assertEquals("docker", s.recipe());
        assertEquals("header.example.com", s.domain());

        BillmgrOrderResult fromOptions = call(uri, Map.of(BillmgrConstants.OSTEMPL, ""), BillmgrOrderResult.class);
        SimService o = service(fromOptions.getServiceId());
        assertEquals(Integer.valueOf(1), o.datacenter());
        assertEquals("ISPsystem__Ubuntu-22.04-amd64", o.ostempl(), "an empty header leaves the option");
        assertEquals("lamp", o.recipe());
        assertEquals("option.example.com", o.domain());

        BigDecimal before = clientBalance();
        BillmgrOrderResult cart = call(uri, Map.of(BillmgrConstants.SKIP_BASKET, false), BillmgrOrderResult.class);
        assertTrue(cart.isInCart(), "CamelBillmgrSkipBasket=false over skipBasket=true");
        assertNull(lastRequest("v2.vds.order.param").param("skipbasket"));
        assertEquals(0, clientBalance().compareTo(before));
        BillmgrOrderResult paid = call(uri.replace("order?", "order?skipBasket=false&"),
                Map.of(BillmgrConstants.SKIP_BASKET, "TRUE"), BillmgrOrderResult.class);
        assertFalse(paid.isInCart(), "and true over skipBasket=false");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void orderWithoutSkipBasketGoesToTheCart(String mode) {
        BigDecimal before = clientBalance();
        BillmgrOrderResult result = call("billmgr:vds/order?pricelist=6&period=1&skipBasket=false&" + mode, null,
                BillmgrOrderResult.class);
        assertTrue(result.isInCart());
        assertNotNull(result.getBillorder());
        assertNull(result.getServiceId());
        assertEquals(0, clientBalance().compareTo(before), "a cart order is not charged");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void prolongMovesTheExpireDate(String mode) {
        long id = orderVds(null);
        LocalDate before = service(id).expireDate();
        Exchange e = send("billmgr:vds/prolong?period=3&" + mode, Map.of(BillmgrConstants.SERVICE_ID, id));
        assertNull(e.getException(), () -> "failed: " + e.getException());
        BillmgrProlongResult r = e.getMessage().getBody(BillmgrProlongResult.class);
        LocalDate after = service(id).expireDate();
        assertEquals(before.plusMonths(3), after);
        assertEquals(after, r.getNewExpireDate());
        assertEquals(after, e.getMessage().getHeader(BillmgrConstants.EXPIRE_DATE));
        assertEquals("service.prolong", e.getMessage().getHeader(BillmgrConstants.FUNC));
    }

    @ParameterizedTest
    @MethodSource("modes")
    void prolongSeveralServicesThroughGroupedit(String mode) {
        long a = orderVds(null);
        long b = orderVds(null);
        LocalDate ea = service(a).expireDate();
        LocalDate eb = service(b).expireDate();
        BillmgrProlongResult r = call("billmgr:vds/prolong?period=1&" + mode,
                Map.of(BillmgrConstants.SERVICE_ID, List.of(a, b)), BillmgrProlongResult.class);
        assertEquals(List.of(a, b), r.getServiceIds());
        assertEquals(ea.plusMonths(1), service(a).expireDate());
        assertEquals(eb.plusMonths(1), service(b).expireDate());
        RecordedRequest group = lastRequest("groupedit");
        assertEquals("service.prolong", group.param("faction"));
        assertEquals(a + ", " + b, group.param("elid"));
    }

    @ParameterizedTest
    @MethodSource("modes")
    void editSwitchesAutoRenewalOnAndOffAndGetReadsIt(String mode) {
        long id = orderVds(null);
        call("billmgr:vds/edit?autoprolong=12&" + mode, Map.of(BillmgrConstants.SERVICE_ID, id), JsonNode.class);
        assertEquals(Integer.valueOf(12), service(id).autoprolong());
        BillmgrService on = call("billmgr:vds/get?" + mode, Map.of(BillmgrConstants.SERVICE_ID, id),
                BillmgrService.class);
        assertEquals(Integer.valueOf(12), on.getAutoprolong());
        assertEquals(id, on.getId());
        assertEquals(BillmgrServiceStatus.ACTIVE, on.getStatus());

        call("billmgr:vds/edit?" + mode, Map.of(BillmgrConstants.SERVICE_ID, id, BillmgrConstants.AUTOPROLONG, "off"),
                JsonNode.class);
        assertNull(service(id).autoprolong());
        assertEquals("null", lastRequest("vds.edit").param("autoprolong"));
        BillmgrService off = call("billmgr:vds/get?" + mode, Map.of(BillmgrConstants.SERVICE_ID, id),
                BillmgrService.class);
        assertFalse(off.isAutoprolongEnabled());
        assertEquals(service(id).expireDate(), off.getExpireDate());
    }

    @ParameterizedTest
    @MethodSource("modes")
    void listFollowsEveryPage(String mode) {
        for (int i = 0; i < 25; i++) {
            orderVds("remoteId=r" + i);
        }
        simulator.clearRequests();
        Exchange e = send("billmgr:vds/list?pageSize=10&" + mode, null);
        assertNull(e.getException(), () -> "failed: " + e.getException());
        @SuppressWarnings("unchecked")
        List<BillmgrService> services = e.getMessage().getBody(List.class);
        assertEquals(25, services.size());
        assertEquals(25L, ((Number) e.getMessage().getHeader(BillmgrConstants.TOTAL_COUNT)).longValue());
        assertEquals(25, services.stream().map(BillmgrService::getRemoteId).distinct().count());
        BillmgrService first = services.get(0);
        assertEquals("vds", first.getItemType());
        assertEquals(BillmgrServiceStatus.ACTIVE, first.getStatus());
        assertNotNull(first.getExpireDate());
        assertNotNull(first.getCost());
        assertNotNull(first.getColumn("item_status"));
        assertEquals(3, simulator.requests().stream().filter(r -> "vds".equals(r.func())).count(),
                "three pages of 10");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void listReadsOnWhenTheServerSendsSmallerPagesThanAsked(String mode) {
        simulator.state().addServices("vds", BillmgrSimulator.CLIENT_USER, 6, 25);
        simulator.settings().setMaxPageSize(10);
        simulator.clearRequests();
        @SuppressWarnings("unchecked")
        List<BillmgrService> services = call("billmgr:vds/list?pageSize=100&" + mode, null, List.class);
        assertEquals(25, services.size(), "p_elems says 25: a page of 10 is not the last");
        assertEquals(25, services.stream().map(BillmgrService::getId).distinct().count());
        assertEquals(3, simulator.requests().stream().filter(r -> "vds".equals(r.func())).count());

        java.util.Iterator<?> lazy = call("billmgr:vds/list?outputType=iterator&pageSize=100&" + mode, null,
                java.util.Iterator.class);
        int count = 0;
        while (lazy.hasNext()) {
            lazy.next();
            count++;
        }
        assertEquals(25, count, "the iterator too");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void listFiltersByStatusAndColumn(String mode) {
        long a = orderVds("remoteId=keep");
        orderVds("remoteId=other");
        simulator.state().setStatus(a, 3);
        @SuppressWarnings("unchecked")
        List<BillmgrService> suspended = call("billmgr:vds/list?status=suspended&" + mode, null, List.class);
        assertEquals(1, suspended.size());
        assertEquals(a, suspended.get(0).getId());
        assertEquals("on", lastRequest("vds").param("filter"));
        assertEquals("3", lastRequest("vds").param("status"));
        @SuppressWarnings("unchecked")
        List<BillmgrService> byRemote = call("billmgr:vds/list?filter.remoteid=other&" + mode, null, List.class);
        assertEquals(1, byRemote.size());
        assertEquals("other", byRemote.get(0).getRemoteId());
    }

    @ParameterizedTest
    @MethodSource("modes")
    void licenseSuspendResumeDeleteAsAdmin(String mode) {
        BillmgrOrderResult license = call(ADMIN + ":platform/order?pricelist=55163&period=1&addon.55165=1&" + mode,
                null, BillmgrOrderResult.class);
        long id = license.getServiceId();
        assertEquals("platform.order.param", lastRequest("platform.order.param").func());
        assertEquals("finish", lastRequest("platform.order.param").param("clicked_button"));
        call(ADMIN + ":platform/edit?" + mode,
                Map.of(BillmgrConstants.SERVICE_ID, id, BillmgrConstants.ADDONS, Map.of(55165, 3)), JsonNode.class);
        assertEquals("3", service(id).addons().get(55165));
        call(ADMIN + ":platform/suspend?" + mode, Map.of(BillmgrConstants.SERVICE_ID, id), JsonNode.class);
        assertEquals(3, service(id).status());
        call(ADMIN + ":platform/resume?" + mode, Map.of(BillmgrConstants.SERVICE_ID, id), JsonNode.class);
        assertEquals(2, service(id).status());
        call(ADMIN + ":platform/delete?" + mode, Map.of(BillmgrConstants.SERVICE_ID, id), JsonNode.class);
        assertEquals(4, service(id).status());
    }

    @ParameterizedTest
    @MethodSource("modes")
    void trialLicenseWithPeriodMinus100(String mode) {
        BigDecimal before = clientBalance();
        BillmgrOrderResult trial = call("billmgr:platform/order?pricelist=55163&" + mode,
                Map.of(BillmgrConstants.PERIOD, -100), BillmgrOrderResult.class);
        SimService s = service(trial.getServiceId());
        assertTrue(s.trial());
        assertEquals("-100", lastRequest("platform.order.param").param("period"));
        assertEquals(0, clientBalance().compareTo(before), "a trial costs nothing");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void pricelistReadsTariffsDatacentersAndTheOrderForm(String mode) {
        BillmgrCatalog catalog = call("billmgr:vds/pricelist?pricelist=6&" + mode, null, BillmgrCatalog.class);
        assertTrue(catalog.tariffs().stream().anyMatch(t -> "6".equals(t.id())), catalog.tariffs().toString());
        assertFalse(catalog.tariffs().get(0).prices().isEmpty());
        assertFalse(catalog.datacenters().isEmpty());
        assertTrue(catalog.osTemplates().stream().anyMatch(o -> "ISPsystem__Ubuntu-22.04-amd64".equals(o.key())));
        assertTrue(catalog.recipes().stream().anyMatch(r -> r.depend() != null));
        assertTrue(catalog.addons().stream().anyMatch(a -> a.id() == 11), catalog.addons().toString());
    }

    @ParameterizedTest
    @MethodSource("modes")
    void funcCallsAnyFunctionAndReturnsTheNormalisedDocument(String mode) {
        JsonNode whoami = call("billmgr:func/whoami?" + mode, null, JsonNode.class);
        assertTrue(whoami.has("doc"), whoami.toString());
        assertTrue(whoami.toString().contains(BillmgrSimulator.CLIENT_USER), whoami.toString());
        long id = orderVds(null);
        JsonNode history = call("billmgr:func/service.history?" + mode, Map.of(BillmgrConstants.SERVICE_ID, id),
                JsonNode.class);
        assertTrue(history.get("doc").has("elem"), history.toString());
        assertTrue(history.at("/doc/elem").isArray(), "collections are always arrays");
        assertEquals(String.valueOf(id), lastRequest("service.history").param("elid"));
    }

    @ParameterizedTest
    @MethodSource("modes")
    void unknownServiceIsAnApiError(String mode) {
        BillmgrApiException e
                = failure("billmgr:vds/prolong?period=1&" + mode, Map.of(BillmgrConstants.SERVICE_ID, 999999),
                        BillmgrApiException.class);
        assertEquals("missed", e.getType());
        assertEquals("service.prolong", e.getFunc());
        assertTrue(e.getMessage().contains("service.prolong"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("modes")
    void notEnoughMoneyCarriesAmountDeficitAndCurrency(String mode) {
        simulator.state().setBalance(BillmgrSimulator.CLIENT_USER, new BigDecimal("1.00"));
        BillmgrInsufficientFundsException e = failure("billmgr:vds/order?pricelist=6&period=12&" + mode, null,
                BillmgrInsufficientFundsException.class);
        assertEquals("not_enough_money", e.getType());
        assertNotNull(e.getAmount());
        assertEquals(0, e.getAmount().subtract(new BigDecimal("1.00")).compareTo(e.getDeficit()));
        assertEquals("EUR", e.getCurrency());
        assertEquals(0, simulator.state().servicesOf("vds").size(), "nothing was ordered");
    }

    private RecordedRequest lastRequest(String func) {
        List<RecordedRequest> all = simulator.requests();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (func.equals(all.get(i).func())) {
                return all.get(i);
            }
        }
        throw new AssertionError("no request for func " + func + " in " + all.size() + " requests");
    }
}

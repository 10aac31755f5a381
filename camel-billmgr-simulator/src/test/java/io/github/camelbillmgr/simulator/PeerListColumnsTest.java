package io.github.camelbillmgr.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 (4, 9): list rows carry what clients written for the real server read of every row, and a client may
 * filter its own list by its account.
 */
class PeerListColumnsTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final SimClient api = new SimClient(billmgr.simulator());

    /** Rows of a list answer in json, one or many. */
    private static List<JsonNode> rows(JsonNode doc) {
        JsonNode elem = doc.at("/doc/elem");
        List<JsonNode> rows = new ArrayList<>();
        if (elem.isArray()) {
            elem.forEach(rows::add);
        } else if (elem.isObject()) {
            rows.add(elem);
        }
        return rows;
    }

    @Test
    void everySeededRowHasCreatedateDomainNameAndIp() {
        String client = BillmgrSimulator.CLIENT_USER;
        for (String type : List.of("vds", "dedic", "vhost", "soft", "platform")) {
            billmgr.state().addService(SimService.builder(type, client));
        }
        billmgr.state().addService(SimService.builder("soft", client).licname("shop-license"));
        for (String type : List.of("vds", "dedic", "vhost", "soft", "platform")) {
            List<JsonNode> rows = rows(api.client("func", type, "out", "json").json());
            assertFalse(rows.isEmpty(), type);
            for (JsonNode row : rows) {
                for (String column : List.of("createdate", "domain", "name", "ip")) {
                    assertTrue(row.path(column).path("$").isTextual(), type + " row without " + column + ": " + row);
                }
                assertEquals(TestSupport.TODAY.toString(), row.at("/createdate/$").asText());
            }
        }
        JsonNode vds = rows(api.client("func", "vds", "out", "json").json()).get(0);
        assertEquals("Moscow", vds.at("/datacentername/$").asText());
        assertEquals("Moscow", vds.at("/datacenter/$").asText());
        assertEquals(vds.at("/domain/$").asText(), vds.at("/name/$").asText());
        List<String> licenseNames = new ArrayList<>();
        rows(api.client("func", "soft", "out", "json").json()).forEach(r -> licenseNames.add(r.at("/name/$").asText()));
        assertTrue(licenseNames.contains("shop-license"), licenseNames.toString());
    }

    @Test
    void aClientFiltersItsOwnListByItsAccountName() {
        billmgr.state().createClient("other@example.com", "Other-Pass-1", "Other Ltd (other@example.com)",
                new java.math.BigDecimal("10"));
        TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        TestSupport.activeVds(billmgr.simulator(), "other@example.com");

        SimClient.Response own = api.client("func", "vds", "filter", "on", "account", BillmgrSimulator.CLIENT_ACCOUNT);
        assertEquals("2", own.x("/doc/p_elems"), own.body());
        String accountId = api.client("func", "whoami").x("/doc/user/@account_id");
        assertEquals("2", api.client("func", "vds", "filter", "on", "account_id", accountId).x("/doc/p_elems"));

        SimClient.Response foreign = api.client("func", "vds", "filter", "on", "account",
                "Other Ltd (other@example.com)");
        assertEquals("0", foreign.x("/doc/p_elems"), foreign.body());
        // the admin's filter by account is unchanged
        assertEquals("1", api.admin("func", "vds", "filter", "on", "account", "Other Ltd (other@example.com)")
                .x("/doc/p_elems"));
    }
}

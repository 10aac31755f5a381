package io.github.camelbillmgr.simulator;

import io.github.camelbillmgr.simulator.model.SimService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12 (1): no request gets an empty reply; a simulator bug is a 500 with a text body, and serving goes on. */
class RobustnessTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private final SimClient api = new SimClient(billmgr.simulator());

    @Test
    void aRequestWithoutFuncGetsAnErrorDocument() {
        SimClient.Response none = api.client("out", "xml");
        assertEquals(200, none.status());
        assertEquals("missed", none.errorType(), none.body());
        assertEquals("func", none.errorObject());

        SimClient.Response empty = api.client("func", "", "out", "json");
        assertEquals(200, empty.status());
        assertEquals("missed", empty.json().at("/doc/error/$type").asText(), empty.body());

        SimClient.Response get = api.get("/billmgr");
        assertEquals(200, get.status());
        assertEquals("access", get.errorType(), get.body());
    }

    @Test
    void aRawRequestWithoutFuncIsAnsweredNotDropped() {
        RawHttp.Received received = RawHttp.post(billmgr.port(), "out=xml&authinfo="
                + SimClient.encode("x", SimClient.CLIENT_AUTHINFO).substring(2), 2000);
        assertTrue(received.head().startsWith("HTTP/1.1 200"), received.text());
        assertTrue(received.text().contains("<error type=\"missed\""), received.text());
    }

    @Test
    void anUnexpectedExceptionIsA500WithATextBodyAndTheServerGoesOn() {
        SimService vds = TestSupport.activeVds(billmgr.simulator(), BillmgrSimulator.CLIENT_USER);
        // an add-on value the tariff's price arithmetic cannot read: the renewal form's cost fails inside the engine
        billmgr.state().updateService(vds.id(), b -> b.addon(11, "lots"));
        SimClient.Response broken = api.client("func", "service.prolong", "elid", String.valueOf(vds.id()));
        assertEquals(500, broken.status());
        assertTrue(broken.contentType().startsWith("text/plain"), broken.contentType());
        assertTrue(broken.body().startsWith("simulator failure: NumberFormatException"), broken.body());

        assertEquals("client@example.com", api.client("func", "whoami").x("/doc/user/@name"));
    }
}

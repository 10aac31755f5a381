package io.github.camelbillmgr;

import java.util.HashMap;
import java.util.Map;

import io.github.camelbillmgr.secrets.ExchangeExceptionScanner;
import io.github.camelbillmgr.secrets.SecretLeaks;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.settings.SimSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the component against a real BILLmanager simulator on loopback. The {@code billmgr} component is logged in as
 * the seed's client, the {@value #ADMIN} component as its administrator: credentials are component options, never
 * part of an endpoint URI (Camel shows endpoint URIs as written in places such as TRACE logs and route dumps).
 * Exchange exceptions are scanned for secrets, like everything else the tests print (see
 * {@link io.github.camelbillmgr.secrets.SecretLeakExtension}).
 */
public abstract class BillmgrTestSupport extends CamelTestSupport {

    /** The scheme of a second billmgr component, logged in as the simulator's administrator. */
    protected static final String ADMIN = "billmgr-admin";

    protected static BillmgrSimulator simulator;
    /** The settings the simulator started with: each test starts from them, whatever the last one changed. */
    private static SimSettings initialSettings;

    @BeforeAll
    static void startSimulator() {
        simulator = new BillmgrSimulator().start();
        initialSettings = simulator.settings().copy();
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Override
    protected void doPreSetup() throws Exception {
        simulator.reset();
        simulator.settings().copyFrom(initialSettings);
        super.doPreSetup();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        conf.setBaseUrl(simulator.getBaseUrl());
        conf.setUsername(BillmgrSimulator.CLIENT_USER);
        conf.setPassword(BillmgrSimulator.CLIENT_PASSWORD);
        context.addComponent(ADMIN, component(BillmgrSimulator.ADMIN_USER, BillmgrSimulator.ADMIN_PASSWORD));
        context.getManagementStrategy().addEventNotifier(new ExchangeExceptionScanner());
        return context;
    }

    /** A billmgr component for the simulator, logged in as this user. */
    protected static BillmgrComponent component(String user, String password) {
        BillmgrComponent c = new BillmgrComponent();
        c.getConfiguration().setBaseUrl(simulator.getBaseUrl());
        c.getConfiguration().setUsername(user);
        c.getConfiguration().setPassword(password);
        return c;
    }

    /** Sends to the endpoint and returns the exchange, failed or not. */
    protected Exchange send(String uri, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            if (headers != null) {
                e.getMessage().setHeaders(new HashMap<>(headers));
            }
        });
        if (exchange.getException() != null) {
            SecretLeaks.check("exception of " + uri, exchange.getException());
        }
        return exchange;
    }

    /** Sends to the endpoint and returns the body, failing the test on an exception. */
    protected <T> T call(String uri, Map<String, Object> headers, Class<T> type) {
        Exchange e = send(uri, headers);
        if (e.getException() != null) {
            throw new AssertionError("exchange failed: " + e.getException(), e.getException());
        }
        return e.getMessage().getBody(type);
    }

    /** Sends to the endpoint and returns the exception it failed with, failing the test if it did not fail. */
    protected <T extends Throwable> T failure(String uri, Map<String, Object> headers, Class<T> type) {
        Exchange e = send(uri, headers);
        Throwable t = e.getException();
        if (t == null) {
            throw new AssertionError("expected " + type.getSimpleName() + " but the exchange succeeded with body "
                    + e.getMessage().getBody());
        }
        if (!type.isInstance(t)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + t, t);
        }
        return type.cast(t);
    }

    /** Orders a VPS as the client, paid at once, and returns its id. */
    protected long orderVds(String options) {
        var result = call("billmgr:vds/order?pricelist=6&period=1&ostempl=ISPsystem__Ubuntu-22.04-amd64"
                + (options == null ? "" : "&" + options),
                null, io.github.camelbillmgr.model.BillmgrOrderResult.class);
        return result.getServiceId();
    }

    /** The simulator's service with this id; fails the test when there is none. */
    protected static io.github.camelbillmgr.simulator.model.SimService service(long id) {
        return simulator.state().service(id).orElseThrow(() -> new AssertionError("no service " + id));
    }

    /** The combinations every operation is checked in. */
    public static java.util.stream.Stream<String> modes() {
        return java.util.stream.Stream.of("format=json&authMode=authinfo", "format=xml&authMode=authinfo",
                "format=json&authMode=session", "format=xml&authMode=session");
    }
}

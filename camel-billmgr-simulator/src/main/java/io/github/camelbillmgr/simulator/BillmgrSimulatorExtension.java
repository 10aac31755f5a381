package io.github.camelbillmgr.simulator;

import io.github.camelbillmgr.simulator.seed.SimSeed;

import io.github.camelbillmgr.simulator.settings.SimSettings;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running one simulator per test class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension();
 * </pre>
 *
 * Before each test the simulator is reset to its seed and its settings restored to those it
 * was created with, unless {@link #keepStateBetweenTests()} was called. Registered on an
 * instance field instead, it starts and stops around each test. Test and lifecycle methods may
 * also take a {@link BillmgrSimulator} parameter.
 */
public final class BillmgrSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final BillmgrSimulator simulator;
    private final SimSettings initialSettings;
    private boolean keepState;
    private int classScopes;
    private boolean startedForTest;

    public BillmgrSimulatorExtension() {
        this(new SimSettings());
    }

    public BillmgrSimulatorExtension(SimSettings settings) {
        this(settings, SimSeed.defaults());
    }

    public BillmgrSimulatorExtension(SimSettings settings, SimSeed seed) {
        this.simulator = new BillmgrSimulator(settings, seed);
        this.initialSettings = settings.copy();
    }

    /** Keeps accounts, services, sessions and settings from one test to the next. */
    public BillmgrSimulatorExtension keepStateBetweenTests() {
        keepState = true;
        return this;
    }

    public BillmgrSimulator simulator() {
        return simulator;
    }

    public String baseUrl() {
        return simulator.getBaseUrl();
    }

    public int port() {
        return simulator.getPort();
    }

    public SimState state() {
        return simulator.state();
    }

    public SimSettings settings() {
        return simulator.settings();
    }

    /** Counted, because @Nested classes run beforeAll/afterAll again inside the outer class. */
    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        classScopes++;
        simulator.start();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        classScopes--;
        if (classScopes <= 0) {
            classScopes = 0;
            simulator.stop();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (!simulator.isRunning()) {
            simulator.start();
            startedForTest = true;
        }
        if (!keepState) {
            simulator.settings().copyFrom(initialSettings);
            simulator.reset();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (startedForTest) {
            startedForTest = false;
            simulator.stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == BillmgrSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator;
    }
}

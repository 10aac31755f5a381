package io.github.camelbillmgr.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelbillmgr.simulator.BillmgrSimulator.ADMIN_PASSWORD;
import static io.github.camelbillmgr.simulator.BillmgrSimulator.ADMIN_USER;
import static io.github.camelbillmgr.simulator.BillmgrSimulator.CLIENT_PASSWORD;
import static io.github.camelbillmgr.simulator.BillmgrSimulator.CLIENT_USER;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs one workflow's routes (Java, YAML or XML) in the example's Camel Main ({@link ExampleMain}, the same setup
 * as {@link WorkflowsApplication}) against a BILLmanager simulator started for each test, with its files in a
 * temporary directory, the simulator's clock as the {@code billmgrClock} and short poll delays.
 */
abstract class WorkflowTestSupport {

    /** How long a test waits for something that takes milliseconds. */
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path workdir;

    BillmgrSimulator simulator;
    private Main main;

    @BeforeEach
    void startSimulator() {
        simulator = new BillmgrSimulator().start();
    }

    @AfterEach
    void stopAll() {
        stopCamel();
        simulator.stop();
    }

    /** The properties every workflow test uses: files under the temporary directory, polls every 100 ms. */
    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("example.workdir", workdir.toString());
        p.put("example.bulk.initialDelay", "0");
        p.put("example.bulk.delay", "100");
        p.put("example.bulk.readLockCheckInterval", "50");
        p.put("example.renewal.initialDelay", "0");
        p.put("example.renewal.delay", "100");
        p.put("example.changes.initialDelay", "0");
        p.put("example.changes.delay", "100");
        return p;
    }

    /** Starts Camel Main with the workflow's routes in the DSL (stopping the previous one: a restart). */
    CamelContext startCamel(Workflow workflow, Workflow.Dsl dsl, Map<String, String> properties) throws Exception {
        stopCamel();
        ExampleSettings settings = new ExampleSettings(simulator.getBaseUrl(), CLIENT_USER, CLIENT_PASSWORD,
                ADMIN_USER, ADMIN_PASSWORD);
        main = ExampleMain.create(settings, new SimulatorTimeClock(simulator));
        properties.forEach(main::addOverrideProperty);
        Workflow.addTo(main, dsl, workflow);
        main.start();
        return main.getCamelContext();
    }

    void stopCamel() {
        if (main != null) {
            main.stop();
            main = null;
        }
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    /** Waits (without a fixed sleep) until the condition holds, or fails with the message. */
    static void await(BooleanSupplier condition, Supplier<String> message) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + WAIT.toSeconds() + " s: " + message.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** How many times the simulator has been asked for a list (func=TYPE): one request per poll of a consumer. */
    long listCalls(String itemType) {
        return simulator.requests().stream().filter(r -> itemType.equals(r.func())).count();
    }

    /**
     * Waits until the billmgr consumer has made {@code polls} complete polls that started after this call: the
     * consumer polls one page per poll and one poll after the other, so once {@code polls + 1} more list requests
     * arrived, {@code polls} polls have been processed in full.
     */
    void awaitCompletePolls(String itemType, int polls) {
        long start = listCalls(itemType);
        await(() -> listCalls(itemType) >= start + polls + 1,
                () -> "expected " + (polls + 1) + " more polls of " + itemType + ", saw "
                        + (listCalls(itemType) - start));
    }

    /** Waits until a scheduled consumer (e.g. the file consumer of a route) has polled {@code polls} more times. */
    void awaitConsumerPolls(String routeId, int polls) {
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context().getRoute(routeId).getConsumer();
        long start = consumer.getCounter();
        await(() -> consumer.getCounter() >= start + polls + 1,
                () -> "expected " + (polls + 1) + " more polls of route " + routeId);
    }

    /** Writes a file into a directory the way a producer should: under another name, then renamed into place. */
    static Path drop(Path dir, String name, String content) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, content);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}

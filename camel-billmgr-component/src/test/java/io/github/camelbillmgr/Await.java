package io.github.camelbillmgr;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waiting for something that happens on another thread, without a fixed sleep. */
final class Await {

    /** Far more than anything here takes; only a broken test waits this long. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Await() {
    }

    /** Waits until the condition holds, or fails with the message. */
    static void until(BooleanSupplier condition, Supplier<String> message) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + TIMEOUT.toSeconds() + " s: " + message.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}

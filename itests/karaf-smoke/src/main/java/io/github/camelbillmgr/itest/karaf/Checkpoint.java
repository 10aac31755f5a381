package io.github.camelbillmgr.itest.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A point in the probe's scenario where it waits for the test to look at the simulator, so that the test sees an
 * intermediate state (a suspended license) in the simulator itself and not only the probe's word for it.
 *
 * <p>
 * Through files in the result's directory: the probe writes {@code checkpoint-NAME.properties} and waits; the test
 * reads it, records what it sees and deletes it; the probe then goes on. Both JVMs run on one machine.
 */
final class Checkpoint {

    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".properties";

    private Checkpoint() {
    }

    /** Probe side: announces {@code name} with {@code data} and blocks until the test has seen it. */
    static void reach(Path dir, String name, Properties data, Duration timeout)
            throws IOException, InterruptedException {
        Path file = dir.resolve(PREFIX + name + SUFFIX);
        write(file, data);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                Files.deleteIfExists(file);
                throw new IllegalStateException("the test did not take checkpoint " + name + " within "
                        + timeout.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Test side: hands every pending checkpoint to {@code seen} (name, data), then releases the probe. */
    static void take(Path dir, BiConsumer<String, Properties> seen) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                Properties data = new Properties();
                try (InputStream in = Files.newInputStream(f)) {
                    data.load(in);
                }
                try {
                    seen.accept(n.substring(PREFIX.length(), n.length() - SUFFIX.length()), data);
                } finally {
                    Files.delete(f);
                }
            }
        }
    }

    /** Deletes what an earlier run left. */
    static void clear(Path dir) throws IOException {
        take(dir, (n, d) -> {});
    }

    /** Written to a temporary file and moved, so the other side never reads half a file. */
    static void write(Path file, Properties data) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            data.store(os, "camel-billmgr Karaf smoke probe");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

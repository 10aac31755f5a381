package io.github.camelbillmgr.itest.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelbillmgr.itest.karaf.launch.KarafMain;

/**
 * One Karaf JVM, started directly (no bin/karaf script) so that its pid is this JVM's child and known.
 *
 * <ul>
 * <li>A fresh instance directory ({@code karaf.base}) per run; the unpacked distribution is only read.</li>
 * <li>No network listener: only the framework, the wrap handler and the probe are booted (no ssh, no JMX, no HTTP),
 * and the shutdown port is off. The probe's HTTP client connects to the simulator on 127.0.0.1.</li>
 * <li>Offline: Karaf's Maven resolver reads only the test's repository and Karaf's own system directory (unless
 * remote repositories are given: {@code -Pkaraf-it}).</li>
 * <li>Never left behind: {@link #close()} stops it (SIGTERM, then SIGKILL), a shutdown hook does the same if the test
 * JVM exits early, {@link KarafMain} exits when the test JVM disappears (its stdin pipe closes), and the pid file lets
 * the next run kill a Karaf that survived all of that.</li>
 * </ul>
 */
final class KarafProcess implements AutoCloseable {

    static final String PID_FILE = "karaf.pid";

    private final Path instance;
    private final Path pidFile;
    private final Process process;
    private final Thread shutdownHook;

    private KarafProcess(Path instance, Path pidFile, Process process) {
        this.instance = instance;
        this.pidFile = pidFile;
        this.process = process;
        this.shutdownHook = new Thread(this::stop, "karaf-smoke-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * @param home            the unpacked Karaf distribution (karaf.home)
     * @param dir             this test's working directory; the instance goes to {@code dir/instance}
     * @param karafVersion    for the framework and standard features repositories of the distribution
     * @param repository      the offline Maven repository
     * @param bootRepository  a features repository holding {@code bootFeature}
     * @param bootFeature     installed at boot, after the framework and the wrap: handler
     * @param probeSettings   written to etc/billmgr-smoke.properties for the probe
     * @param remote          remote Maven repositories (pax-url syntax) Karaf may download from, with their
     *                        downloads kept in {@code dir/m2}; empty: offline
     */
    /**
     * Offline, Karaf's resolver (pax-url-aether) resolves a version range such as
     * {@code mvn:org.apache.camel.karaf/apache-camel/[4.18,4.19)/xml/features} from the version metadata of its
     * local repository only, and then takes the version it chose from there too (online, from the remote
     * repositories' maven-metadata.xml, as on Maven Central): an artifact of the test repository that has a
     * maven-metadata.xml goes into the local repository with it, as maven-metadata-local.xml.
     */
    private static void offlineVersionMetadata(Path repository, Path localRepository) throws IOException {
        List<Path> metadata;
        try (Stream<Path> files = Files.walk(repository)) {
            metadata = files.filter(f -> f.getFileName().toString().equals("maven-metadata.xml")).toList();
        }
        for (Path m : metadata) {
            Path artifact = localRepository.resolve(repository.relativize(m.getParent()));
            copyRecursively(m.getParent(), artifact);
            Files.move(artifact.resolve("maven-metadata.xml"), artifact.resolve("maven-metadata-local.xml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static KarafProcess start(Path home, Path dir, String karafVersion, Path repository, Path bootRepository,
                              String bootFeature, Properties probeSettings, List<String> remote)
            throws IOException, URISyntaxException {
        Path pidFile = dir.resolve(PID_FILE);
        Path instance = dir.resolve("instance");
        killLeftover(pidFile, instance);
        deleteRecursively(instance);
        copyRecursively(home.resolve("etc"), instance.resolve("etc"));
        Files.createDirectories(instance.resolve("deploy"));
        Files.createDirectories(instance.resolve("data/tmp"));
        Path etc = instance.resolve("etc");

        Files.writeString(etc.resolve("org.apache.karaf.features.cfg"), String.join("\n",
                "featuresRepositories = mvn:org.apache.karaf.features/framework/" + karafVersion + "/xml/features, \\",
                "    mvn:org.apache.karaf.features/standard/" + karafVersion + "/xml/features, \\",
                "    " + bootRepository.toUri(),
                "featuresBoot = framework, wrap, " + bootFeature,
                "featuresBootAsynchronous = false",
                ""));
        Files.writeString(etc.resolve("empty-settings.xml"), "<settings/>\n");
        // Offline, only the test's repository and Karaf's system directory. Online (-Pkaraf-it), the remote
        // repositories too, with the user's mirrors and proxies, and a download cache that outlives the instance.
        Path userSettings = Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
        boolean online = !remote.isEmpty();
        Files.writeString(etc.resolve("org.ops4j.pax.url.mvn.cfg"), String.join("\n",
                "org.ops4j.pax.url.mvn.offline = " + !online,
                "org.ops4j.pax.url.mvn.useFallbackRepositories = false",
                "org.ops4j.pax.url.mvn.settings = "
                        + (online && Files.exists(userSettings) ? userSettings : etc.resolve("empty-settings.xml")),
                "org.ops4j.pax.url.mvn.localRepository = " + (online ? dir.resolve("m2") : instance.resolve("data/m2")),
                "org.ops4j.pax.url.mvn.repositories = " + String.join(", ", remote),
                "org.ops4j.pax.url.mvn.defaultRepositories = " + repository.toUri() + "@id=smoke@snapshots, \\",
                "    " + home.resolve("system").toUri() + "@id=system.repository@snapshots",
                ""));
        if (!online) {
            offlineVersionMetadata(repository, instance.resolve("data/m2"));
        }
        // no shutdown port: Karaf is stopped through its process
        Files.writeString(etc.resolve("custom.properties"), "\nkaraf.shutdown.port=-1\n", StandardOpenOption.APPEND);
        try (var out = Files.newOutputStream(etc.resolve("billmgr-smoke.properties"))) {
            probeSettings.store(out, "read by the probe bundle");
        }

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true"));
        // the module options of bin/karaf for Java 9+
        cmd.addAll(List.of("--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=" + endorsed(home, "org.apache.karaf.specs.locator-"),
                "--patch-module", "java.xml=" + endorsed(home, "org.apache.karaf.specs.java.xml-"),
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED"));
        cmd.addAll(List.of(
                "-Dkaraf.home=" + home,
                "-Dkaraf.base=" + instance,
                "-Dkaraf.data=" + instance.resolve("data"),
                "-Dkaraf.etc=" + etc,
                "-Dkaraf.log=" + instance.resolve("data/log"),
                "-Dkaraf.instances=" + instance.resolve("instances"),
                "-Dkaraf.restart.jvm.supported=false",
                "-Dkaraf.startLocalConsole=false",
                "-Dkaraf.startRemoteShell=false",
                "-Djava.io.tmpdir=" + instance.resolve("data/tmp"),
                "-Djava.util.logging.config.file=" + etc.resolve("java.util.logging.properties"),
                "-classpath", classpath(home),
                KarafMain.class.getName()));

        // stdin stays a pipe from this JVM: KarafMain exits when it closes
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(instance.toFile())
                .redirectErrorStream(true)
                .redirectOutput(instance.resolve("console.log").toFile());
        Process p = pb.start();
        Files.writeString(pidFile, p.pid() + "\n" + instance + "\n");
        return new KarafProcess(instance, pidFile, p);
    }

    long pid() {
        return process.pid();
    }

    Path instance() {
        return instance;
    }

    /**
     * Waits for the probe's result file, handing the probe's checkpoints to {@code checkpoints} meanwhile.
     *
     * @throws AssertionError when Karaf exits or the time is up, with the end of karaf.log
     */
    Properties awaitResult(Path result, Duration timeout, BiConsumer<String, Properties> checkpoints)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Checkpoint.take(result.getParent(), checkpoints);
            if (Files.exists(result)) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(result)) {
                    p.load(in);
                }
                return p;
            }
            if (!process.isAlive()) {
                throw new AssertionError("Karaf exited (code " + process.exitValue() + ") before the probe reported\n"
                        + diagnostics());
            }
            if (bootFailed()) { // the probe itself did not install: nobody will write the result
                throw new AssertionError("Karaf could not install its boot features: " + String.join("\n", bootErrors())
                        + "\n" + diagnostics());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(
                "no result from the probe in Karaf within " + timeout.toSeconds() + " s\n" + diagnostics());
    }

    private boolean bootFailed() throws IOException {
        Path log = instance.resolve("data/log/karaf.log");
        return Files.exists(log)
                && Files.readString(log, StandardCharsets.UTF_8).contains("Error installing boot features");
    }

    /**
     * The distinct exception messages of karaf.log, innermost last, e.g. {@code java.io.IOException: Error resolving
     * artifact org.apache.camel.karaf:apache-camel:xml:features:4.18.0: [Could not find artifact ... in central
     * (https://repo1.maven.org/maven2/)]}: the reason, ahead of the log's tail.
     */
    private List<String> bootErrors() throws IOException {
        Pattern exception = Pattern.compile("^(?:Caused by: )?([\\w.$]+(?:Exception|Error): .+)$");
        return Files.readAllLines(instance.resolve("data/log/karaf.log"), StandardCharsets.UTF_8).stream()
                .map(exception::matcher).filter(Matcher::matches).map(m -> m.group(1)).distinct().limit(5).toList();
    }

    /** The last lines of karaf.log and of the console output. */
    String diagnostics() {
        return "--- " + instance.resolve("data/log/karaf.log") + " (last 60 lines)\n"
                + tail(instance.resolve("data/log/karaf.log"), 60)
                + "--- " + instance.resolve("console.log") + " (last 20 lines)\n"
                + tail(instance.resolve("console.log"), 20);
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private void stop() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: Karaf's shutdown hook stops the framework
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (!process.isAlive()) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // the next run checks the pid before trusting it
            }
        }
    }

    /** Kills the Karaf of an earlier run that was killed before it could stop it (pid file still there). */
    static void killLeftover(Path pidFile, Path instance) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> old = lines.isEmpty() || !lines.get(0).trim().matches("\\d+") ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        // only if that pid is still a Karaf of this directory: pids get reused
        old.filter(ProcessHandle::isAlive)
                .filter(ph -> ph.info().commandLine().or(() -> ph.info().arguments().map(a -> String.join(" ", a)))
                        .map(c -> c.contains("-Dkaraf.base=" + instance)).orElse(false))
                .ifPresent(ph -> {
                    System.err.println("karaf-smoke: killing Karaf " + ph.pid() + " left behind by an earlier run");
                    ph.destroyForcibly();
                    ph.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                });
        Files.delete(pidFile);
    }

    private static Path endorsed(Path home, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(home.resolve("lib/endorsed"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IOException("no " + prefix + "*.jar in " + home.resolve("lib/endorsed")));
        }
    }

    private static String classpath(Path home) throws IOException, URISyntaxException {
        List<Path> jars = new ArrayList<>();
        for (String d : List.of("lib/boot", "lib/jdk9plus")) {
            try (Stream<Path> s = Files.list(home.resolve(d))) {
                s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
            }
        }
        // and the launcher, KarafMain (its class only is loaded from there)
        jars.add(Path.of(KarafMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        return jars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(missing)\n";
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")\n";
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

}

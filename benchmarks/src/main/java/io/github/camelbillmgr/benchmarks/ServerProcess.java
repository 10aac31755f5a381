package io.github.camelbillmgr.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A server ({@link CannedServer} or {@link SimulatorServer}) in a JVM of its own, on this classpath, so that its CPU
 * and allocation never count as the client's. It stops when its stdin closes.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    final String baseUrl;
    final long serviceId;

    ServerProcess(Class<?> main, String heap, String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(heap);
        cmd.add("-XX:+UseParallelGC");
        cmd.addAll(List.of(jvmOptions));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            // the simulator's banner, if any
        }
        if (line == null) {
            throw new IllegalStateException(main.getSimpleName() + " exited before it was ready (exit code "
                    + process.waitFor() + ")");
        }
        String[] parts = line.split(" ");
        baseUrl = parts[1];
        serviceId = Long.parseLong(parts[2]);
    }

    /** The server's CPU time and requests answered so far; null if it cannot tell. */
    synchronized ServerStats stats() {
        try {
            in.println(ServerStats.COMMAND);
            return ServerStats.parse(out.readLine());
        } catch (Exception e) {
            System.err.print("(no server stats: " + e + ") ");
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

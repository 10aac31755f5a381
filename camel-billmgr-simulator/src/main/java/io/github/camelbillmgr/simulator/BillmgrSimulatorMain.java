package io.github.camelbillmgr.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the simulator until Ctrl-C:
 * {@code java -jar camel-billmgr-simulator-<version>-standalone.jar [--port N] [--host H] [--seed file.json]
 * [--keystore file.p12] [--faults FUNC:RATE:FAULT[,FAULT...][:SEED]]... [--latency FUNC:DURATION]...}.
 * The clock follows real time here. Passwords are never printed: they are in the seed (the built-in ones are
 * documented constants of {@link BillmgrSimulator}). With {@code --keystore} it serves HTTPS; the key store's
 * password is read from the environment variable {@value #KEYSTORE_PASSWORD_ENV}, never from the command line.
 */
public final class BillmgrSimulatorMain {

    static final int DEFAULT_PORT = 1500;
    static final String KEYSTORE_PASSWORD_ENV = "BILLMGR_SIM_KEYSTORE_PASSWORD";

    private BillmgrSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int exit = run(args, System.out, System.err);
        if (exit >= 0) {
            System.exit(exit);
        }
    }

    /** Returns an exit code, or -1 once the simulator has been started and stopped by a signal. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            usage(err);
            return 2;
        }
        if (options.help) {
            usage(out);
            return 0;
        }
        BillmgrSimulator simulator = create(options, System.getenv(KEYSTORE_PASSWORD_ENV), err);
        if (simulator == null) {
            return 1;
        }
        simulator.start();
        printBanner(simulator, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "billmgr-sim-shutdown"));
        stopped.await();
        return -1;
    }

    static BillmgrSimulator create(Options options, PrintStream err) {
        return create(options, null, err);
    }

    static BillmgrSimulator create(Options options, String keyStorePassword, PrintStream err) {
        SimulatorSettings settings = new SimulatorSettings().setPort(options.port).setHost(options.host)
                .setRealTimeClock(true);
        if (options.keyStore != null) {
            if (keyStorePassword == null) {
                err.println("--keystore needs the key store's password in the environment variable "
                            + KEYSTORE_PASSWORD_ENV);
                return null;
            }
            try {
                settings.setSslContext(SimulatorCertificate.serverSslContext(options.keyStore,
                        keyStorePassword.toCharArray()));
            } catch (IllegalStateException e) {
                err.println(e.getMessage());
                return null;
            }
        }
        SimulatorSeed seed = SimulatorSeed.defaults();
        if (options.seed != null) {
            try {
                seed = SimulatorSeed.fromJson(options.seed);
            } catch (IOException e) {
                err.println("Cannot read the seed " + options.seed + ": " + e.getMessage());
                return null;
            }
        }
        BillmgrSimulator simulator = new BillmgrSimulator(settings, seed);
        options.faults.forEach(rule -> rule.accept(simulator.state().faults()));
        return simulator;
    }

    static void printBanner(BillmgrSimulator simulator, PrintStream out) {
        out.println("BILLmanager simulator listening on " + simulator.getBaseUrl());
        out.println("Users (passwords are in the seed; the built-in ones are documented in BillmgrSimulator):");
        simulator.state().accounts().forEach(account ->
                out.println("  " + (account.admin() ? "admin  " : "client ") + account.user()
                        + "  [" + account.accountName() + "]"));
        out.println("Faults: " + simulator.state().faults());
        // credentials go in the POST body, never in a URL (the same rule the component follows)
        out.println("Example: curl -s " + simulator.getBaseUrl() + " --data-urlencode func=whoami"
                    + " --data-urlencode out=json --data-urlencode \"authinfo=<user>:<password>\"");
        out.println("Press Ctrl-C to stop.");
    }

    private static void usage(PrintStream out) {
        out.println("Usage: java -jar camel-billmgr-simulator-standalone.jar [options]");
        out.println("  --port N          port to listen on (default " + DEFAULT_PORT + ", 0 = any free port)");
        out.println("  --host H          address to bind (default 127.0.0.1)");
        out.println("  --seed FILE.json  seed overriding the built-in accounts, catalogue and services");
        out.println("  --keystore FILE   serve HTTPS with the key in this PKCS12 key store; its password is read");
        out.println("                    from the environment variable " + KEYSTORE_PASSWORD_ENV);
        out.println("  --faults SPEC     a random fault rule FUNC:RATE:FAULT[,FAULT...][:SEED], repeatable; e.g.");
        out.println("                    '*.order.param:0.1:drop_after_commit,http_status=502+commit,busy:42'");
        out.println("  --latency SPEC    every call of FUNC waits, FUNC:DURATION (ms, or 2s), repeatable; e.g. '*:200'");
        out.println("  --help            this text");
    }

    /** Command-line options. */
    static final class Options {
        int port = DEFAULT_PORT;
        String host = "127.0.0.1";
        Path seed;
        Path keyStore;
        boolean help;
        /** Rules to add to the simulator's faults, parsed (and checked) with the options. */
        final List<Consumer<SimulatorFaults>> faults = new ArrayList<>();

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> options.help = true;
                    case "--port" -> options.port = parsePort(value(args, ++i, "--port"));
                    case "--host" -> options.host = value(args, ++i, "--host");
                    case "--seed" -> options.seed = Path.of(value(args, ++i, "--seed"));
                    case "--keystore" -> options.keyStore = Path.of(value(args, ++i, "--keystore"));
                    case "--faults" -> options.addFaults(value(args, ++i, "--faults"), FaultSpec::randomRule);
                    case "--latency" -> options.addFaults(value(args, ++i, "--latency"), FaultSpec::latency);
                    default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
                }
            }
            return options;
        }

        private void addFaults(String spec, Function<String, Consumer<SimulatorFaults>> parser) {
            faults.add(parser.apply(spec));
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int parsePort(String raw) {
            try {
                int port = Integer.parseInt(raw);
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("Port out of range: " + raw);
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a port: " + raw);
            }
        }
    }
}

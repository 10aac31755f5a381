package io.github.camelbillmgr.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.simulator.fault.FaultSpec;
import io.github.camelbillmgr.simulator.fault.SimFaults;
import io.github.camelbillmgr.simulator.model.SimAccount;
import io.github.camelbillmgr.simulator.seed.SeedJson;
import io.github.camelbillmgr.simulator.seed.SimSeed;
import io.github.camelbillmgr.simulator.settings.SettingsProperties;
import io.github.camelbillmgr.simulator.settings.SimProfile;
import io.github.camelbillmgr.simulator.settings.SimSettings;
import io.github.camelbillmgr.simulator.tls.SimCertificate;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs the simulator until Ctrl-C: {@code java -jar camel-billmgr-simulator-<version>-standalone.jar [options]}.
 * Every {@link SimSettings} value has a flag ({@code sessionLifetime} is {@code --session-lifetime}), listed by
 * {@code --help} with its default; a seed file's {@code settings} section sets them too. Later wins: the standalone
 * defaults (port 1500, a clock that follows real time, the last 1000 requests kept), the profile, the seed file's
 * settings, the flags. With {@code --keystore} it serves HTTPS; the key store's password is read from the
 * environment variable {@value #KEYSTORE_PASSWORD_ENV}, never from the command line.
 */
public final class BillmgrSimulatorMain {

    static final int DEFAULT_PORT = 1500;
    static final int DEFAULT_REQUEST_LOG_LIMIT = 1000;
    static final String KEYSTORE_PASSWORD_ENV = "BILLMGR_SIM_KEYSTORE_PASSWORD";

    private BillmgrSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int exit = run(args, System.out, System.err);
        if (exit >= 0) {
            System.exit(exit);
        }
    }

    /** The settings the standalone server starts from, before profile, seed and flags. */
    static SimSettings standaloneDefaults() {
        return new SimSettings().setPort(DEFAULT_PORT).setRealTimeClock(true)
                .setRequestLogLimit(DEFAULT_REQUEST_LOG_LIMIT);
    }

    /** Returns an exit code, or -1 once the simulator has been started and stopped by a signal. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Run with --help for the options.");
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
        SimSettings settings = standaloneDefaults();
        SimSeed seed = SimSeed.defaults();
        JsonNode seedFile = null;
        if (options.seed != null) {
            try (InputStream in = Files.newInputStream(options.seed)) {
                seedFile = SeedJson.tree(in);
                seed = SeedJson.read(seedFile, seed);
            } catch (IOException e) {
                err.println("Cannot read the seed " + options.seed + ": " + e.getMessage());
                return null;
            }
        }
        try {
            SimProfile profile = options.profile != null ? options.profile
                    : seedFile == null ? null : SeedJson.profile(seedFile);
            if (profile != null) {
                profile.apply(settings);
            }
            if (seedFile != null) {
                SeedJson.settingValues(seedFile, settings);
            }
            options.settings.forEach((property, text) -> property.setText(settings, text));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return null;
        }
        if (options.keyStore != null) {
            if (keyStorePassword == null) {
                err.println("--keystore needs the key store's password in the environment variable "
                        + KEYSTORE_PASSWORD_ENV);
                return null;
            }
            try {
                settings.setSslContext(SimCertificate.serverSslContext(options.keyStore,
                        keyStorePassword.toCharArray()));
            } catch (IllegalStateException e) {
                err.println(e.getMessage());
                return null;
            }
        }
        BillmgrSimulator simulator = new BillmgrSimulator(settings, seed);
        options.faults.forEach(rule -> rule.accept(simulator.state().faults()));
        return simulator;
    }

    /**
     * The base URL, the users and how to reach the control plane. The built-in seed's users are shown with their
     * passwords: they are published test credentials ({@link BillmgrSimulator#CLIENT_PASSWORD}, ...). Passwords from
     * a seed file are never shown.
     */
    static void printBanner(BillmgrSimulator simulator, PrintStream out) {
        out.println("BILLmanager simulator listening on " + simulator.getBaseUrl());
        out.println("Users:");
        simulator.state().accounts().forEach(account -> {
            String password = builtInPassword(account);
            out.println("  " + (account.admin() ? "admin  " : "client ") + account.user()
                    + (password == null ? "  (password from the seed file)" : "  password: " + password)
                    + "  [" + account.accountName() + "]");
        });
        out.println("Faults: " + simulator.state().faults());
        SimSettings settings = simulator.settings();
        out.println("Request log: the last " + (settings.getRequestLogLimit() == 0 ? "all"
                : String.valueOf(settings.getRequestLogLimit())) + " requests");
        if (settings.isControlPlane()) {
            out.println("Control plane: " + simulator.getBaseUrl().replace("/billmgr", "/__sim/")
                    + "  (JSON: state, settings, faults, clock, requests, reset)");
        }
        // credentials go in the POST body, never in a URL (the same rule the component follows)
        out.println("Example: curl -s " + simulator.getBaseUrl() + " --data-urlencode func=whoami"
                + " --data-urlencode out=json --data-urlencode \"authinfo=<user>:<password>\"");
        out.println("Press Ctrl-C to stop.");
    }

    /** The password of a built-in account, or null when the account is not the built-in one. */
    private static String builtInPassword(SimAccount account) {
        for (SimSeed.Account builtIn : SimSeed.defaults().accounts()) {
            if (builtIn.user().equals(account.user()) && builtIn.password().equals(account.password())) {
                return builtIn.password();
            }
        }
        return null;
    }

    static void usage(PrintStream out) {
        PrintWriter writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
        new CommandLine(Options.spec()).usage(writer, CommandLine.Help.Ansi.OFF);
        writer.flush();
    }

    /** Command-line options, parsed with picocli from a spec that lists every setting. */
    static final class Options {
        Path seed;
        Path keyStore;
        SimProfile profile;
        boolean help;
        /** Settings given as flags, in the order given. */
        final Map<SettingsProperties.Property, String> settings = new LinkedHashMap<>();
        /** Rules to add to the simulator's faults, parsed (and checked) with the options. */
        final List<Consumer<SimFaults>> faults = new ArrayList<>();

        /** @throws IllegalArgumentException naming the option and value at fault */
        static Options parse(String[] args) {
            CommandSpec spec = spec();
            ParseResult result;
            try {
                result = new CommandLine(spec).parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            Options options = new Options();
            options.help = result.isUsageHelpRequested();
            options.seed = result.matchedOptionValue("--seed", null);
            options.keyStore = result.matchedOptionValue("--keystore", null);
            String profile = result.matchedOptionValue("--profile", null);
            options.profile = profile == null ? null : SimProfile.of(profile);
            for (String rule : result.matchedOptionValue("--faults", List.<String>of())) {
                options.faults.add(FaultSpec.randomRule(rule));
            }
            for (String latency : result.matchedOptionValue("--latency", List.<String>of())) {
                options.faults.add(FaultSpec.latency(latency));
            }
            SimSettings check = standaloneDefaults();
            for (SettingsProperties.Property property : SettingsProperties.textual()) {
                if (result.hasMatchedOption(property.flag())) {
                    String text = result.matchedOptionValue(property.flag(), "");
                    property.setText(check, text); // fails now, naming the flag's setting, if the value is bad
                    options.settings.put(property, text);
                }
            }
            return options;
        }

        static CommandSpec spec() {
            CommandSpec spec = CommandSpec.create().name("java -jar camel-billmgr-simulator-standalone.jar");
            spec.usageMessage().description("A BILLmanager API simulator for tests and demos. Every setting below can "
                    + "also be set in the seed file's \"settings\" section, and changed while it runs with "
                    + "POST /__sim/settings. Durations: 500ms, 20s, 60m, 1h, 2d or ISO-8601 (PT1H).");
            spec.usageMessage().width(120);
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("this text").build());
            spec.addOption(OptionSpec.builder("--seed").paramLabel("FILE.json").type(Path.class)
                    .description("seed file: accounts, catalogue, services and a \"settings\" section "
                            + "(default: the built-in seed)")
                    .build());
            spec.addOption(OptionSpec.builder("--profile").paramLabel("NAME").type(String.class)
                    .description("hosting (default) or license-billing: ISPsystem's license billing, where the "
                            + "reseller is a client that suspends, resumes, renews (charged at once) and re-keys its "
                            + "own licenses")
                    .build());
            spec.addOption(OptionSpec.builder("--keystore").paramLabel("FILE.p12").type(Path.class)
                    .description("serve HTTPS with the key in this PKCS12 key store; its password is read from the "
                            + "environment variable " + KEYSTORE_PASSWORD_ENV)
                    .build());
            spec.addOption(OptionSpec.builder("--faults").paramLabel("SPEC").type(List.class)
                    .auxiliaryTypes(String.class)
                    .description("a random fault rule FUNC:RATE:FAULT[,FAULT...][:SEED], repeatable; e.g. "
                            + "'*.order.param:0.1:drop_after_commit,http_status=502+commit,busy:42'")
                    .build());
            spec.addOption(OptionSpec.builder("--latency").paramLabel("SPEC").type(List.class)
                    .auxiliaryTypes(String.class)
                    .description("every call of FUNC waits, FUNC:DURATION (ms, or 2s), repeatable; e.g. '*:200'")
                    .build());
            SimSettings defaults = standaloneDefaults();
            for (SettingsProperties.Property property : SettingsProperties.textual()) {
                String text = property.text(defaults);
                spec.addOption(OptionSpec.builder(property.flag()).paramLabel(property.valueHint()).type(String.class)
                        .arity("1")
                        .description(escape(property.description() + " [" + property.name() + ", default: "
                                + (text.isEmpty() ? "none" : text) + "]"))
                        .build());
            }
            return spec;
        }

        /** Picocli formats descriptions: a literal {@code %} must be doubled and {@code $&#123;} escaped. */
        private static String escape(String text) {
            return text.replace("%", "%%").replace("${", "$${");
        }
    }
}

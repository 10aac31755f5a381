package io.github.camelbillmgr.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.github.camelbillmgr.simulator.seed.SimSeed;
import io.github.camelbillmgr.simulator.settings.SettingsProperties;
import io.github.camelbillmgr.simulator.settings.SimSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12 (2): every setting by flag and by the seed's settings section, listed by --help with its default. */
class SettingsCliTest {

    private static String help() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, BillmgrSimulatorMain.run(new String[] { "--help" },
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEverySettingWithItsDefault() throws Exception {
        String help = help().replaceAll("\\s+", " ");
        List<SettingsProperties.Property> settings = SettingsProperties.textual();
        assertTrue(settings.size() >= 50, "settings found: " + settings.size());
        SimSettings defaults = BillmgrSimulatorMain.standaloneDefaults();
        for (SettingsProperties.Property property : settings) {
            assertTrue(help.contains(property.flag() + "="), "no " + property.flag() + " in --help");
            String text = property.text(defaults);
            assertTrue(help.contains("[" + property.name() + ", default: " + (text.isEmpty() ? "none" : text) + "]"),
                    property.name() + " default not shown");
        }
        assertTrue(help.contains("[sessionLifetime, default: 1h]"), help);
        assertTrue(help.contains("[port, default: 1500]"), help);
        assertTrue(help.contains("--profile"), help);
        assertTrue(help.contains("--seed"), help);
    }

    @Test
    void flagsSetSettingsOfEveryKind() {
        BillmgrSimulatorMain.Options options = BillmgrSimulatorMain.Options.parse(new String[] { "--port", "0",
                "--session-lifetime", "30m", "--client-may-delete", "false", "--nest-doc-funcs",
                "service.prolong,vds.edit", "--repeated-param", "first", "--clock-start", "2025-01-15",
                "--login-error-type", "auth2", "--default-page-size", "7", "--request-log-limit", "10" });
        try (BillmgrSimulator sim = BillmgrSimulatorMain.create(options, System.err)) {
            SimSettings s = sim.settings();
            assertEquals(Duration.ofMinutes(30), s.getSessionLifetime());
            assertEquals(false, s.isClientMayDelete());
            assertEquals(Set.of("service.prolong", "vds.edit"), s.getNestDocFuncs());
            assertEquals(SimSettings.RepeatedParam.FIRST, s.getRepeatedParam());
            assertEquals(Instant.parse("2025-01-15T00:00:00Z"), s.getClockStart());
            assertEquals("auth2", s.getLoginErrorType());
            assertEquals(7, s.getDefaultPageSize());
            assertEquals(10, s.getRequestLogLimit());
            assertEquals(true, s.isRealTimeClock());
        }
    }

    @Test
    void badFlagsAreNamedWithWhatIsAllowed() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BillmgrSimulatorMain.Options.parse(new String[] { "--session-lifetime", "soon" }));
        assertTrue(e.getMessage().contains("sessionLifetime") && e.getMessage().contains("'soon'")
                && e.getMessage().contains("20s"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BillmgrSimulatorMain.Options.parse(new String[] { "--repeated-param", "middle" }));
        assertTrue(e.getMessage().contains("FIRST, LAST"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BillmgrSimulatorMain.Options.parse(new String[] { "--sesion-lifetime", "1m" }));
        assertTrue(e.getMessage().contains("--sesion-lifetime"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BillmgrSimulatorMain.Options.parse(new String[] { "--profile", "isp" }));
        assertTrue(e.getMessage().contains("license-billing"), e.getMessage());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, BillmgrSimulatorMain.run(new String[] { "--client-may-delete", "perhaps" }, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("true or false"), err.toString());
    }

    @Test
    void theSeedFileHasASettingsSectionAndFlagsWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, """
                {"settings": {"profile": "license-billing", "sessionLifetime": "PT2H", "clientMayDelete": false,
                              "xjsonArrays": ["list", "slist"], "defaultPageSize": 25},
                 "accounts": [{"user": "reseller", "password": "s3cret"}]}
                """);
        BillmgrSimulatorMain.Options options = BillmgrSimulatorMain.Options.parse(
                new String[] { "--port", "0", "--seed", file.toString(), "--default-page-size", "50" });
        try (BillmgrSimulator sim = BillmgrSimulatorMain.create(options, System.err)) {
            SimSettings s = sim.settings();
            assertEquals(Duration.ofHours(2), s.getSessionLifetime());
            assertEquals(false, s.isClientMayDelete());
            assertEquals(Set.of("list", "slist"), s.getXjsonArrays());
            assertEquals(50, s.getDefaultPageSize());
            assertEquals(true, s.isClientMaySuspendResume()); // from the profile
            assertEquals(SimSettings.ProlongWithoutSkipbasket.CHARGE_NOW, s.getProlongWithoutSkipbasket());
            assertEquals("reseller", sim.state().accounts().get(0).user());
        }
        Files.writeString(file, """
                {"settings": {"sessionLifetme": "1h"}}
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(null, BillmgrSimulatorMain.create(BillmgrSimulatorMain.Options.parse(
                new String[] { "--seed", file.toString() }), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown setting 'sessionLifetme'"), err.toString());
        Files.writeString(file, """
                {"setings": {}}
                """);
        assertThrows(java.io.IOException.class, () -> SimSeed.fromJson(file));
    }

    @Test
    void copyFromCopiesEverySettingWithoutAHandKeptList() {
        SimSettings changed = new SimSettings();
        for (SettingsProperties.Property property : SettingsProperties.textual()) {
            Object before = property.get(new SimSettings());
            property.setText(changed, otherValue(property));
            assertNotEquals(String.valueOf(before), String.valueOf(property.get(changed)), property.name());
        }
        SimSettings copy = new SimSettings().copyFrom(changed);
        assertEquals(SettingsProperties.toJson(changed), SettingsProperties.toJson(copy));
        assertNotEquals(SettingsProperties.toJson(new SimSettings()), SettingsProperties.toJson(copy));
    }

    /** A valid value different from the default, for each kind of setting. */
    private static String otherValue(SettingsProperties.Property property) {
        SimSettings defaults = new SimSettings();
        Class<?> type = property.type();
        if (type == boolean.class) {
            return String.valueOf(!(Boolean) property.get(defaults));
        }
        if (type == int.class) {
            return String.valueOf((Integer) property.get(defaults) + 3);
        }
        if (type == Duration.class) {
            return "7s";
        }
        if (type == Instant.class) {
            return "2020-02-02T00:00:00Z";
        }
        if (type.isEnum()) {
            Object current = property.get(defaults);
            for (Object constant : type.getEnumConstants()) {
                if (!constant.equals(current)) {
                    return constant.toString();
                }
            }
        }
        if (property.name().equals("periodPrecedence")) {
            return "period,order_period";
        }
        return property.type() == String.class ? "changed" : "x,y";
    }
}

package io.github.camelbillmgr.simulator.seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.simulator.catalog.Datacenter;
import io.github.camelbillmgr.simulator.catalog.OsTemplate;
import io.github.camelbillmgr.simulator.catalog.Recipe;
import io.github.camelbillmgr.simulator.catalog.Tariff;
import io.github.camelbillmgr.simulator.settings.SettingsProperties;
import io.github.camelbillmgr.simulator.settings.SimProfile;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * Reads a JSON seed file; each top-level section present replaces that section of the base seed. Public for the
 * standalone main (the seed file and its settings section) and the control plane (a state document).
 */
public final class SeedJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private SeedJson() {
    }

    /** The strict mapper of seed records, for the control plane's single accounts and services. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The sections a seed file may have; {@code settings} is read by {@link #settings(JsonNode)}, not here. */
    static final Set<String> SECTIONS
            = Set.of("accounts", "datacenters", "osTemplates", "recipes", "tariffs", "services", "settings");

    static SimSeed read(InputStream json, SimSeed base) throws IOException {
        return read(tree(json), base);
    }

    public static JsonNode tree(InputStream json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("a seed file must hold one JSON object");
        }
        checkSections(root);
        return root;
    }

    private static void checkSections(JsonNode root) throws IOException {
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!SECTIONS.contains(name)) {
                throw new IOException("unknown seed section '" + name + "'; known: " + new TreeSet<>(SECTIONS));
            }
        }
    }

    public static SimSeed read(JsonNode root, SimSeed base) throws IOException {
        checkSections(root);
        return new SimSeed(
                section(root, "accounts", new TypeReference<List<SimSeed.Account>>() {}, base.accounts()),
                section(root, "datacenters", new TypeReference<List<Datacenter>>() {}, base.datacenters()),
                section(root, "osTemplates", new TypeReference<List<OsTemplate>>() {}, base.osTemplates()),
                section(root, "recipes", new TypeReference<List<Recipe>>() {}, base.recipes()),
                section(root, "tariffs", new TypeReference<List<Tariff>>() {}, base.tariffs()),
                section(root, "services", new TypeReference<List<SimSeed.Service>>() {}, base.services()));
    }

    /** The {@code settings} section's {@code profile}, or null. */
    public static SimProfile profile(JsonNode root) {
        JsonNode profile = settingsSection(root).get("profile");
        return profile == null || profile.isNull() ? null : SimProfile.of(profile.asText());
    }

    /**
     * Applies the {@code settings} section's {@code name: value} pairs but its {@code profile} (which the caller
     * applies first, so that a single setting wins over the profile).
     *
     * @throws IllegalArgumentException naming the setting at fault
     */
    public static void settingValues(JsonNode root, SimSettings settings) {
        ObjectNode values = settingsSection(root).deepCopy();
        values.remove("profile");
        SettingsProperties.apply(settings, values);
    }

    private static ObjectNode settingsSection(JsonNode root) {
        JsonNode section = root.get("settings");
        if (section == null || section.isNull()) {
            return MAPPER.createObjectNode();
        }
        if (!section.isObject()) {
            throw new IllegalArgumentException("the seed's settings section must be a JSON object");
        }
        return (ObjectNode) section;
    }

    private static <T> List<T> section(JsonNode root, String name, TypeReference<List<T>> type, List<T> fallback)
            throws IOException {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        return MAPPER.readerFor(type).readValue(node);
    }
}

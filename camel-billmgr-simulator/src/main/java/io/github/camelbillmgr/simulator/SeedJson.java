package io.github.camelbillmgr.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbillmgr.simulator.catalog.Datacenter;
import io.github.camelbillmgr.simulator.catalog.OsTemplate;
import io.github.camelbillmgr.simulator.catalog.Recipe;
import io.github.camelbillmgr.simulator.catalog.Tariff;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Reads a JSON seed file; each top-level section present replaces that section of the base seed. */
final class SeedJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private SeedJson() {
    }

    static SimulatorSeed read(InputStream json, SimulatorSeed base) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("a seed file must hold one JSON object");
        }
        return new SimulatorSeed(
                section(root, "accounts", new TypeReference<List<SimulatorSeed.Account>>() { }, base.accounts()),
                section(root, "datacenters", new TypeReference<List<Datacenter>>() { }, base.datacenters()),
                section(root, "osTemplates", new TypeReference<List<OsTemplate>>() { }, base.osTemplates()),
                section(root, "recipes", new TypeReference<List<Recipe>>() { }, base.recipes()),
                section(root, "tariffs", new TypeReference<List<Tariff>>() { }, base.tariffs()),
                section(root, "services", new TypeReference<List<SimulatorSeed.Service>>() { }, base.services()));
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

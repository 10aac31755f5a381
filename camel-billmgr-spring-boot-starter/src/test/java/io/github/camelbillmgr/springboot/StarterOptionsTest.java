package io.github.camelbillmgr.springboot;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter covers the whole component: every component option of the catalog (billmgr.json in the camel-billmgr
 * jar) is a property of BillmgrComponentConfiguration, with the option's type, and documented in the Spring Boot
 * configuration metadata that IDEs complete camel.component.billmgr.* from. A component option added without the
 * starter following fails here.
 */
class StarterOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentOptionIsAStarterProperty() throws Exception {
        Map<String, JsonNode> options = componentOptions();
        assertTrue(options.size() >= 40, "billmgr.json has the component's options: " + options.keySet());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> o : options.entrySet()) {
            var pd = BeanUtils.getPropertyDescriptor(BillmgrComponentConfiguration.class, o.getKey());
            if (pd == null || pd.getReadMethod() == null || pd.getWriteMethod() == null) {
                missing.add(o.getKey());
            }
        }
        assertEquals(List.of(), missing,
                "component options without a getter and setter in BillmgrComponentConfiguration");
        assertEquals(options.keySet(), new TreeSet<>(BillmgrComponentConfiguration.OPTIONS));
    }

    @Test
    void everyComponentOptionIsInTheConfigurationMetadata() throws Exception {
        Map<String, JsonNode> metadata = new TreeMap<>();
        for (JsonNode p : resource("META-INF/spring-configuration-metadata.json").get("properties")) {
            metadata.put(p.get("name").asText(), p);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> o : componentOptions().entrySet()) {
            String name = "camel.component.billmgr." + kebab(o.getKey());
            JsonNode p = metadata.get(name);
            if (p == null) {
                problems.add(name + ": not in spring-configuration-metadata.json");
            } else if (!p.path("description").asText()
                    .startsWith(firstWords(o.getValue().path("description").asText()))) {
                problems.add(name + ": description is not the catalog's: " + p.path("description").asText());
            }
        }
        assertEquals(List.of(), problems);
        assertNotNull(metadata.get("camel.component.billmgr.enabled"));
        assertNotNull(metadata.get("camel.component.billmgr.customizer.enabled"));
    }

    @Test
    void enumValuesAreHinted() throws Exception {
        Map<String, Set<String>> values = new TreeMap<>();
        for (JsonNode h : resource("META-INF/spring-configuration-metadata.json").path("hints")) {
            Set<String> v = new TreeSet<>();
            h.get("values").forEach(x -> v.add(x.get("value").asText()));
            values.put(h.get("name").asText(), v);
        }
        assertEquals(Set.of("5", "6"), values.get("camel.component.billmgr.api-version"));
        // real enums (authMode, format, ...) are typed: the processor and IDEs list their constants themselves
        assertEquals(Set.of("camel.component.billmgr.api-version"), values.keySet());
    }

    @Test
    void secretOptionsAreTheCatalogsSecrets() throws Exception {
        Set<String> secrets = new TreeSet<>();
        componentOptions().forEach((name, o) -> {
            if (o.path("secret").asBoolean()) {
                secrets.add(name);
            }
        });
        assertEquals(Set.of("password"), secrets);
        assertEquals(secrets, BillmgrComponentConfiguration.SECRET_OPTIONS);
    }

    private static Map<String, JsonNode> componentOptions() throws Exception {
        Map<String, JsonNode> options = new TreeMap<>();
        resource("META-INF/io/github/camelbillmgr/billmgr.json").get("componentProperties").properties()
                .forEach(e -> options.put(e.getKey(), e.getValue()));
        return options;
    }

    private static JsonNode resource(String name) throws Exception {
        try (InputStream in = StarterOptionsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " on the class path");
            return JSON.readTree(in);
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String firstWords(String description) {
        return description.length() > 30 ? description.substring(0, 30) : description;
    }
}

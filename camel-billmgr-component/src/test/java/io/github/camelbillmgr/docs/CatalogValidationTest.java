package io.github.camelbillmgr.docs;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.BillmgrComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What catalog tooling (camel:validate, IDE plugins, JBang, visual designers) makes of the component: Camel's own
 * {@link DefaultCamelCatalog}, given the generated billmgr.json, validates every billmgr: URI in the README, docs/ and
 * examples/ the way those tools do, and finds the component through the jar's component.properties.
 */
class CatalogValidationTest {

    private static final Path ROOT = Path.of("..");
    private static CamelCatalog catalog;

    @BeforeAll
    static void catalogWithBillmgr() throws Exception {
        catalog = new DefaultCamelCatalog(true);
        catalog.addComponent("billmgr", BillmgrComponent.class.getName(),
                resource("META-INF/io/github/camelbillmgr/billmgr.json"));
    }

    @Test
    void everyDocumentedUriPassesCatalogValidation() {
        Map<String, String> uris = DocumentedUris.find(ROOT);
        assertTrue(uris.size() > 50, "the docs and examples hold dozens of billmgr: URIs, found " + uris.size());
        List<String> errors = new ArrayList<>();
        uris.forEach((uri, file) -> {
            EndpointValidationResult r = catalog.validateEndpointProperties(uri, true);
            if (!r.isSuccess()) {
                errors.add(file + ": " + uri + "\n" + r.summaryErrorMessage(false, true, true));
            }
        });
        assertEquals(List.of(), errors, "URIs that DefaultCamelCatalog rejects");
    }

    @Test
    void catalogStillRejectsWrongUris() {
        // the test above can fail: an unknown option, a wrong enum value and a missing path are all reported
        assertFalse(catalog.validateEndpointProperties("billmgr:vds/order?pricelst=6", true).isSuccess());
        assertFalse(catalog.validateEndpointProperties("billmgr:vds/list?outputType=stream", true).isSuccess());
        assertFalse(catalog.validateEndpointProperties("billmgr:vds?pageSize=10", true).isSuccess());
    }

    @Test
    void onlyThePathIsRequired() throws Exception {
        String json = catalog.componentJSonSchema("billmgr");
        List<String> required = new ArrayList<>();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        for (String section : List.of("componentProperties", "properties")) {
            tree.get(section).fields().forEachRemaining(e -> {
                if (e.getValue().path("required").asBoolean()) {
                    required.add(section + "." + e.getKey());
                }
            });
        }
        assertEquals(List.of("properties.itemType", "properties.operation"), required);
    }

    @Test
    void importantHeadersAndDescriptionsIntact() throws Exception {
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(catalog.componentJSonSchema("billmgr"));
        List<String> important = new ArrayList<>();
        tree.get("headers").fields().forEachRemaining(e -> {
            if (e.getValue().path("important").asBoolean()) {
                important.add(e.getKey());
            }
        });
        assertEquals(List.of("CamelBillmgrServiceId", "CamelBillmgrTotalCount", "CamelBillmgrRecovered",
                "CamelBillmgrOutcome", "CamelBillmgrChange", "CamelBillmgrStatus"), important);
        String outputType = tree.at("/properties/outputType/description").asText();
        assertTrue(outputType.contains("List of BillmgrService") && outputType.contains("Iterator of BillmgrService"),
                outputType);
    }

    @Test
    void jarAnnouncesTheComponentForMavenBasedDiscovery() throws Exception {
        // what camel-catalog-maven's and JBang's discovery read from a component jar
        java.util.Properties p = new java.util.Properties();
        try (InputStream in = stream("META-INF/services/org/apache/camel/component.properties")) {
            p.load(in);
        }
        assertEquals("billmgr", p.getProperty("components"));
        assertEquals("io.github.camelbillmgr", p.getProperty("groupId"));
        assertEquals("camel-billmgr", p.getProperty("artifactId"));
    }

    @Test
    void missingBaseUrlIsStillRefusedAtRunTime() throws Exception {
        // not required in the catalog, but an endpoint without it (and a component without it) must still fail clearly
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            try {
                context.getEndpoint("billmgr:vds/list");
                fail("an endpoint without baseUrl was created");
            } catch (Exception e) {
                Throwable cause = e;
                while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                    cause = cause.getCause();
                }
                assertTrue(cause.getMessage().startsWith("Missing option baseUrl"), cause.getMessage());
            }
        }
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = CatalogValidationTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new AssertionError(name + " is not on the class path: the build generates it");
        }
        return in;
    }
}

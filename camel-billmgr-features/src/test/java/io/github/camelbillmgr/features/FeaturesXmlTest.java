package io.github.camelbillmgr.features;

import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filtered features file: valid against Karaf's features XSD, and in agreement with the bundle it installs (its
 * coordinate, and the Camel version range the bundle imports).
 */
class FeaturesXmlTest {

    private static final String NS = "http://karaf.apache.org/xmlns/features/v1.6.0";
    private static final String XSD = "/org/apache/karaf/features/karaf-features-1.6.0.xsd";

    private static Path file;
    private static Document doc;

    @BeforeAll
    static void parse() throws Exception {
        file = Path.of(System.getProperty("features.file", "target/feature/features.xml"));
        assertTrue(Files.exists(file), "the build filters src/main/feature into " + file.toAbsolutePath());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        doc = f.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void validAgainstTheKarafFeaturesSchema() throws Exception {
        assertEquals(NS, doc.getDocumentElement().getNamespaceURI());
        URL xsd = getClass().getResource(XSD);
        assertNotNull(xsd, XSD + " (org.apache.karaf.features.core) is on the test classpath");
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (InputStream in = Files.newInputStream(file)) {
            sf.newSchema(xsd).newValidator().validate(new StreamSource(in));
        }
        assertTrue(Files.readString(file).indexOf("${") < 0, "every ${property} is filtered");
    }

    @Test
    void installsThisBuildsBundle() {
        Element feature = feature("camel-billmgr");
        String version = System.getProperty("project.version", "1.0.0-SNAPSHOT");
        assertEquals(version, feature.getAttribute("version"));
        // the StAX parser of XML replies (the bundle imports com.ctc.wstx.stax), then the component
        assertEquals(List.of("mvn:org.codehaus.woodstox/stax2-api/" + System.getProperty("stax2.version", "4.2.2"),
                "mvn:com.fasterxml.woodstox/woodstox-core/" + System.getProperty("woodstox.version", "7.1.1"),
                "mvn:io.github.camelbillmgr/camel-billmgr/" + version), texts(feature, "bundle"));
    }

    @Test
    void camelFeaturesUseTheRangeTheBundleImports() throws Exception {
        Set<String> bundleRanges = camelImportRanges();
        assertEquals(1, bundleRanges.size(), "one range for every org.apache.camel import: " + bundleRanges);
        String range = bundleRanges.iterator().next();

        Element feature = feature("camel-billmgr");
        NodeList deps = feature.getElementsByTagNameNS(NS, "feature");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            names.add(dep.getTextContent().trim());
            assertEquals(range, dep.getAttribute("version"), "feature " + dep.getTextContent().trim());
        }
        assertEquals(List.of("camel-core", "camel-http", "camel-jackson"), names);

        // and camel-karaf's repository is that range (Karaf resolves it to the newest release in it), or, when a
        // build pins one with -Dcamel-karaf.version, a release inside it
        List<String> repos = texts(doc.getDocumentElement(), "repository");
        assertEquals(1, repos.size());
        String prefix = "mvn:org.apache.camel.karaf/apache-camel/";
        String repo = repos.get(0);
        assertTrue(repo.startsWith(prefix) && repo.endsWith("/xml/features"), repo);
        String camelKaraf = repo.substring(prefix.length(), repo.length() - "/xml/features".length());
        if (camelKaraf.startsWith("[") || camelKaraf.startsWith("(")) {
            assertEquals(range, camelKaraf, "camel-karaf's features repository range");
        } else {
            assertTrue(inRange(camelKaraf, range), "camel-karaf " + camelKaraf + " is in " + range);
        }
        // a range in a repository URI must still be a valid URI for Karaf's FeaturesService (java.net.URI)
        java.net.URI.create(repo);
    }

    @Test
    void theClusterFeatureAddsCamelsClusteringToTheComponent() throws Exception {
        String range = camelImportRanges().iterator().next();
        Element feature = feature("camel-billmgr-cluster");
        String version = System.getProperty("project.version", "1.0.0-SNAPSHOT");
        NodeList deps = feature.getElementsByTagNameNS(NS, "feature");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            String name = dep.getTextContent().trim();
            names.add(name);
            assertEquals(name.equals("camel-billmgr") ? version : range, dep.getAttribute("version"),
                    "feature " + name);
        }
        assertEquals(List.of("camel-billmgr", "camel-master", "camel-zookeeper", "camel-sql"), names);
        assertEquals(List.of(), texts(feature, "bundle"), "the JDBC classes are in the camel-billmgr bundle");
    }

    private static Element feature(String name) {
        NodeList all = doc.getDocumentElement().getChildNodes();
        for (int i = 0; i < all.getLength(); i++) {
            if (all.item(i) instanceof Element e && "feature".equals(e.getLocalName())
                    && name.equals(e.getAttribute("name"))) {
                return e;
            }
        }
        throw new AssertionError("no feature " + name + " in " + file);
    }

    private static List<String> texts(Element parent, String child) {
        List<String> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS(NS, child);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }

    /** The version ranges of the bundle's org.apache.camel* imports, read from the camel-billmgr artifact. */
    private static Set<String> camelImportRanges() throws Exception {
        // the class file, not the class: loading it would need Camel on this module's test classpath
        URL cls = FeaturesXmlTest.class.getClassLoader().getResource("io/github/camelbillmgr/BillmgrComponent.class");
        assertNotNull(cls, "camel-billmgr is a test dependency");
        Manifest mf;
        if ("jar".equals(cls.getProtocol())) {
            mf = ((JarURLConnection) cls.openConnection()).getManifest();
        } else { // target/classes in a reactor build that stops before package: the bundle plugin's manifest goal
            try (InputStream in = new URL(cls, "../../../META-INF/MANIFEST.MF").openStream()) {
                mf = new Manifest(in);
            }
        }
        String imports = mf.getMainAttributes().getValue("Import-Package");
        assertNotNull(imports, "Import-Package of " + cls);
        return Arrays.stream(imports.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"))
                .filter(c -> c.startsWith("org.apache.camel"))
                .map(c -> c.replaceAll(".*;version=\"([^\"]*)\".*", "$1"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether a plain version such as 4.18.0 lies in a range such as [4.18,4.19). */
    private static boolean inRange(String version, String range) {
        String[] bounds = range.substring(1, range.length() - 1).split(",");
        int low = compare(version, bounds[0].trim());
        int high = compare(version, bounds[1].trim());
        return (range.startsWith("[") ? low >= 0 : low > 0) && (range.endsWith("]") ? high <= 0 : high < 0);
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0,
                    i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}

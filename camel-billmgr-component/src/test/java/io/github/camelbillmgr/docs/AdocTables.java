package io.github.camelbillmgr.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders the generated sections of {@code src/main/docs/billmgr-component.adoc} from the component's catalog,
 * {@code billmgr.json} (written by camel-component-maven-plugin in {@code process-classes}).
 * <p>
 * Each section sits between a pair of marker lines, {@code // <section>: START} and {@code // <section>: END}, the
 * way Apache Camel's component pages mark them. Everything between the markers belongs to this class: edit the
 * sources' descriptions, never the tables. {@link ComponentDocDriftTest} compares and, with
 * {@code -Dbillmgr.updateDocs=true}, rewrites.
 */
public final class AdocTables {

    /** Where the catalog is on the classpath (and under {@code src/generated/resources}). */
    public static final String CATALOG_RESOURCE = "META-INF/io/github/camelbillmgr/billmgr.json";
    /** The catalog as committed, relative to the component module. */
    public static final String CATALOG_FILE = "src/generated/resources/" + CATALOG_RESOURCE;
    /** The component page, relative to the component module. */
    public static final String ADOC_FILE = "src/main/docs/billmgr-component.adoc";

    public static final String CONFIGURE = "component-configure options";
    public static final String COMPONENT_OPTIONS = "component options";
    public static final String ENDPOINT_OPTIONS = "endpoint options";
    public static final String HEADERS = "component headers";
    /** The generated sections, in the order they appear on the page. */
    public static final List<String> SECTIONS = List.of(CONFIGURE, COMPONENT_OPTIONS, ENDPOINT_OPTIONS, HEADERS);

    /** How to regenerate, for failure messages and the page itself. */
    public static final String REGENERATE_COMMAND
            = "mvn -B -q -pl camel-billmgr-component test -Dtest=ComponentDocDriftTest -Dbillmgr.updateDocs=true";

    private static final String OPTIONS_TABLE_HEAD = "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n"
            + "|===\n"
            + "| Name | Description | Default | Type\n";
    private static final String HEADERS_TABLE_HEAD = "[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n"
            + "|===\n"
            + "| Name | Description | Type\n";
    private static final String TABLE_END = "|===\n";
    private static final Pattern PACKAGE_QUALIFIER = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])");

    private final JsonNode catalog;

    public AdocTables(JsonNode catalog) {
        if (catalog == null || !catalog.has("component")) {
            throw new IllegalArgumentException("Not a Camel component catalog: no 'component' object");
        }
        this.catalog = catalog;
    }

    // ------------------------------------------------------------------ loading

    /** The component module's directory: Maven's {@code basedir} when run by surefire, else the working directory. */
    public static Path moduleDir() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        if (!Files.exists(dir.resolve(ADOC_FILE)) && Files.exists(dir.resolve("camel-billmgr-component")
                .resolve(ADOC_FILE))) {
            // run from the repository root (e.g. an IDE): step into the module
            dir = dir.resolve("camel-billmgr-component");
        }
        return dir;
    }

    public static Path adocFile() {
        return moduleDir().resolve(ADOC_FILE);
    }

    /**
     * The catalog as the build just generated it: the committed file under {@code src/generated/resources} (which
     * {@code process-classes} rewrites before tests run), else the copy on the classpath.
     */
    public static AdocTables load() {
        Path file = moduleDir().resolve(CATALOG_FILE);
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        try (InputStream in = AdocTables.class.getClassLoader().getResourceAsStream(CATALOG_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("billmgr.json is neither at " + file + " nor on the classpath as "
                        + CATALOG_RESOURCE + ": run mvn -B -q process-classes first");
            }
            return new AdocTables(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AdocTables read(Path file) {
        try {
            return new AdocTables(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog " + file, e);
        }
    }

    public JsonNode catalog() {
        return catalog;
    }

    // ------------------------------------------------------------------ markers

    public static String startMarker(String section) {
        return "// " + section + ": START";
    }

    public static String endMarker(String section) {
        return "// " + section + ": END";
    }

    /**
     * The text between a section's marker lines (both excluded), or null when the page does not have the pair in
     * order, each marker once.
     */
    public static String section(String adoc, String section) {
        int[] range = range(normalise(adoc), section);
        return range == null ? null : normalise(adoc).substring(range[0], range[1]);
    }

    /** The page with a section's content replaced; the markers must be present. */
    public static String replace(String adoc, String section, String content) {
        String text = normalise(adoc);
        int[] range = range(text, section);
        if (range == null) {
            throw new IllegalArgumentException("The page has no '" + startMarker(section) + "' / '"
                    + endMarker(section) + "' pair");
        }
        return text.substring(0, range[0]) + content + text.substring(range[1]);
    }

    /** Problems with the marker lines themselves (missing, repeated, out of order), one line each. */
    public static List<String> markerProblems(String adoc) {
        String text = normalise(adoc);
        List<String> problems = new ArrayList<>();
        for (String s : SECTIONS) {
            int starts = count(text, startMarker(s));
            int ends = count(text, endMarker(s));
            if (starts != 1 || ends != 1) {
                problems.add("'" + startMarker(s) + "' occurs " + starts + " times and '" + endMarker(s) + "' "
                        + ends + " times; each must occur exactly once, as a line of its own");
            } else if (range(text, s) == null) {
                problems.add("'" + endMarker(s) + "' does not follow '" + startMarker(s) + "'");
            }
        }
        return problems;
    }

    private static int[] range(String text, String section) {
        String start = startMarker(section) + "\n";
        String end = "\n" + endMarker(section);
        int s = lineStart(text, start);
        if (s < 0 || count(text, startMarker(section)) != 1) {
            return null;
        }
        int contentStart = s + start.length();
        // An empty section: END right after START.
        if (text.startsWith(endMarker(section), contentStart)) {
            return new int[] { contentStart, contentStart };
        }
        int e = text.indexOf(end, contentStart - 1);
        if (e < 0 || count(text, endMarker(section)) != 1) {
            return null;
        }
        return new int[] { contentStart, e + 1 };
    }

    private static int lineStart(String text, String line) {
        int from = 0;
        while (true) {
            int i = text.indexOf(line, from);
            if (i < 0 || i == 0 || text.charAt(i - 1) == '\n') {
                return i;
            }
            from = i + 1;
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** Line endings as LF, so a checkout with CRLF compares equal. */
    public static String normalise(String text) {
        return text.replace("\r\n", "\n");
    }

    // ------------------------------------------------------------------ rendering

    /** Every section, by marker name, in page order. */
    public Map<String, String> renderAll() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : SECTIONS) {
            out.put(s, render(s));
        }
        return out;
    }

    /** The page with every section regenerated. */
    public String update(String adoc) {
        String text = normalise(adoc);
        for (String s : SECTIONS) {
            text = replace(text, s, render(s));
        }
        return text;
    }

    public String render(String section) {
        return switch (section) {
            case CONFIGURE -> renderConfigure();
            case COMPONENT_OPTIONS -> renderComponentOptions();
            case ENDPOINT_OPTIONS -> renderEndpointOptions();
            case HEADERS -> renderHeaders();
            default -> throw new IllegalArgumentException("Unknown section '" + section + "': known are " + SECTIONS);
        };
    }

    private String title() {
        return catalog.path("component").path("title").asText();
    }

    private String scheme() {
        return catalog.path("component").path("scheme").asText();
    }

    private String renderConfigure() {
        JsonNode props = catalog.path("componentProperties");
        List<String> shared = new ArrayList<>();
        List<String> required = new ArrayList<>();
        List<String> secret = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : props.properties()) {
            JsonNode p = e.getValue();
            if (p.hasNonNull("configurationClass")) {
                shared.add(e.getKey());
            }
            if (p.path("required").asBoolean()) {
                required.add(e.getKey());
            }
            if (p.path("secret").asBoolean()) {
                secret.add(e.getKey());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("== Configuring Options\n\n");
        sb.append("Camel components are configured on two separate levels:\n\n");
        sb.append("* component level: the options of the `").append(scheme())
                .append("` component, set once (for example as `camel.component.").append(scheme())
                .append(".<option>` in `application.properties`) and shared by every endpoint;\n");
        sb.append("* endpoint level: the options of one `").append(scheme())
                .append(":` URI, which override the component's for that endpoint.\n\n");
        sb.append("The ").append(shared.size()).append(" options that the component and its endpoints share are ")
                .append("held by one configuration object; each endpoint starts from a copy of the component's and ")
                .append("overrides what its URI sets.\n");
        if (!required.isEmpty()) {
            sb.append("The required options (").append(codeList(required))
                    .append(") are usually set once on the component, from property placeholders:\n\n");
            sb.append("[source,properties]\n----\n");
            for (String r : required) {
                sb.append("camel.component.").append(scheme()).append('.').append(r).append(" = {{")
                        .append(scheme()).append('.').append(r).append("}}\n");
            }
            sb.append("----\n");
        }
        if (!secret.isEmpty()) {
            sb.append("\nSecret options (").append(codeList(secret))
                    .append(") are masked in logged endpoint URIs; keep their values out of route code and read them ")
                    .append("from a property source, a vault or the environment.\n");
        }
        return sb.toString();
    }

    private static String codeList(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(i == names.size() - 1 ? " and " : ", ");
            }
            sb.append('`').append(names.get(i)).append('`');
        }
        return sb.toString();
    }

    private String renderComponentOptions() {
        JsonNode props = catalog.path("componentProperties");
        StringBuilder sb = new StringBuilder();
        sb.append("== Component Options\n\n");
        sb.append("The ").append(title()).append(" component supports ").append(props.size())
                .append(" options, which are listed below.\n\n");
        optionsTable(sb, props);
        return sb.toString();
    }

    private String renderEndpointOptions() {
        JsonNode props = catalog.path("properties");
        Map<String, JsonNode> path = new LinkedHashMap<>();
        Map<String, JsonNode> query = new LinkedHashMap<>();
        props.properties().forEach(e -> {
            if ("path".equals(e.getValue().path("kind").asText())) {
                path.put(e.getKey(), e.getValue());
            } else {
                query.put(e.getKey(), e.getValue());
            }
        });
        StringBuilder sb = new StringBuilder();
        sb.append("== Endpoint Options\n\n");
        sb.append("The ").append(title()).append(" endpoint is configured using URI syntax:\n\n");
        sb.append("----\n").append(catalog.path("component").path("syntax").asText()).append("\n----\n\n");
        sb.append("With the following path and query parameters:\n\n");
        sb.append("=== Path Parameters (").append(path.size()).append(" parameters)\n\n");
        optionsTable(sb, path);
        sb.append("\n=== Query Parameters (").append(query.size()).append(" parameters)\n\n");
        optionsTable(sb, query);
        return sb.toString();
    }

    private String renderHeaders() {
        JsonNode headers = catalog.path("headers");
        StringBuilder sb = new StringBuilder();
        sb.append("== Message Headers\n\n");
        sb.append("The ").append(title()).append(" component supports ").append(headers.size())
                .append(" message headers, which are listed below.\n\n");
        sb.append(HEADERS_TABLE_HEAD);
        headers.properties().forEach(e -> {
            JsonNode h = e.getValue();
            sb.append("| *").append(e.getKey()).append("* (").append(h.path("group").asText()).append(')');
            String constant = h.path("constantName").asText("");
            if (!constant.isEmpty()) {
                String simple = constant.substring(constant.lastIndexOf('.') + 1).replace('#', '.');
                sb.append(" +\nConstant: `").append(simple).append('`');
            }
            sb.append(" | ").append(cell(description(h))).append(" | ")
                    .append(cell(simpleType(h.path("javaType").asText()))).append('\n');
        });
        sb.append(TABLE_END);
        return sb.toString();
    }

    private static void optionsTable(StringBuilder sb, JsonNode props) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        props.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        optionsTable(sb, map);
    }

    private static void optionsTable(StringBuilder sb, Map<String, JsonNode> props) {
        sb.append(OPTIONS_TABLE_HEAD);
        props.forEach((name, p) -> sb.append("| *").append(name).append("* (").append(p.path("group").asText())
                .append(") | ").append(cell(description(p))).append(" | ").append(cell(defaultValue(p))).append(" | ")
                .append(cell(simpleType(p.path("javaType").asText()))).append('\n'));
        sb.append(TABLE_END);
    }

    private static String description(JsonNode p) {
        StringBuilder sb = new StringBuilder();
        if (p.path("deprecated").asBoolean()) {
            sb.append("*Deprecated* ");
        }
        if (p.path("required").asBoolean()) {
            sb.append("*Required* ");
        }
        sb.append(p.path("description").asText("").trim());
        JsonNode enums = p.get("enum");
        if (enums != null && enums.isArray() && !enums.isEmpty()) {
            sb.append(" Enum values:");
            for (int i = 0; i < enums.size(); i++) {
                sb.append(i == 0 ? " " : ", ").append('`').append(enums.get(i).asText()).append('`');
            }
            sb.append('.');
        }
        if (p.path("secret").asBoolean()) {
            sb.append(" This option is secret: it is masked in logged URIs.");
        }
        return sb.toString();
    }

    private static String defaultValue(JsonNode p) {
        JsonNode d = p.get("defaultValue");
        return d == null || d.isNull() ? "" : d.asText();
    }

    /** {@code java.util.Map<java.lang.String, java.lang.Object>} becomes {@code Map<String, Object>}. */
    static String simpleType(String javaType) {
        return PACKAGE_QUALIFIER.matcher(javaType == null ? "" : javaType).replaceAll("");
    }

    /** One table cell's text: no line breaks, no unescaped cell separator. */
    static String cell(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|").trim();
    }
}

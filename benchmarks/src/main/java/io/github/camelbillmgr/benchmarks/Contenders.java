package io.github.camelbillmgr.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrFormat;
import io.github.camelbillmgr.model.BillmgrOrderResult;
import io.github.camelbillmgr.model.BillmgrService;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.w3c.dom.Document;

/**
 * The four ways of making one call that the benchmark compares, each set up once for one server, format and
 * operation:
 * <ul>
 * <li><b>component</b>: {@code billmgr:} through a ProducerTemplate, as a route would call it;</li>
 * <li><b>raw</b>: Apache HttpClient 5 with a pooled connection manager, the same urlencoded POST, the reply parsed
 * into a Jackson tree (StAX into a Jackson tree for XML);</li>
 * <li><b>route</b>: what a Camel user writes by hand today: camel-http with {@code HttpMethods.POST}, a hand-built form
 * body, then {@code unmarshal().json()} (for XML {@code convertBodyTo(Document.class)});</li>
 * <li><b>stream</b> (lists only): the same pages through the same raw client, walked by a bare Jackson streaming parser
 * (StAX for XML) that touches every value and builds nothing: the parse limit.</li>
 * </ul>
 * Each contender's first call is checked (the right service, the right number of rows), so a benchmark that measures
 * an error reply fails instead.
 */
final class Contenders implements AutoCloseable {

    static final int CONNECTIONS = 128;

    private final String baseUrl;
    private final String format;
    private final String op;
    private final long serviceId;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory json = mapper.getFactory();
    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Endpoint billmgr;
    private final Endpoint route;
    private final CloseableHttpClient raw;
    private final URI uri;

    Contenders(String baseUrl, String format, String op, long serviceId) throws Exception {
        this.baseUrl = baseUrl;
        this.format = format;
        this.op = op;
        this.serviceId = serviceId;
        this.uri = URI.create(baseUrl);
        camel = new DefaultCamelContext();
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        http.setMaxTotalConnections(2 * CONNECTIONS);
        http.setConnectionsPerRoute(CONNECTIONS);
        BillmgrComponent component = camel.getComponent("billmgr", BillmgrComponent.class);
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setUsername(Ops.PASSWORD_USER);
        component.getConfiguration().setPassword(Ops.PASSWORD);
        component.getConfiguration().setFormat(BillmgrFormat.valueOf(format));
        boolean xml = "xml".equals(format);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a separate camel-http endpoint (and pool) from the one the component sends through
                var call = from("direct:route")
                        .setHeader(Exchange.HTTP_METHOD, constant(HttpMethods.POST))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/x-www-form-urlencoded; charset=UTF-8"))
                        .to(baseUrl + "?throwExceptionOnFailure=true");
                if (xml) {
                    call.convertBodyTo(Document.class);
                } else {
                    call.unmarshal().json();
                }
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        billmgr = camel.getEndpoint(componentUri(op));
        route = camel.getEndpoint("direct:route");
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(2 * CONNECTIONS).setMaxConnPerRoute(CONNECTIONS).build();
        raw = HttpClients.custom().setConnectionManager(pool).build();
    }

    private static String componentUri(String op) {
        return switch (op) {
            case "whoami" -> "billmgr:func/whoami";
            case "get" -> "billmgr:vds/get";
            case "order" -> "billmgr:vds/order?pricelist=" + Ops.PRICELIST + "&period=1";
            case "list1k", "list250k" -> "billmgr:" + Ops.listType(op) + "/list";
            default -> "billmgr:" + Ops.listType(op) + "/list?outputType=iterator";
        };
    }

    // ------------------------------------------------------------------ the contenders

    Object component() throws Exception {
        Exchange done = template.send(billmgr, e -> {
            if ("get".equals(op)) {
                e.getMessage().setHeader(BillmgrConstants.SERVICE_ID, serviceId);
            }
        });
        if (done.getException() != null) {
            throw done.getException();
        }
        Object body = done.getMessage().getBody();
        if ("list1m".equals(op)) {
            // the iterator holds one page at a time: walk it to the end
            long n = 0;
            Iterator<?> it = (Iterator<?>) body;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            ((java.io.Closeable) it).close();
            return n;
        }
        return body;
    }

    Object raw() throws Exception {
        if (Ops.isList(op)) {
            long rows = 0;
            for (int page = 1; page <= pages(); page++) {
                rows += rows(rawCall(Forms.listPage(format, Ops.listType(op), page)));
            }
            return rows;
        }
        return rawCall(Forms.of(op, format, serviceId));
    }

    Object route() throws Exception {
        if (Ops.isList(op)) {
            long rows = 0;
            for (int page = 1; page <= pages(); page++) {
                rows += rows(routeCall(Forms.listPage(format, Ops.listType(op), page)));
            }
            return rows;
        }
        return routeCall(Forms.of(op, format, serviceId));
    }

    long stream() throws Exception {
        if (!Ops.isList(op)) {
            throw new IllegalStateException("the stream anchor reads lists only, not " + op);
        }
        long rows = 0;
        for (int page = 1; page <= pages(); page++) {
            HttpPost post = post(Forms.listPage(format, Ops.listType(op), page));
            rows += raw.execute(post, response -> {
                try (InputStream in = response.getEntity().getContent()) {
                    return "xml".equals(format) ? staxRows(in) : jsonRows(in);
                }
            });
        }
        return rows;
    }

    // ------------------------------------------------------------------ helpers

    private int pages() {
        return (Ops.listRows(op) + Ops.PAGE_SIZE - 1) / Ops.PAGE_SIZE;
    }

    private HttpPost post(String form) {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED));
        return post;
    }

    private Object rawCall(String form) throws IOException {
        return raw.execute(post(form), response -> {
            try (InputStream in = response.getEntity().getContent()) {
                if ("xml".equals(format)) {
                    try {
                        return XmlTree.read(in);
                    } catch (javax.xml.stream.XMLStreamException e) {
                        throw new IOException(e);
                    }
                }
                return mapper.readTree(in);
            }
        });
    }

    private Object routeCall(String form) throws Exception {
        Exchange done = template.send(route, e -> e.getMessage().setBody(form));
        if (done.getException() != null) {
            throw done.getException();
        }
        return done.getMessage().getBody();
    }

    private long jsonRows(InputStream in) throws IOException {
        long rows = 0;
        long chars = 0;
        try (JsonParser p = json.createParser(in)) {
            int depth = 0;
            boolean inRows = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT -> {
                        depth++;
                        if (depth == 3 && inRows) {
                            rows++;
                        }
                    }
                    case END_OBJECT -> depth--;
                    case FIELD_NAME -> {
                        if (depth == 2) {
                            inRows = "elem".equals(p.currentName());
                        }
                    }
                    case VALUE_STRING -> chars += p.getTextLength();
                    default -> {
                    }
                }
            }
        }
        return chars > 0 ? rows : -1;
    }

    private long staxRows(InputStream in) throws IOException {
        try {
            XMLStreamReader r = XmlTree.FACTORY.createXMLStreamReader(in);
            long rows = 0;
            long chars = 0;
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2 && "elem".equals(r.getLocalName())) {
                        rows++;
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (ev == XMLStreamConstants.CHARACTERS) {
                    chars += r.getTextLength();
                }
            }
            r.close();
            return chars > 0 ? rows : -1;
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** The rows of one list page as the raw client or the route parsed it. */
    private static long rows(Object page) {
        if (page instanceof JsonNode node) {
            JsonNode elem = node.path("doc").path("elem");
            return elem.isArray() ? elem.size() : elem.isObject() ? 1 : 0;
        }
        if (page instanceof Map<?, ?> map) {
            Object elem = ((Map<?, ?>) map.get("doc")).get("elem");
            return elem instanceof List<?> l ? l.size() : elem == null ? 0 : 1;
        }
        if (page instanceof Document doc) {
            int n = 0;
            for (var child = doc.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
                if ("elem".equals(child.getNodeName())) {
                    n++;
                }
            }
            return n;
        }
        throw new IllegalStateException("unexpected list page " + page);
    }

    // ------------------------------------------------------------------ checks

    /** The document's top elements as {@code name=text}: an element's name ({@code id}, {@code error}) is what a check looks for. */
    private static String elements(Document d) {
        StringBuilder sb = new StringBuilder();
        for (var child = d.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                sb.append(child.getNodeName()).append('=').append(child.getTextContent()).append(' ');
            }
        }
        return sb.toString();
    }

    /** One call of the named contender. */
    Object call(String contender) throws Exception {
        return switch (contender) {
            case "component" -> component();
            case "raw" -> raw();
            case "route" -> route();
            case "stream" -> stream();
            default -> throw new IllegalArgumentException(contender);
        };
    }

    /** Calls the contender once and fails unless it got the reply the benchmark means to measure. */
    void check(String contender) throws Exception {
        Object result = call(contender);
        String problem = problem(contender, result);
        if (problem != null) {
            throw new IllegalStateException(contender + " " + op + " " + format + " at " + baseUrl + ": " + problem);
        }
    }

    private String problem(String contender, Object result) {
        if (Ops.isList(op)) {
            long expected = Ops.listRows(op);
            long got = result instanceof List<?> l ? l.size() : result instanceof Long n ? n : -2;
            if (result instanceof List<?> l && !l.isEmpty() && !(l.get(0) instanceof BillmgrService)) {
                return "not a list of services: " + l.get(0);
            }
            return got == expected ? null : "expected " + expected + " rows, got " + got;
        }
        if ("component".equals(contender)) {
            return switch (op) {
                case "get" -> result instanceof BillmgrService s && s.getId() == serviceId ? null
                        : "not service " + serviceId + ": " + result;
                case "order" -> result instanceof BillmgrOrderResult r && r.getServiceId() != null ? null
                        : "no service id in " + result;
                default -> result instanceof JsonNode n && n.toString().contains(Ops.PASSWORD_USER.split("@")[0]) ? null
                        : "whoami without the user: " + result;
            };
        }
        String text = result instanceof Document d ? elements(d) : String.valueOf(result);
        if (text.contains("error")) {
            return "an error reply: " + text;
        }
        return switch (op) {
            case "get" -> text.contains(String.valueOf(serviceId)) ? null : "not service " + serviceId + ": " + text;
            case "order" -> text.contains("id") ? null : "no id: " + text;
            default -> text.contains(Ops.PASSWORD_USER.split("@")[0]) ? null : "whoami without the user: " + text;
        };
    }

    @Override
    public void close() throws Exception {
        raw.close();
        camel.close();
    }
}

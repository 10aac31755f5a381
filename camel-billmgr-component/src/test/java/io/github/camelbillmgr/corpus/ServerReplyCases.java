package io.github.camelbillmgr.corpus;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrAuthenticationException;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrInsufficientFundsException;
import io.github.camelbillmgr.BillmgrOutcomeUnknownException;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.CannedReplyServer.Reply;
import io.github.camelbillmgr.corpus.CorpusCase.Kind;

/**
 * The server side of the corpus: replies a proxy, a WAF or a broken BILLmanager might send. HTML pages with HTTP 200
 * and with error statuses, real replies cut short at many points, huge bodies, wrong types, missing fields, unknown
 * error types, other charsets, empty bodies. A reply that is not a document is a {@link BillmgrTransportException};
 * after an order it means the outcome is unknown ({@link BillmgrOutcomeUnknownException}); an error document is a
 * {@link BillmgrApiException}.
 */
final class ServerReplyCases {

    /** The password the corpus endpoints send: it must never come back in a message or a kept body. */
    static final String PASSWORD = "Corpus-S3cret-pw";
    static final int MB = 1024 * 1024;
    /** The canned component's maxReplySize: above the huge bodies, whose cases test the readers, not the limit. */
    static final int CANNED_MAX_REPLY_SIZE = 64 * MB;

    /** One operation as the corpus calls it: its URI, the headers it needs, its func, and how a non-document ends. */
    record Op(String uri, Map<String, Object> headers, String func, Class<? extends Throwable> transport,
              boolean exact) {

        String name() {
            return uri.substring("billmgr:".length()).replaceAll("\\?.*", "");
        }
    }

    static final Op WHOAMI = new Op("billmgr:func/whoami", Map.of(), "whoami", BillmgrTransportException.class, true);
    static final Op LIST = new Op("billmgr:vds/list", Map.of(), "vds", BillmgrTransportException.class, true);
    static final Op GET = new Op("billmgr:vds/get", Map.of(BillmgrConstants.SERVICE_ID, 7), "vds.edit",
            BillmgrTransportException.class, true);
    static final Op PRICELIST = new Op("billmgr:vds/pricelist", Map.of(), "v2.vds.order.pricelist",
            BillmgrTransportException.class, true);
    /** Ordering is never repeated blindly: a reply that cannot be read leaves the outcome unknown. */
    static final Op ORDER = new Op("billmgr:vds/order?pricelist=6&period=1", Map.of(), "v2.vds.order.param",
            BillmgrOutcomeUnknownException.class, true);
    /** Paid or destructive: a transport failure, or a subclass that says more about the outcome. */
    static final Op PROLONG = new Op("billmgr:vds/prolong?period=1", Map.of(BillmgrConstants.SERVICE_ID, 7),
            "service.prolong", BillmgrTransportException.class, false);
    static final Op EDIT = new Op("billmgr:vds/edit?autoprolong=1", Map.of(BillmgrConstants.SERVICE_ID, 7), "vds.edit",
            BillmgrTransportException.class, false);
    static final Op SUSPEND = new Op("billmgr:platform/suspend", Map.of(BillmgrConstants.SERVICE_ID, 7),
            "platform.suspend", BillmgrTransportException.class, false);
    static final List<Op> OPS = List.of(WHOAMI, LIST, GET, PRICELIST, ORDER, PROLONG, EDIT, SUSPEND);

    private final Map<String, String> real;
    private final List<CorpusCase> cases = new ArrayList<>();

    private ServerReplyCases(Map<String, String> real) {
        this.real = real;
    }

    /** @param real the simulator's real replies, from {@link RealReplies#capture} */
    static List<CorpusCase> all(Map<String, String> real) {
        ServerReplyCases c = new ServerReplyCases(real);
        c.htmlPages();
        c.errorDocuments();
        c.truncated();
        c.emptyBodies();
        c.wrongTypes();
        c.missingFields();
        c.charsets();
        c.huge();
        c.sizeLimits();
        c.sessions();
        return c.cases;
    }

    // ------------------------------------------------------------------ HTML and HTTP statuses

    private void htmlPages() {
        String page
                = "<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>Back soon</h1></body></html>";
        for (Op op : OPS) {
            notADocument("HTML page", op, "json", "HTML page with HTTP 200", () -> Reply.html(200, page),
                    "not a BILLmanager json document", "not JSON");
            notADocument("HTML page", op, "xml", "HTML page with HTTP 200", () -> Reply.html(200, page),
                    "not a BILLmanager xml document");
            notADocument("HTTP status", op, "json", "HTTP 502 page", () -> Reply.html(502, "<h1>502 Bad Gateway</h1>"),
                    "answered HTTP 502");
        }
        int[] statuses = { 500, 503, 504, 404, 403, 401, 429, 460, 301, 302, 418 };
        for (int i = 0; i < statuses.length; i++) {
            int status = statuses[i];
            Op op = OPS.get(i % OPS.size());
            notADocument("HTTP status", op, "json", "HTTP " + status + " page",
                    () -> Reply.html(status, "<html><body>status " + status + "</body></html>"),
                    "answered HTTP " + status);
        }
        notADocument("HTTP status", LIST, "json", "JSON document with HTTP 500",
                () -> Reply.of(500, "application/json", "{\"doc\":{\"elem\":[]}}"), "answered HTTP 500");
        notADocument("HTML page", GET, "json", "HTML page sent as application/json",
                () -> Reply.json("<html><body>Login</body></html>"), "not JSON");
        notADocument("HTML page", WHOAMI, "json", "plain text with HTTP 200",
                () -> Reply.of(200, "text/plain", "Request in process, please wait..."), "not JSON");
    }

    // ------------------------------------------------------------------ error documents

    private void errorDocuments() {
        String unknownJson = "{\"doc\":{\"error\":{\"$type\":\"quantum_flux\",\"$object\":\"warp_core\","
                + "\"msg\":{\"$\":\"The flux capacitor is overloaded\"}}}}";
        String unknownXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><doc><error type=\"quantum_flux\" "
                + "object=\"warp_core\"><msg>The flux capacitor is overloaded</msg></error></doc>";
        for (Op op : OPS) {
            // an error document is a definite refusal, after an order too: nothing was done
            error("unknown error type", op, "json", "unknown error type", () -> Reply.json(unknownJson),
                    BillmgrApiException.class, "error type 'quantum_flux'", "object 'warp_core'",
                    "The flux capacitor is overloaded");
        }
        for (Op op : List.of(WHOAMI, ORDER, LIST)) {
            error("unknown error type", op, "xml", "unknown error type", () -> Reply.xml(unknownXml),
                    BillmgrApiException.class, "error type 'quantum_flux'", "object 'warp_core'",
                    "The flux capacitor is overloaded");
        }
        error("unknown error type", WHOAMI, "json", "error without a type",
                () -> Reply.json("{\"doc\":{\"error\":{\"msg\":{\"$\":\"Something broke\"}}}}"),
                BillmgrApiException.class, "error type 'unknown'", "Something broke");
        error("unknown error type", ORDER, "json", "error that is only text",
                () -> Reply.json("{\"doc\":{\"error\":\"Database is down\"}}"),
                BillmgrApiException.class, "error type 'unknown'", "Database is down");
        error("unknown error type", LIST, "xml", "error element that is only text",
                () -> Reply.xml("<doc><error>Database is down</error></doc>"),
                BillmgrApiException.class, "error type 'unknown'", "Database is down");
        error("unknown error type", PROLONG, "json", "error that is an empty array",
                () -> Reply.json("{\"doc\":{\"error\":[]}}"), BillmgrApiException.class, "error type 'unknown'");
        error("unknown error type", EDIT, "json", "error that is null",
                () -> Reply.json("{\"doc\":{\"error\":null}}"), BillmgrApiException.class, "error type 'unknown'");
        error("unknown error type", SUSPEND, "json", "two errors",
                () -> Reply.json("{\"doc\":{\"error\":[{\"$type\":\"first_problem\"},{\"$type\":\"second\"}]}}"),
                BillmgrApiException.class, "error type 'first_problem'");
        error("unknown error type", GET, "json", "error type that is an object",
                () -> Reply.json("{\"doc\":{\"error\":{\"$type\":{\"nested\":1},\"msg\":{\"$\":\"odd\"}}}}"),
                BillmgrApiException.class, "nested", "odd");
        error("unknown error type", ORDER, "json", "error echoing the password",
                () -> Reply.json("{\"doc\":{\"error\":{\"$type\":\"value\",\"$object\":\"password\",\"param\":["
                        + "{\"$name\":\"value\",\"$\":\"" + PASSWORD + "\"}],\"msg\":{\"$\":\"Bad value "
                        + PASSWORD + "\"}}}}"),
                BillmgrApiException.class, "error type 'value'", "object 'password'");
        error("unknown error type", ORDER, "json", "not_enough_money without amounts",
                () -> Reply
                        .json("{\"doc\":{\"error\":{\"$type\":\"not_enough_money\",\"param\":[{\"$name\":\"deficit\","
                                + "\"$\":\"lots\"}]}}}"),
                BillmgrInsufficientFundsException.class, "error type 'not_enough_money'");
        error("unknown error type", WHOAMI, "json", "auth error without a message",
                () -> Reply.json("{\"doc\":{\"error\":{\"$type\":\"auth\"}}}"), BillmgrAuthenticationException.class,
                "error type 'auth'");
        error("unknown error type", LIST, "xml", "badpassword under another type",
                () -> Reply.xml("<doc><error type=\"misc\" object=\"badpassword\"/></doc>"),
                BillmgrAuthenticationException.class, "object 'badpassword'");
        error("unknown error type", PRICELIST, "json", "access error in authinfo mode",
                () -> Reply.json("{\"doc\":{\"error\":{\"$type\":\"access\",\"msg\":{\"$\":\"No rights\"}}}}"),
                BillmgrApiException.class, "error type 'access'", "No rights");
    }

    // ------------------------------------------------------------------ real replies cut short

    private void truncated() {
        for (String name : List.of("whoami", "list", "order")) {
            Op op = switch (name) {
                case "whoami" -> WHOAMI;
                case "list" -> LIST;
                default -> ORDER;
            };
            for (String format : List.of("json", "xml")) {
                String whole = real.get(name + "." + format);
                int cuts = 20;
                for (int i = 0; i < cuts; i++) {
                    // spread over the whole reply, from the first byte to the last but one
                    int at = 1 + (int) ((long) (whole.length() - 2) * i / (cuts - 1));
                    String cut = whole.substring(0, at);
                    notADocument("truncated", op, format,
                            "real " + name + " reply cut at " + at + " of " + whole.length() + " ("
                                    + tail(cut) + ")",
                            () -> format.equals("json") ? Reply.json(cut) : Reply.xml(cut), "truncated");
                }
            }
        }
    }

    private static String tail(String s) {
        String t = s.length() > 12 ? "..." + s.substring(s.length() - 12) : s;
        return t.replace('\n', ' ');
    }

    // ------------------------------------------------------------------ empty bodies

    private void emptyBodies() {
        notADocument("empty body", WHOAMI, "json", "empty body", () -> Reply.json(""), "empty");
        notADocument("empty body", LIST, "xml", "empty body", () -> Reply.xml(""), "empty");
        notADocument("empty body", ORDER, "json", "empty body", () -> Reply.json(""), "empty");
        notADocument("empty body", GET, "json", "HTTP 204 without a body", () -> new Reply(204, null, null), "empty");
        notADocument("empty body", PROLONG, "json", "only whitespace", () -> Reply.json(" \r\n\t "), "empty");
        notADocument("empty body", SUSPEND, "xml", "only an XML declaration",
                () -> Reply.xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "truncated");
    }

    // ------------------------------------------------------------------ wrong types

    private void wrongTypes() {
        String[][] notObjects = { { "null", "JSON null" }, { "[]", "a JSON array" },
                { "[{\"doc\":{}}]", "a JSON array" }, { "42", "a JSON number" },
                { "\"doc\"", "a JSON string" }, { "true", "a JSON boolean" } };
        for (int i = 0; i < notObjects.length; i++) {
            String body = notObjects[i][0];
            notADocument("wrong type", OPS.get(i % OPS.size()), "json", "body " + body, () -> Reply.json(body),
                    "not a JSON object", notObjects[i][1]);
        }
        String[] noDoc = { "{\"doc\":[]}", "{\"doc\":\"x\"}", "{\"doc\":null}", "{\"doc\":42}", "{\"document\":{}}",
                "{}" };
        for (int i = 0; i < noDoc.length; i++) {
            String body = noDoc[i];
            notADocument("wrong type", OPS.get((i + 3) % OPS.size()), "json", "body " + body, () -> Reply.json(body),
                    "no 'doc' object");
        }
        notADocument("wrong type", LIST, "xml", "XML root that is not doc",
                () -> Reply.xml("<document><elem/></document>"),
                "root element is not <doc>");
        // list rows must be objects; anything else in their place is not a list
        String[][] badRows = { { "\"elem\":\"abc\"", "a JSON string" }, { "\"elem\":42", "a JSON number" },
                { "\"elem\":[{\"id\":{\"$\":\"1\"}},\"x\",{\"id\":{\"$\":\"2\"}}]", "a JSON string" },
                { "\"elem\":[{\"id\":{\"$\":\"1\"}},7]", "a JSON number" },
                { "\"elem\":[null]", "a JSON null" }, { "\"elem\":[[{\"id\":{\"$\":\"1\"}}]]", "a JSON array" },
                { "\"elem\":true", "a JSON boolean" } };
        for (String[] rows : badRows) {
            String body = "{\"doc\":{" + rows[0] + ",\"p_elems\":{\"$\":\"3\"}}}";
            notADocument("wrong type", LIST, "json", "list with " + rows[0], () -> Reply.json(body), "'elem'",
                    rows[1]);
        }
        String[][] badIds = { { "{\"$\":\"abc\"}", "'abc'" }, { "{\"$\":\"-5\"}", "'-5'" }, { "{\"$\":\"\"}", "no id" },
                { "{\"$\":\"1.5\"}", "'1.5'" }, { "{\"$\":\"99999999999999999999\"}", "'99999999999999999999'" },
                { "{\"inner\":{\"$\":\"1\"}}", "no id" }, { "true", "'true'" } };
        for (String[] id : badIds) {
            String body
                    = "{\"doc\":{\"elem\":[{\"id\":{\"$\":\"1\"}},{\"id\":" + id[0] + ",\"status\":{\"$\":\"2\"}}]}}";
            notADocument("wrong type", LIST, "json", "list row with id " + id[0], () -> Reply.json(body),
                    "row 2 of 'vds'", id[1]);
        }
        notADocument("wrong type", LIST, "xml", "XML list row with id abc",
                () -> Reply.xml("<doc><elem><id>abc</id></elem></doc>"), "row 1 of 'vds'", "'abc'");
        String[][] badOrderIds = { { "{\"doc\":{\"id\":{\"$\":\"abc\"}}}", "'abc'" },
                { "{\"doc\":{\"item.id\":{\"$\":\"-3\"}}}", "'-3'" },
                { "{\"doc\":{\"id\":{\"$\":\"99999999999999999999\"}}}", "'99999999999999999999'" },
                { "{\"doc\":{\"id\":{\"$\":\"12abc\"},\"ok\":{}}}", "'12abc'" } };
        for (String[] id : badOrderIds) {
            String body = id[0];
            notADocument("wrong type", ORDER, "json", "order reply " + body, () -> Reply.json(body),
                    "not a service id", id[1]);
        }
    }

    // ------------------------------------------------------------------ missing fields

    private void missingFields() {
        String[] rows = { "{\"status\":{\"$\":\"2\"}}", "{}", "{\"name\":{\"$\":\"vps-1\"},\"elid\":{}}" };
        for (String row : rows) {
            String body = "{\"doc\":{\"elem\":[" + row + "],\"p_elems\":{\"$\":\"1\"}}}";
            notADocument("missing field", LIST, "json", "list row " + row, () -> Reply.json(body), "row 1 of 'vds'",
                    "no id");
        }
        // nothing that says ordered, nothing that looks like a form: the order may or may not exist
        notADocument("missing field", ORDER, "json", "order reply {\"doc\":{}}", () -> Reply.json("{\"doc\":{}}"),
                "neither");
        notADocument("missing field", ORDER, "xml", "order reply <doc/>", () -> Reply.xml("<doc/>"), "neither");
        notADocument("missing field", ORDER, "json", "order reply with only tparams",
                () -> Reply.json("{\"doc\":{\"tparams\":{\"func\":{\"$\":\"v2.vds.order.param\"}}}}"), "neither");
    }

    // ------------------------------------------------------------------ charsets

    private void charsets() {
        Charset cp1251 = Charset.forName("windows-1251");
        notADocument("charset", WHOAMI, "json", "JSON in windows-1251",
                () -> new Reply(200, "application/json; charset=windows-1251",
                        "{\"doc\":{\"user\":{\"$\":\"\u041a\u043b\u0438\u0435\u043d\u0442\"}}}".getBytes(cp1251)),
                "UTF-8");
        notADocument("charset", LIST, "xml", "XML in windows-1251 without a declaration",
                () -> new Reply(200, "text/xml; charset=windows-1251",
                        "<doc><elem><id>1</id><name>\u0421\u0435\u0440\u0432\u0435\u0440</name></elem></doc>"
                                .getBytes(cp1251)),
                "UTF-8");
        notADocument("charset", WHOAMI, "xml", "XML declaring an unknown encoding",
                () -> Reply.xml("<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><doc/>"), "x-no-such-charset");
        notADocument("charset", ORDER, "json", "JSON with a raw control character",
                () -> Reply.json("{\"doc\":{\"ok\":{\"$\":\"a\u0001b\"}}}"), "CTRL-CHAR");
        // the parser's (Woodstox's) own words for it
        notADocument("charset", GET, "xml", "XML with a NUL character reference",
                () -> Reply.xml("<doc><name>&#0;</name></doc>"), "Invalid character reference: null character");
        notADocument("charset", PRICELIST, "json", "JSON in UTF-16 with a broken surrogate",
                () -> new Reply(200, "application/json", new byte[] { 0, '{', 0, '"', (byte) 0xD8, 0 }), "truncated");
        notADocument("charset", LIST, "json", "JSON in UTF-32 with a code point beyond Unicode",
                () -> new Reply(200, "application/json", new byte[] { 0, 0, 0, '{', 0x7F, -1, -1, -1 }), "UTF-32");
    }

    // ------------------------------------------------------------------ the reply size limit (issue 8)

    private void sizeLimits() {
        String limit = "maxReplySize=65536";
        Op whoami = new Op("billmgr:func/whoami?" + limit, Map.of(), "whoami", BillmgrTransportException.class, true);
        Op list = new Op("billmgr:vds/list?" + limit, Map.of(), "vds", BillmgrTransportException.class, true);
        Op order = new Op("billmgr:vds/order?pricelist=6&period=1&" + limit, Map.of(), "v2.vds.order.param",
                BillmgrOutcomeUnknownException.class, true);
        StringBuilder fields = new StringBuilder("{\"doc\":{");
        for (int i = 0; fields.length() < MB; i++) {
            fields.append("\"f").append(i).append("\":{\"$\":\"").append(i).append("\"},");
        }
        String distinctFields = fields.append("\"end\":{}}}").toString();
        for (String format : List.of("json", "xml")) {
            String body = format.equals("json") ? distinctFields
                    : "<doc>" + "<a x=\"1\">t</a>".repeat(MB / 14) + "</doc>";
            Supplier<Reply> reply = () -> format.equals("json") ? Reply.json(body) : Reply.xml(body);
            for (Op op : List.of(whoami, list, order)) {
                notADocument("reply size limit", op, format, "1 MB document over maxReplySize=65536", reply,
                        "larger than maxReplySize (65536 bytes, counted after decompression)", "declares");
            }
        }
        notADocument("reply size limit", new Op("billmgr:vds/list?pageSize=2", Map.of(), "vds",
                BillmgrTransportException.class, true), "json", "3 rows on a page of pageSize=2",
                () -> Reply.json("{\"doc\":{\"elem\":[{\"id\":{\"$\":\"1\"}},{\"id\":{\"$\":\"2\"}},"
                        + "{\"id\":{\"$\":\"3\"}}]}}"),
                "more than the pageSize (2) rows");
        notADocument("charset", WHOAMI, "json", "JSON with an encoded surrogate (CESU-8)",
                () -> new Reply(200, "application/json", new byte[] { '{', '"', 'a', (byte) 0xED, (byte) 0xA0,
                        (byte) 0x80, '"', ':', '1', '}' }),
                "not valid UTF-8");
        notADocument("charset", WHOAMI, "json", "JSON with an overlong encoding of '/'",
                () -> new Reply(200, "application/json", new byte[] { '{', '"', 'a', (byte) 0xC0, (byte) 0xAF, '"',
                        ':', '1', '}' }),
                "not valid UTF-8");
    }

    // ------------------------------------------------------------------ huge and hostile bodies

    private void huge() {
        notADocument("huge body", WHOAMI, "json", "20 MB HTML page with HTTP 200",
                () -> Reply.html(200, "<html><body>" + "x".repeat(20 * MB) + "</body></html>"),
                "not a BILLmanager json document");
        notADocument("huge body", LIST, "xml", "20 MB HTML page with HTTP 200",
                () -> Reply.html(200, "<html><body>" + "<p>x</p>".repeat(20 * MB / 8) + "</body></html>"),
                "root element is not <doc>");
        notADocument("huge body", ORDER, "json", "20 MB HTML page with HTTP 502",
                () -> Reply.html(502, "<html><body>" + "x".repeat(20 * MB) + "</body></html>"), "answered HTTP 502");
        notADocument("huge body", WHOAMI, "json", "JSON string of 20 MB",
                () -> Reply.json("{\"doc\":{\"msg\":{\"$\":\"" + "a".repeat(20 * MB) + "\"}}}"),
                "exceeds a limit", "String value length");
        notADocument("huge body", GET, "json", "19 MB JSON string cut short",
                () -> Reply.json("{\"doc\":{\"msg\":{\"$\":\"" + "a".repeat(19 * MB)), "truncated");
        notADocument("huge body", GET, "xml", "20 MB XML text cut short",
                () -> Reply.xml("<doc><msg>" + "a".repeat(20 * MB)), "truncated");
        notADocument("huge body", PROLONG, "json", "20 MB of whitespace",
                () -> Reply.json(" ".repeat(20 * MB)), "empty");
        notADocument("huge body", EDIT, "json", "20 MB of random bytes", () -> randomBytes(20 * MB), "not JSON");
        notADocument("huge body", SUSPEND, "xml", "20 MB of random bytes", () -> randomBytes(20 * MB), "truncated");
        notADocument("huge body", LIST, "json", "20 MB of list rows without ids",
                () -> Reply.json("{\"doc\":{\"elem\":[" + "{\"name\":{\"$\":\"x\"}},".repeat(20 * MB / 20)
                        + "{}]}}"),
                "row 1 of 'vds'", "no id");
        notADocument("huge body", WHOAMI, "json", "JSON nested 100,000 deep",
                () -> Reply.json("{\"doc\":{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}"),
                "exceeds a limit", "nesting depth");
        notADocument("huge body", WHOAMI, "xml", "XML nested 100,000 deep",
                () -> Reply.xml("<doc>" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</doc>"),
                "nested deeper than");
        notADocument("huge body", LIST, "json", "JSON number of 100,000 digits",
                () -> Reply.json("{\"doc\":{\"p_elems\":" + "9".repeat(100_000) + "}}"), "exceeds a limit",
                "Number value length");
        notADocument("huge body", LIST, "json", "JSON field name of 100,000 characters",
                () -> Reply.json("{\"doc\":{\"" + "n".repeat(100_000) + "\":{}}}"), "exceeds a limit",
                "Name length");
        notADocument("huge body", WHOAMI, "xml", "XML entity expansion (billion laughs)",
                () -> Reply.xml("<?xml version=\"1.0\"?><!DOCTYPE doc [<!ENTITY a \"aaaaaaaaaa\">"
                        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                        + "]><doc><msg>&c;</msg></doc>"),
                "DOCTYPE");
        notADocument("huge body", WHOAMI, "xml", "XML external entity",
                () -> Reply.xml("<?xml version=\"1.0\"?><!DOCTYPE doc [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<doc><msg>&x;</msg></doc>"),
                "DOCTYPE");
    }

    private static Reply randomBytes(int size) {
        byte[] b = new byte[size];
        new Random(42).nextBytes(b);
        b[0] = 1; // never a valid start of a document (nor a byte order mark), whatever the seed gives
        return new Reply(200, "application/octet-stream", b);
    }

    // ------------------------------------------------------------------ session mode

    private void sessions() {
        Supplier<Reply> login = () -> Reply.json("{\"doc\":{\"auth\":{\"$id\":\"S1D\",\"$\":\"S1D\"}}}");
        Supplier<Reply> access
                = () -> Reply.json("{\"doc\":{\"error\":{\"$type\":\"access\",\"$object\":\"whoami\"}}}");
        String[] noSession
                = { "{\"doc\":{\"auth\":{}}}", "{\"doc\":{\"ok\":{}}}", "{\"doc\":{\"auth\":{\"$id\":\"\"}}}",
                        "{\"doc\":{}}" };
        for (String body : noSession) {
            session("login reply " + body, BillmgrAuthenticationException.class, true, 1,
                    List.of("'auth'", "returned no session id"), () -> List.of(Reply.json(body)));
        }
        session("login reply is an HTML page", BillmgrTransportException.class, true, 1,
                List.of("'auth'", "not a BILLmanager json document"), () -> List.of(Reply.html(200, "<html/>")));
        session("login reply cut short", BillmgrTransportException.class, true, 1,
                List.of("'auth'", "truncated"), () -> List.of(Reply.json("{\"doc\":{\"auth\":{\"$id\":\"S1")));
        session("login refused with badpassword", BillmgrAuthenticationException.class, true, 1,
                List.of("'auth'", "object 'badpassword'"),
                () -> List.of(Reply.json("{\"doc\":{\"error\":{\"$type\":\"auth\",\"$object\":\"badpassword\"}}}")));
        session("access refused with a fresh session too", BillmgrAuthenticationException.class, true, 4,
                List.of("'whoami'", "access denied again with a fresh session"),
                () -> List.of(login.get(), access.get(), login.get(), access.get()));
        session("call answered with HTML after the login", BillmgrTransportException.class, true, 2,
                List.of("'whoami'", "not a BILLmanager json document"),
                () -> List.of(login.get(), Reply.html(200, "<html/>")));
        session("second login answered with HTTP 503", BillmgrTransportException.class, true, 3,
                List.of("'auth'", "answered HTTP 503"),
                () -> List.of(login.get(), access.get(), Reply.html(503, "<html/>")));
    }

    // ------------------------------------------------------------------ case builders

    /** A reply that is not a BILLmanager document: the operation's transport failure. */
    private void notADocument(String group, Op op, String format, String what, Supplier<Reply> reply,
                              String... mentions) {
        List<String> m = new ArrayList<>(Arrays.asList(mentions));
        m.add("'" + op.func() + "'");
        if (op == ORDER) {
            m.add("is unknown");
            m.add("remoteid");
        }
        add(group, op, format, what, reply, op.transport(), op.exact(), m);
    }

    /** An error document: a definite refusal. */
    private void error(String group, Op op, String format, String what, Supplier<Reply> reply,
                       Class<? extends Throwable> expected, String... mentions) {
        List<String> m = new ArrayList<>(Arrays.asList(mentions));
        m.add("'" + op.func() + "'");
        add(group, op, format, what, reply, expected, true, m);
    }

    private void add(String group, Op op, String format, String what, Supplier<Reply> reply,
                     Class<? extends Throwable> expected, boolean exact, List<String> mentions) {
        String uri = op.uri() + (op.uri().contains("?") ? "&" : "?") + "format=" + format;
        if (op == PROLONG) {
            // a renewal first reads the expire date (vds.edit, which changes nothing), so that a redelivery can tell
            // whether it landed: that read gets a good answer, the renewal itself the case's reply
            cases.add(new CorpusCase(group, what + " to " + op.name() + " (" + format + ")", Kind.REPLY, uri,
                    op.headers(), null, () -> List.of(serviceDetails(format), reply.get()), expected, exact, mentions,
                    2));
            return;
        }
        cases.add(new CorpusCase(group, what + " to " + op.name() + " (" + format + ")", Kind.REPLY, uri, op.headers(),
                null, () -> List.of(reply.get()), expected, exact, mentions, 1));
    }

    /** The details of service 7 as vds.edit answers them. */
    private static Reply serviceDetails(String format) {
        return "xml".equals(format)
                ? Reply.xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?><doc><elid>7</elid><status>2</status>"
                        + "<expiredate>2027-01-31</expiredate></doc>")
                : Reply.json("{\"doc\":{\"elid\":{\"$\":\"7\"},\"status\":{\"$\":\"2\"},"
                        + "\"expiredate\":{\"$\":\"2027-01-31\"}}}");
    }

    private void session(String what, Class<? extends Throwable> expected, boolean exact, int requests,
                         List<String> mentions, Supplier<List<Reply>> replies) {
        cases.add(new CorpusCase("session", what + " (authMode=session)", Kind.REPLY,
                "billmgr:func/whoami?authMode=session", Map.of(), null, replies, expected, exact, mentions, requests));
    }
}

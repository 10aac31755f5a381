package io.github.camelbillmgr.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrInvalidInputException;
import io.github.camelbillmgr.corpus.CorpusCase.Kind;

/**
 * The exchange input of the corpus: header types, ids, periods, tariffs, add-on maps, parameter maps and bodies that
 * the component must refuse before anything is sent, with a message naming the header, the value and what is
 * allowed. Generated as crossings where that is natural (each bad id with the operations that take ids, each bad
 * period with the operations that take one, ...).
 */
final class ExchangeInputCases {

    /** Operations that act on the services named by the service id header, with the options they need. */
    static final String[] ID_ENDPOINTS = { "billmgr:vds/prolong?period=1", "billmgr:vds/edit", "billmgr:vds/get",
            "billmgr:vds/suspend", "billmgr:platform/resume", "billmgr:soft/delete",
            "billmgr:func/service.history" };

    private ExchangeInputCases() {
    }

    static Stream<CorpusCase> all() {
        List<CorpusCase> cases = new ArrayList<>();
        serviceIds(cases);
        serviceIdCount(cases);
        periods(cases);
        pricelists(cases);
        addons(cases);
        autoprolong(cases);
        singleValueHeaders(cases);
        params(cases);
        bodies(cases);
        return cases.stream();
    }

    private static void serviceIds(List<CorpusCase> cases) {
        String h = BillmgrConstants.SERVICE_ID;
        // a value that is not an id, shown in the message as ...
        Map<Object, String> notIds = new LinkedHashMap<>();
        notIds.put(0, "'0'");
        notIds.put(-1, "'-1'");
        notIds.put(0L, "'0'");
        notIds.put(-5L, "'-5'");
        notIds.put((short) 0, "'0'");
        notIds.put(Long.MIN_VALUE, "'" + Long.MIN_VALUE + "'");
        notIds.put("abc", "'abc'");
        notIds.put("", "''");
        notIds.put("   ", "''");
        notIds.put("1,,2", "''");
        notIds.put("1;2", "'1;2'");
        notIds.put("0x10", "'0x10'");
        notIds.put("1e3", "'1e3'");
        notIds.put("12abc", "'12abc'");
        notIds.put("--1", "'--1'");
        notIds.put("\u0661\u0662", "'\u0661\u0662'");
        notIds.put(3.7d, "'3.7'");
        notIds.put(5.0d, "'5.0'");
        notIds.put(1.5f, "'1.5'");
        notIds.put(new BigDecimal("2.5"), "'2.5'");
        notIds.put("99999999999999999999", "'99999999999999999999'");
        notIds.put(new BigInteger("123456789012345678901234567890"), "'123456789012345678901234567890'");
        notIds.put(new int[] { 0 }, "'0'");
        notIds.put(new long[] { 7, -7 }, "'-7'");
        notIds.put(new Object[] { "x" }, "'x'");
        notIds.put(Arrays.asList(1, null), "'null'");
        notIds.put(List.of(1, "x"), "'x'");
        notIds.put(Map.of("id", 1), "'{id=1}'");
        notIds.put(Boolean.TRUE, "'true'");
        notIds.put('c', "'c'");
        notIds.put(new Object(), "'java.lang.Object@");
        int i = 0;
        for (Map.Entry<Object, String> bad : notIds.entrySet()) {
            // each bad value with one operation, in turn; the first few with every operation
            List<String> endpoints = i < 4 ? List.of(ID_ENDPOINTS) : List.of(ID_ENDPOINTS[i % ID_ENDPOINTS.length]);
            for (String uri : endpoints) {
                exchange(cases, "service id", uri, h, bad.getKey(), "Invalid service id " + bad.getValue(), h,
                        "positive whole number");
            }
            i++;
        }
        for (Object empty : List.of(List.of(), Set.of(), new long[0], new Object[0])) {
            exchange(cases, "service id", ID_ENDPOINTS[i++ % ID_ENDPOINTS.length], h, empty, "Invalid header " + h,
                    "the collection of ids is empty", "at least one id");
        }
        for (Object several : List.of(List.of(1, 2), "1, 2", new long[] { 1, 2 }, new Integer[] { 3, 4, 5 })) {
            for (String uri : List.of("billmgr:vds/edit", "billmgr:vds/get")) {
                String op = uri.substring(uri.indexOf('/') + 1);
                exchange(cases, "service id", uri, h, several, "Invalid header " + h,
                        op + " takes exactly one service id");
            }
        }
        for (String uri : ID_ENDPOINTS) {
            if (!uri.startsWith("billmgr:func/")) {
                exchange(cases, "missing input", uri, Map.of(), "Missing service id", h);
            }
        }
    }

    /** Issue 8: the ids of one exchange are capped (maxServiceIds, 100 by default) before anything is read. */
    private static void serviceIdCount(List<CorpusCase> cases) {
        List<Long> many = new ArrayList<>();
        for (long i = 1; i <= 101; i++) {
            many.add(i);
        }
        String sid = BillmgrConstants.SERVICE_ID;
        for (String uri : List.of("billmgr:vds/prolong?period=1", "billmgr:vds/suspend", "billmgr:vds/delete")) {
            exchange(cases, "service id count", uri, sid, many, "Invalid header " + sid,
                    "more than maxServiceIds (100)");
            exchange(cases, "service id count", uri, sid, "7, ".repeat(3_000_000), "Invalid header " + sid,
                    "characters long", "maxServiceIds (100)");
        }
        exchange(cases, "service id count", "billmgr:vds/prolong?period=1&maxServiceIds=2", sid, List.of(1, 2, 1, 3),
                "Invalid header " + sid, "more than maxServiceIds (2)");
    }

    private static void periods(List<CorpusCase> cases) {
        String h = BillmgrConstants.PERIOD;
        Map<Object, String> notPeriods = new LinkedHashMap<>();
        notPeriods.put(1.5d, "'1.5'");
        notPeriods.put("1.5", "'1.5'");
        notPeriods.put("monthly", "'monthly'");
        notPeriods.put("1 month", "'1 month'");
        notPeriods.put(-5, "'-5'");
        notPeriods.put("-7", "'-7'");
        notPeriods.put(99999999999L, "'99999999999'");
        notPeriods.put("99999999999", "'99999999999'");
        notPeriods.put(Integer.MIN_VALUE, "'" + Integer.MIN_VALUE + "'");
        notPeriods.put(new BigDecimal("12.0"), "'12.0'");
        notPeriods.put(true, "'true'");
        notPeriods.put(List.of(1), "'[1]'");
        for (Map.Entry<Object, String> bad : notPeriods.entrySet()) {
            for (String uri : List.of("billmgr:vds/order?pricelist=6", "billmgr:vds/prolong",
                    "billmgr:vds/pricelist?pricelist=6")) {
                Map<String, Object> headers = new HashMap<>();
                headers.put(h, bad.getKey());
                headers.put(BillmgrConstants.SERVICE_ID, 1);
                exchange(cases, "period", uri, headers, "Invalid header " + h + " " + bad.getValue(),
                        "whole number of months");
            }
        }
        // a trial or a one-time period can be ordered, not renewed
        for (Object v : List.of(-100, "-100", 0, "0")) {
            exchange(cases, "period", "billmgr:vds/prolong", Map.of(h, v, BillmgrConstants.SERVICE_ID, 1),
                    "Invalid header " + h + " '" + v + "'", "prolong takes");
        }
        exchange(cases, "missing input", "billmgr:vds/prolong", Map.of(BillmgrConstants.SERVICE_ID, 5),
                "Missing period",
                h);
        exchange(cases, "missing input", "billmgr:vds/prolong", Map.of(BillmgrConstants.SERVICE_ID, 5, h, " "),
                "Missing period", h);
    }

    private static void pricelists(List<CorpusCase> cases) {
        String h = BillmgrConstants.PRICELIST;
        Map<Object, String> bad = new LinkedHashMap<>();
        bad.put("six", "'six'");
        bad.put(-6, "'-6'");
        bad.put(0, "'0'");
        bad.put(1.5d, "'1.5'");
        bad.put("6;7", "'6;7'");
        bad.put("99999999999999999999", "'99999999999999999999'");
        for (Map.Entry<Object, String> b : bad.entrySet()) {
            for (String uri : List.of("billmgr:vds/order", "billmgr:vds/pricelist")) {
                exchange(cases, "pricelist", uri, h, b.getKey(), "Invalid header " + h + " " + b.getValue(),
                        "positive whole number");
            }
        }
        for (Object notScalar : List.of(List.of(6), Map.of("id", 6), new int[] { 6 })) {
            exchange(cases, "pricelist", "billmgr:vds/order", h, notScalar, "Invalid header " + h,
                    "expected a single value");
        }
        for (String type : List.of("vds", "dedic", "vhost", "platform", "soft")) {
            exchange(cases, "missing input", "billmgr:" + type + "/order", Map.of(), "Missing pricelist", h,
                    "pricelist option");
        }
    }

    private static void addons(List<CorpusCase> cases) {
        String h = BillmgrConstants.ADDONS;
        List<Object[]> badKeys = List.of(new Object[] { "ram", "'ram'" }, new Object[] { -5, "'-5'" },
                new Object[] { 1.5d, "'1.5'" }, new Object[] { "", "''" }, new Object[] { 0, "'0'" },
                new Object[] { "addon_x", "'x'" }, new Object[] { "99999999999999999999", "'99999999999999999999'" },
                new Object[] { null, "'null'" });
        for (Object[] k : badKeys) {
            Map<Object, Object> map = new HashMap<>();
            map.put(k[0], 2);
            for (String uri : List.of("billmgr:vds/order?pricelist=6", "billmgr:vds/edit")) {
                exchange(cases, "add-on map", uri, Map.of(h, map, BillmgrConstants.SERVICE_ID, 1),
                        "Invalid header " + h, "the add-on id " + k[1], "positive whole number");
            }
        }
        List<Object[]> badValues = new ArrayList<>();
        badValues.add(new Object[] { null, "got null" });
        badValues.add(new Object[] { List.of(1, 2), "got a collection" });
        badValues.add(new Object[] { Map.of("size", 2), "got a map" });
        badValues.add(new Object[] { new int[] { 2 }, "got an array" });
        badValues.add(new Object[] { new Object(), "got a value of type Object" });
        for (Object[] v : badValues) {
            Map<Object, Object> map = new HashMap<>();
            map.put(11, v[0]);
            for (String uri : List.of("billmgr:vds/order?pricelist=6", "billmgr:vds/edit")) {
                exchange(cases, "add-on map", uri, Map.of(h, map, BillmgrConstants.SERVICE_ID, 1),
                        "Invalid header " + h, "the value of add-on 11", "a number or text", (String) v[1]);
            }
        }
        for (Object notMap : List.of("11=2048", List.of(11, 2048), new int[] { 11 }, 2048)) {
            exchange(cases, "add-on map", "billmgr:vds/order?pricelist=6", h, notMap, "Invalid header " + h,
                    "expected a Map of add-on id to value");
        }
    }

    private static void autoprolong(List<CorpusCase> cases) {
        String h = BillmgrConstants.AUTOPROLONG;
        Map<Object, String> bad = new LinkedHashMap<>();
        bad.put("yearly", "'yearly'");
        bad.put(-1, "'-1'");
        bad.put(0, "'0'");
        bad.put(1.5d, "'1.5'");
        bad.put("", "''");
        bad.put("99999999999", "'99999999999'");
        bad.put("1 month", "'1 month'");
        bad.put(List.of(1), "'[1]'");
        for (Map.Entry<Object, String> b : bad.entrySet()) {
            for (String uri : List.of("billmgr:vds/order?pricelist=6", "billmgr:vds/edit")) {
                exchange(cases, "autoprolong", uri, Map.of(h, b.getKey(), BillmgrConstants.SERVICE_ID, 1),
                        "Invalid header " + h + " " + b.getValue(), "number of months");
            }
        }
        exchange(cases, "autoprolong", "billmgr:vds/edit", Map.of(h, true, BillmgrConstants.SERVICE_ID, 1),
                "Invalid header " + h + " 'true'", "in months");
    }

    private static void singleValueHeaders(List<CorpusCase> cases) {
        for (String h : List.of(BillmgrConstants.REMOTE_ID, BillmgrConstants.COMMENT)) {
            for (Object v : List.of(List.of("a", "b"), Map.of("a", "b"), new String[] { "a" })) {
                exchange(cases, "single-value header", "billmgr:vds/order?pricelist=6", h, v, "Invalid header " + h,
                        "expected a single value");
            }
        }
        // issue 8: half of a surrogate pair would be sent as '?', and a remote id sent so is never found again
        for (String h : List.of(BillmgrConstants.REMOTE_ID, BillmgrConstants.COMMENT, BillmgrConstants.DOMAIN)) {
            for (String v : List.of("shop-1\uD83D", "\uDE00", "a\uDC00\uD83Db")) {
                exchange(cases, "lone surrogate", "billmgr:vds/order?pricelist=6&period=1", h, v,
                        "Invalid header " + h, "lone UTF-16 surrogate");
            }
        }
        for (Object blank : List.of("", "   ")) {
            exchange(cases, "single-value header", "billmgr:vds/order?pricelist=6", BillmgrConstants.REMOTE_ID, blank,
                    "Invalid header " + BillmgrConstants.REMOTE_ID, "must not be blank");
        }
    }

    private static void params(List<CorpusCase> cases) {
        String h = BillmgrConstants.PARAMS;
        List<Object[]> bad = new ArrayList<>();
        bad.add(new Object[] { "x=1", "expected a Map of parameter name to value" });
        bad.add(new Object[] { List.of("x"), "expected a Map of parameter name to value" });
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        bad.add(new Object[] { nullKey, "parameter names must be non-empty text, got 'null'" });
        bad.add(new Object[] { Map.of(1, "x"), "parameter names must be non-empty text, got '1'" });
        bad.add(new Object[] { Map.of("", "x"), "parameter names must be non-empty text, got ''" });
        bad.add(new Object[] { Map.of(" ", "x"), "parameter names must be non-empty text, got ' '" });
        for (String reserved : List.of("func", "out", "authinfo", "auth")) {
            bad.add(new Object[] { Map.of(reserved, "xxxxxx"),
                    "the parameter '" + reserved + "' is set by the component" });
        }
        bad.add(new Object[] { Map.of("elid", Map.of("a", 1)), "the value of parameter 'elid'" });
        bad.add(new Object[] { Map.of("elid", new int[] { 1 }), "the value of parameter 'elid'" });
        bad.add(new Object[] { Map.of("elid", List.of(List.of(1))), "the value of parameter 'elid'" });
        for (Object[] b : bad) {
            for (String uri : List.of("billmgr:func/whoami", "billmgr:vds/list")) {
                exchange(cases, "params map", uri, h, b[0], "Invalid header " + h, (String) b[1]);
            }
        }
    }

    // ------------------------------------------------------------------ bodies

    private static void bodies(List<CorpusCase> cases) {
        // The body is never input: ids, periods and tariffs come from headers and options only, so a body that looks
        // like input changes nothing, and one that cannot be read is never read.
        Map<String, Object> bodies = new LinkedHashMap<>();
        bodies.put("text with an id", "5");
        bodies.put("a number", 5L);
        bodies.put("a map with the header's name", Map.of(BillmgrConstants.SERVICE_ID, 5));
        bodies.put("a list of ids", List.of(5, 6));
        bodies.put("a JSON object", JsonNodeFactory.instance.objectNode().put(BillmgrConstants.SERVICE_ID, 5));
        bodies.put("a stream that fails when read", new FailingInputStream());
        bodies.put("5 MB of bytes", new byte[5 * 1024 * 1024]);
        bodies.put("a stream of 5 MB", new ByteArrayInputStream(new byte[5 * 1024 * 1024]));
        for (Map.Entry<String, Object> b : bodies.entrySet()) {
            cases.add(new CorpusCase("body", "body " + b.getKey() + " and no id header on vds/prolong",
                    Kind.EXCHANGE, "billmgr:vds/prolong?period=1", Map.of(), b.getValue(), null,
                    BillmgrInvalidInputException.class, true,
                    List.of("Missing service id", BillmgrConstants.SERVICE_ID, "billmgr:vds/prolong"), 0));
        }
    }

    /** A body stream that fails the exchange differently if anything reads it. */
    static final class FailingInputStream extends InputStream {
        @Override
        public int read() throws IOException {
            throw new IOException("the body was read");
        }
    }

    // ------------------------------------------------------------------ case builders

    private static void exchange(List<CorpusCase> cases, String group, String uri, String header, Object value,
                                 String... mentions) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(header, value);
        cases.add(new CorpusCase(group, header + "=" + CorpusCase.describe(value) + " on " + uri, Kind.EXCHANGE, uri,
                headers, null, null, BillmgrInvalidInputException.class, true, withEndpoint(uri, mentions), 0));
    }

    private static void exchange(List<CorpusCase> cases, String group, String uri, Map<String, Object> headers,
                                 String... mentions) {
        StringBuilder name = new StringBuilder();
        headers.forEach((k, v) -> name.append(k).append('=').append(CorpusCase.describe(v)).append(' '));
        cases.add(new CorpusCase(group, (name.length() == 0 ? "no headers " : name.toString()) + "on " + uri,
                Kind.EXCHANGE, uri, headers, null, null, BillmgrInvalidInputException.class, true,
                withEndpoint(uri, mentions), 0));
    }

    /** The message also names the endpoint the exchange was sent to. */
    private static List<String> withEndpoint(String uri, String... mentions) {
        List<String> out = new ArrayList<>(List.of(mentions));
        out.add(uri.replaceAll("\\?.*", ""));
        return out;
    }
}

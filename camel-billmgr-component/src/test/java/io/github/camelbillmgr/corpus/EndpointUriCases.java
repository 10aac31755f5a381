package io.github.camelbillmgr.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelbillmgr.corpus.CorpusCase.Kind;
import org.apache.camel.ResolveEndpointFailedException;

/**
 * The endpoint URIs of the corpus: paths, options, base URLs, prefixed options and consumers that the component must
 * refuse when the endpoint (or its consumer) is created, with a message naming the option, the value and what is
 * allowed. Generated as crossings where that is natural (every operation with bad item types, every typed option
 * with values of the wrong kind, ...).
 */
final class EndpointUriCases {

    static final String[] OPERATIONS = { "order", "prolong", "edit", "get", "list", "suspend", "resume", "delete",
            "pricelist" };
    /** What the messages must never show. */
    static final String URI_PASSWORD = "Secr3tPw";

    private EndpointUriCases() {
    }

    static Stream<CorpusCase> all() {
        List<CorpusCase> cases = new ArrayList<>();
        paths(cases);
        enumAndBooleanOptions(cases);
        numericOptions(cases);
        baseUrls(cases);
        prefixedOptions(cases);
        consumers(cases);
        return cases.stream();
    }

    private static void paths(List<CorpusCase> cases) {
        // every operation with item types that are not BILLmanager type names
        Map<String, String> badTypes = new LinkedHashMap<>();
        badTypes.put("v%20ds", "v ds");
        badTypes.put("vd$s", "vd$s");
        badTypes.put("vds.x", "vds.x");
        badTypes.put("%D0%B2%D0%B4%D1%81", "\u0432\u0434\u0441");
        int i = 0;
        for (String op : OPERATIONS) {
            for (Map.Entry<String, String> t : badTypes.entrySet()) {
                // every bad type with every operation would repeat itself: two types per operation, all types used
                if ((i++ % 2) == 0) {
                    continue;
                }
                endpoint(cases, "item type", "billmgr:" + t.getKey() + "/" + op,
                        "Invalid itemType '" + t.getValue() + "'",
                        "letters, digits, '-' and '_'");
            }
        }
        for (String op : List.of("buy", "orders", "list2", "remove", "status", "create", "update", "info",
                "renew", "pricelists")) {
            endpoint(cases, "operation", "billmgr:vds/" + op, "Unknown operation '" + op + "'",
                    "allowed are order, prolong, edit, get, list, suspend, resume, delete, pricelist",
                    "billmgr:func/<function>");
        }
        Map<String, String> badFuncs = new LinkedHashMap<>();
        badFuncs.put("who%20ami", "who ami");
        badFuncs.put("whoami!", "whoami!");
        badFuncs.put(".whoami", ".whoami");
        badFuncs.put("whoami.", "whoami.");
        badFuncs.put("dashboard..info", "dashboard..info");
        for (Map.Entry<String, String> f : badFuncs.entrySet()) {
            endpoint(cases, "function name", "billmgr:func/" + f.getKey(),
                    "Invalid function name '" + f.getValue() + "'",
                    "letters, digits, '-', '_' and dots");
        }
        for (String path : List.of("vds", "vds/", "/order", "vds/order/x", "func/")) {
            endpoint(cases, "path", "billmgr:" + path, "Invalid billmgr URI path",
                    "expected billmgr:itemType/operation");
        }
    }

    private static void enumAndBooleanOptions(List<CorpusCase> cases) {
        for (String v : List.of("kerberos", "basic", "token")) {
            endpoint(cases, "enum option", "billmgr:vds/list?authMode=" + v, "Invalid authMode '" + v + "'",
                    "allowed are authinfo, session");
        }
        for (String v : List.of("yaml", "xjson", "html")) {
            endpoint(cases, "enum option", "billmgr:vds/list?format=" + v, "Invalid format '" + v + "'",
                    "allowed are json, xml");
        }
        for (String v : List.of("sometimes", "new")) {
            endpoint(cases, "enum option", "billmgr:vds/list?emit=" + v, "Invalid emit '" + v + "'",
                    "allowed are all, changes");
        }
        for (String v : List.of("4", "7", "0", "-6")) {
            endpoint(cases, "enum option", "billmgr:vds/order?apiVersion=" + v, "Invalid apiVersion '" + v + "'",
                    "allowed are 5 and 6");
        }
        String[][] booleans = { { "throwExceptionOnFailure", "maybe" }, { "throwExceptionOnFailure", "1" },
                { "skipBasket", "yes" }, { "skipBasket", "on" }, { "generateRemoteId", "no" },
                { "dragonCart", "y" } };
        for (String[] b : booleans) {
            endpoint(cases, "boolean option", "billmgr:vds/order?" + b[0] + "=" + b[1],
                    "Invalid " + b[0] + " '" + b[1] + "'", "allowed are true and false");
        }
    }

    private static void numericOptions(List<CorpusCase> cases) {
        String[][] notNumbers = { { "pageSize", "abc" }, { "pageSize", "1.5" }, { "pageSize", "99999999999" },
                { "pageNumber", "x" }, { "pageNumber", "2.5" }, { "pageNumber", "99999999999" },
                { "expiringWithinDays", "x" }, { "expiringWithinDays", "1.5" },
                { "expiringWithinDays", "99999999999" }, { "maxMessagesPerPoll", "x" },
                { "apiVersion", "six" }, { "apiVersion", "5.0" }, { "apiVersion", "99999999999" } };
        for (String[] n : notNumbers) {
            endpoint(cases, "numeric option", "billmgr:vds/list?" + n[0] + "=" + n[1],
                    "Invalid " + n[0] + " '" + n[1] + "'", "whole number");
        }
        endpoint(cases, "numeric option", "billmgr:vds/list?pageSize=0", "Invalid pageSize '0'", "1 or more");
        endpoint(cases, "numeric option", "billmgr:vds/list?pageSize=-1", "Invalid pageSize '-1'", "1 or more");
        endpoint(cases, "numeric option", "billmgr:vds/list?pageNumber=-1", "Invalid pageNumber '-1'", "1 or more");
        endpoint(cases, "numeric option", "billmgr:vds/list?expiringWithinDays=-1", "Invalid expiringWithinDays '-1'",
                "0 (expiring today) or more");
        for (String v : List.of("1.5", "one", "1e3", "0x10", "99999999999", "-5", "-99")) {
            endpoint(cases, "period option", "billmgr:vds/order?period=" + v, "Invalid period option '" + v + "'",
                    "whole number of months");
        }
        for (String v : List.of("-100", "0")) {
            endpoint(cases, "period option", "billmgr:vds/prolong?period=" + v, "Invalid period option '" + v + "'",
                    "prolong takes");
        }
        for (String v : List.of("abc", "-6", "0", "1.5", "99999999999999999999")) {
            endpoint(cases, "pricelist option", "billmgr:vds/order?pricelist=" + v,
                    "Invalid pricelist option '" + v + "'", "positive whole number");
        }
        for (String v : List.of("sometimes", "-1", "0", "1.5", "99999999999", "yes")) {
            endpoint(cases, "autoprolong option", "billmgr:vds/edit?autoprolong=" + v,
                    "Invalid autoprolong option '" + v + "'", "number of months");
        }
        for (String v : List.of("gone", "9", "0", "-1")) {
            endpoint(cases, "status option", "billmgr:vds/list?status=" + v, "Invalid status '" + v + "'",
                    "allowed are 1 (ordered)");
        }
    }

    private static void baseUrls(List<CorpusCase> cases) {
        for (String url : List.of("ftp://billing.example.com/billmgr", "file:///etc/billmgr",
                "billing.example.com/billmgr", "http://", "http:///billmgr", "mailto:billing@example.com")) {
            endpoint(cases, "baseUrl", "billmgr:vds/list?baseUrl=" + url, "Invalid baseUrl", "http or https URL");
        }
        endpoint(cases, "baseUrl", "billmgr:vds/list?baseUrl=RAW(http://exa mple.com/billmgr)", "Invalid baseUrl",
                "not a URL");
        endpoint(cases, "baseUrl", "billmgr:vds/list?baseUrl=RAW(https://billing.example.com/billmgr?token="
                + URI_PASSWORD + ")",
                "Invalid baseUrl", "must not contain a query string or user info");
        // user info without a password: with one, Camel core itself logs the URI as written at TRACE, which the
        // suite-wide secret scan rightly flags
        endpoint(cases, "baseUrl", "billmgr:vds/list?baseUrl=RAW(https://admin@billing.example.com/billmgr)",
                "Invalid baseUrl", "must not contain a query string or user info");
        for (String port : List.of("99999", "65536", "0", "4294967377")) {
            endpoint(cases, "baseUrl", "billmgr:vds/list?baseUrl=https://billing.example.com:" + port + "/billmgr",
                    "Invalid baseUrl", "is not a TCP port", "from 1 to 65535");
        }
        endpoint(cases, "limits", "billmgr:vds/list?maxReplySize=100", "Invalid maxReplySize '100'", "at least 4096");
        endpoint(cases, "limits", "billmgr:vds/prolong?maxServiceIds=0", "Invalid maxServiceIds '0'", "1 or more");
        endpoint(cases, "limits", "billmgr:vds/list?callTimeout=5s", "Invalid callTimeout '5s'",
                "at least responseTimeout (1m)");
        endpoint(cases, "limits", "billmgr:vds/list?callTimeout=0", "Invalid callTimeout '0'", "more than 0");
        endpoint(cases, "baseUrl", "billmgr:vds/list?baseUrl=RAW(   )", "Missing option baseUrl",
                "camel.component.billmgr.baseUrl");
    }

    private static void prefixedOptions(List<CorpusCase> cases) {
        for (String id : List.of("ram", "-5", "1.5", "x1", "0", "99999999999999999999")) {
            endpoint(cases, "add-on option", "billmgr:vds/order?addon." + id + "=2",
                    "Invalid addon." + id + " option", "the add-on id '" + id + "'", "positive whole number");
        }
        endpoint(cases, "add-on option", "billmgr:vds/edit?addon.=2", "Invalid addon. option", "the add-on id ''",
                "positive whole number");
        for (String name : List.of("func", "out", "authinfo", "auth")) {
            // a masked value: the suite-wide secret scan fails on a clear authinfo or auth value anywhere
            endpoint(cases, "param option", "billmgr:func/whoami?param." + name + "=xxxxxx",
                    "Invalid option param." + name, "the parameter '" + name + "' is set by the component");
        }
        // issue 8: a filter column named like a parameter the component sets would send that parameter twice
        for (String name : List.of("func", "out", "authinfo", "auth", "FUNC", "filter", "p_cnt", "p_num")) {
            endpoint(cases, "filter option", "billmgr:vds/list?filter." + name + "=xxxxxx",
                    "Invalid option filter." + name, "the parameter '" + name + "' is set by the component");
        }
        endpoint(cases, "param option", "billmgr:func/whoami?param.Auth=xxxxxx", "Invalid option param.Auth",
                "is set by the component");
        for (String name : List.of("noSuchOption", "pricelistt", "serviceId", "CamelBillmgrServiceId")) {
            endpoint(cases, "unknown option", "billmgr:vds/order?" + name + "=1", "Unknown parameters", name);
        }
    }

    private static void consumers(List<CorpusCase> cases) {
        for (String uri : List.of("billmgr:vds/order?pricelist=6", "billmgr:vds/prolong", "billmgr:vds/get",
                "billmgr:func/whoami")) {
            String path = uri.replaceAll("\\?.*", "").substring("billmgr:".length());
            cases.add(new CorpusCase("consumer", "from(" + uri + ")", Kind.CONSUMER, uri, Map.of(), null, null,
                    IllegalArgumentException.class, true,
                    List.of("billmgr:" + path + " cannot be consumed", "only billmgr:TYPE/list polls"), 0));
        }
    }

    // ------------------------------------------------------------------ case builders

    private static void endpoint(List<CorpusCase> cases, String group, String uri, String... mentions) {
        cases.add(new CorpusCase(group, uri, Kind.ENDPOINT, uri, Map.of(), null, null,
                ResolveEndpointFailedException.class, true, List.of(mentions), 0));
    }
}

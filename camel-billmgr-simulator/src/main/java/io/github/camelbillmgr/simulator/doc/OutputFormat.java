package io.github.camelbillmgr.simulator.doc;

import java.util.Locale;

/** The {@code out=} formats the simulator serves. */
public enum OutputFormat {
    XML,
    JSON,
    XJSON,
    /** Row fields always arrays ({@code doc.elem[0].balance[0].$}). */
    SJSON;

    /** Unknown or absent names fall back to XML, the server's default. */
    public static OutputFormat of(String out, boolean xjsonIsJsonAlias) {
        if (out == null) {
            return XML;
        }
        return switch (out.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "xjson" -> xjsonIsJsonAlias ? XJSON : XML;
            case "sjson" -> SJSON;
            default -> XML;
        };
    }

    public boolean isJson() {
        return this != XML;
    }
}

package io.github.camelbillmgr.simulator.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelbillmgr.simulator.doc.Element;

/**
 * An API-level failure, answered with HTTP 200 and an {@code <error>} document. {@code group}
 * is the message template with {@code __param__} placeholders; {@code msg} is it filled in.
 */
public final class ApiException extends RuntimeException {

    private final String type;
    private final String object;
    private final Map<String, String> params;
    private final String group;

    public ApiException(String type, String object, Map<String, String> params, String group) {
        super(fill(group, params));
        this.type = type;
        this.object = object;
        this.params = new LinkedHashMap<>(params);
        this.group = group;
    }

    public String type() {
        return type;
    }

    public String object() {
        return object;
    }

    public Map<String, String> params() {
        return params;
    }

    public Element toDoc(String lang) {
        Element doc = Element.doc();
        Element error = doc.child("error").attr("type", type).attr("object", object)
                .attr("lang", lang).attr("code", "1");
        params.forEach((name, value) -> error.add(new Element("param").attr("name", name).text(value)));
        error.field("group", group);
        error.field("msg", getMessage());
        return doc;
    }

    private static String fill(String template, Map<String, String> params) {
        String message = template;
        for (Map.Entry<String, String> param : params.entrySet()) {
            message = message.replace("__" + param.getKey() + "__", param.getValue());
        }
        return message;
    }
}

package io.github.camelbillmgr.internal.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.internal.secret.Redactor;
import io.github.camelbillmgr.internal.secret.Secrets;

/**
 * One call of a BILLmanager function: the func and its parameters in the order they are sent. Parameters whose names
 * are secret ({@link Secrets}) are never shown by {@link #toString()}; credentials are added by the client, not here.
 */
public final class BillmgrRequest {

    private final String func;
    private final List<Map.Entry<String, String>> params = new ArrayList<>();
    /** Made by the first header or secret: nearly every request has neither. */
    private Map<String, String> headers = Map.of();
    private List<String> secretValues = List.of();
    private boolean onlyScalars;

    public BillmgrRequest(String func) {
        this.func = func;
    }

    public String func() {
        return func;
    }

    /** Adds a parameter; a null value is not sent. */
    public BillmgrRequest param(String name, Object value) {
        if (value != null) {
            String v = String.valueOf(value);
            params.add(Map.entry(name, v));
            if (Secrets.isSecretName(name)) {
                if (secretValues.isEmpty()) {
                    secretValues = new ArrayList<>(2);
                }
                secretValues.add(v);
            }
        }
        return this;
    }

    /** Adds a parameter for each value of a collection, or once for a single value. */
    public BillmgrRequest params(String name, Object value) {
        if (value instanceof Collection<?> c) {
            c.forEach(v -> param(name, v));
        } else {
            param(name, value);
        }
        return this;
    }

    public BillmgrRequest header(String name, String value) {
        if (headers.isEmpty()) {
            headers = new LinkedHashMap<>();
        }
        headers.put(name, value);
        return this;
    }

    /**
     * The caller reads only the scalar fields at the top of the document (a details form mapped to a service), and
     * an error: the reader may leave out the rest (lists, choices) instead of building it. Nothing is sent for it.
     */
    public BillmgrRequest onlyScalars() {
        this.onlyScalars = true;
        return this;
    }

    public boolean isOnlyScalars() {
        return onlyScalars;
    }

    public boolean has(String name) {
        return params.stream().anyMatch(e -> e.getKey().equals(name));
    }

    public String get(String name) {
        String v = null;
        for (Map.Entry<String, String> e : params) {
            if (e.getKey().equals(name)) {
                v = e.getValue();
            }
        }
        return v;
    }

    public List<Map.Entry<String, String>> params() {
        return params;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Values of secret parameters in this request (for masking replies that echo them). */
    public List<String> secretValues() {
        return secretValues;
    }

    /** The request with secret values masked, for log lines. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("func=").append(func);
        for (Map.Entry<String, String> e : params) {
            sb.append(", ").append(e.getKey()).append('=')
                    .append(Secrets.isSecretName(e.getKey()) ? Redactor.MASK : e.getValue());
        }
        return sb.toString();
    }
}

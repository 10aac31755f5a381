package io.github.camelbillmgr.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Masks secret values (passwords, session ids, {@code authinfo}) in any text that leaves the component: exception
 * messages, error bodies, log lines. BILLmanager may echo a value it rejects, so every text built from a reply goes
 * through here with the secrets of the request it answers.
 */
public final class Redactor {

    public static final String MASK = "xxxxxx";

    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        List<String> s = new ArrayList<>();
        for (String v : secrets) {
            // Very short values would mask unrelated text; BILLmanager does not accept such passwords anyway.
            if (v != null && v.length() >= 3) {
                s.add(v);
                String encoded = java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
                if (!encoded.equals(v)) {
                    s.add(encoded);
                }
            }
        }
        // Longest first, so that a secret containing another is masked whole.
        s.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = s;
    }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    public byte[] redact(byte[] body) {
        if (body == null || secrets.isEmpty()) {
            return body;
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        String red = redact(text);
        return red == text ? body : red.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}

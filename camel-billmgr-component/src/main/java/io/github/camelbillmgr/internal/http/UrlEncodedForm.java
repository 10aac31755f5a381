package io.github.camelbillmgr.internal.http;

import java.util.Arrays;

/**
 * The urlencoded body of a request, written straight to bytes: the same bytes as HttpCore's {@code WWWFormCodec}
 * (UTF-8; letters, digits and {@code -._~} as they are, a space as {@code +}, every other byte as {@code %XX} in upper
 * case; an unpaired surrogate as {@code ?}, which is {@code %3F}), without its buffers per name and value, a string of
 * the whole form and a copy of it to bytes.
 */
final class UrlEncodedForm {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private String[] fields;
    private int count;

    UrlEncodedForm(int expectedFields) {
        fields = new String[Math.max(1, expectedFields) * 2];
    }

    /** Adds a field; the order of the calls is the order on the wire. */
    UrlEncodedForm add(String name, String value) {
        if (count + 2 > fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        fields[count++] = name;
        fields[count++] = value;
        return this;
    }

    /** {@code name=value&name=value...}, encoded. */
    byte[] toBytes() {
        int length = Math.max(0, count / 2 - 1); // the '&'s
        for (int i = 0; i < count; i += 2) {
            length += encodedLength(fields[i]);
            if (fields[i + 1] != null) {
                length += 1 + encodedLength(fields[i + 1]); // '=' and the value
            }
        }
        byte[] out = new byte[length];
        int at = 0;
        for (int i = 0; i < count; i += 2) {
            if (i > 0) {
                out[at++] = '&';
            }
            at = encode(fields[i], out, at);
            if (fields[i + 1] != null) {
                // as WWWFormCodec: a field without a value has no '='
                out[at++] = '=';
                at = encode(fields[i + 1], out, at);
            }
        }
        return out;
    }

    private static boolean unreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~';
    }

    private static int encodedLength(String s) {
        if (s == null) {
            return 0;
        }
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length += unreserved(c) || c == ' ' ? 1 : 3;
            } else if (c < 0x800) {
                length += 6;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 12;
                i++;
            } else if (Character.isSurrogate(c)) {
                length += 3; // '?'
            } else {
                length += 9;
            }
        }
        return length;
    }

    private static int encode(String s, byte[] out, int at) {
        if (s == null) {
            return at;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (unreserved(c)) {
                    out[at++] = (byte) c;
                } else if (c == ' ') {
                    out[at++] = '+';
                } else {
                    at = percent(c, out, at);
                }
            } else if (c < 0x800) {
                at = percent(0xC0 | (c >> 6), out, at);
                at = percent(0x80 | (c & 0x3F), out, at);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                at = percent(0xF0 | (cp >> 18), out, at);
                at = percent(0x80 | ((cp >> 12) & 0x3F), out, at);
                at = percent(0x80 | ((cp >> 6) & 0x3F), out, at);
                at = percent(0x80 | (cp & 0x3F), out, at);
            } else if (Character.isSurrogate(c)) {
                // what the JDK's UTF-8 encoder puts in place of an unpaired surrogate
                at = percent('?', out, at);
            } else {
                at = percent(0xE0 | (c >> 12), out, at);
                at = percent(0x80 | ((c >> 6) & 0x3F), out, at);
                at = percent(0x80 | (c & 0x3F), out, at);
            }
        }
        return at;
    }

    private static int percent(int b, byte[] out, int at) {
        out[at] = '%';
        out[at + 1] = HEX[(b >> 4) & 0xF];
        out[at + 2] = HEX[b & 0xF];
        return at + 3;
    }
}

package io.github.camelbillmgr.internal.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * The urlencoded form (UTF-8, each name and value by the JDK's {@link URLEncoder}: the encoding of HTML forms, with
 * {@code *} as it is and {@code ~} as {@code %7E}) as an entity HttpClient cannot replay. HttpClient's default retry
 * strategy re-sends a request after HTTP 429 and 503 replies whatever its method, unless camel-http's
 * automaticRetriesDisabled is set; it never re-sends a request whose body is not repeatable. An order or a renewal must
 * not run twice behind the route's back, so every request is sent at most once, whatever the camel-http component
 * says.
 * <p>
 * The form's bytes are written straight to the connection (an InputStreamEntity copies them through a new 4 KiB
 * buffer per request). Not HttpCore's {@code WWWFormCodec}: it runs every value through {@code Charset.encode} (a
 * thread-local encoder look-up and two buffers per value), 8% of a {@code get} call's CPU in a profile at 16 threads;
 * {@code URLEncoder} only encodes the characters that need it.
 */
final class OneShotEntity extends AbstractHttpEntity {

    /** As text once: HttpCore would turn a ContentType into its header value again for every entity. */
    private static final String FORM
            = ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8).toString();

    private final byte[] body;

    OneShotEntity(List<NameValuePair> form) {
        this(form, null);
    }

    /** The form, then {@code encodedLast} (a field already encoded by {@link #encode}) when it is not null. */
    OneShotEntity(List<NameValuePair> form, String encodedLast) {
        super(FORM, null);
        StringBuilder text = new StringBuilder(128);
        for (NameValuePair p : form) {
            if (!text.isEmpty()) {
                text.append('&');
            }
            text.append(encode(p.getName(), p.getValue()));
        }
        if (encodedLast != null) {
            text.append(text.isEmpty() ? "" : "&").append(encodedLast);
        }
        this.body = text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** One field of the form, {@code name=value} encoded; only the name when the value is null. */
    static String encode(String name, String value) {
        String n = URLEncoder.encode(name, StandardCharsets.UTF_8);
        return value == null ? n : n + '=' + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public long getContentLength() {
        return body.length;
    }

    @Override
    public InputStream getContent() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(body);
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // nothing to release
    }
}

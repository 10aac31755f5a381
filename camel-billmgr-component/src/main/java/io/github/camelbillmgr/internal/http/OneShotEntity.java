package io.github.camelbillmgr.internal.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.net.WWWFormCodec;

/**
 * The urlencoded form (HttpCore's {@link WWWFormCodec}, UTF-8) as an entity HttpClient cannot replay. HttpClient's default retry strategy re-sends a request
 * after HTTP 429 and 503 replies whatever its method, unless camel-http's automaticRetriesDisabled is set; it never
 * re-sends a request whose body is not repeatable. An order or a renewal must not run twice behind the route's back,
 * so every request is sent at most once, whatever the camel-http component says.
 * <p>
 * The form's bytes are written straight to the connection (an InputStreamEntity copies them through a new 4 KiB
 * buffer per request).
 */
final class OneShotEntity extends AbstractHttpEntity {

    /** As text once: HttpCore would turn a ContentType into its header value again for every entity. */
    private static final String FORM
            = ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8).toString();

    private final byte[] body;

    OneShotEntity(List<NameValuePair> form) {
        super(FORM, null);
        this.body = WWWFormCodec.format(form, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII);
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

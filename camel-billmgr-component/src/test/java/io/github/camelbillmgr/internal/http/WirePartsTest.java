package io.github.camelbillmgr.internal.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class WirePartsTest {

    @Test
    void theFormIsUrlencodedUtf8AndNeverRepeatable() throws Exception {
        OneShotEntity entity = new OneShotEntity(
                List.of(new BasicNameValuePair("func", "vds.edit"), new BasicNameValuePair("name", "a b*~ж")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entity.writeTo(out);
        String body = out.toString(StandardCharsets.ISO_8859_1);
        assertEquals("func=vds.edit&name=a+b*%7E%D0%B6", body); // URLEncoder's, as HTML forms send them
        assertEquals(body.length(), entity.getContentLength());
        assertEquals("application/x-www-form-urlencoded; charset=UTF-8", entity.getContentType());
        assertFalse(entity.isRepeatable(), "HttpClient must never send it twice");
        assertFalse(entity.isStreaming());
    }

    @Test
    void aFieldEncodedAheadIsSentAsTheWholeFormWouldBe() throws Exception {
        List<BasicNameValuePair> head = List.of(new BasicNameValuePair("func", "whoami"),
                new BasicNameValuePair("out", "xml"));
        BasicNameValuePair credential = new BasicNameValuePair("authinfo", "user@example.com:p@ss w*rd~!");
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        new OneShotEntity(List.of(head.get(0), head.get(1), credential)).writeTo(whole);
        ByteArrayOutputStream ahead = new ByteArrayOutputStream();
        new OneShotEntity(List.copyOf(head), OneShotEntity.encode(credential.getName(), credential.getValue()))
                .writeTo(ahead);
        assertEquals(whole.toString(StandardCharsets.ISO_8859_1), ahead.toString(StandardCharsets.ISO_8859_1));
        assertEquals("func=whoami&out=xml&authinfo=user%40example.com%3Ap%40ss+w*rd%7E%21",
                ahead.toString(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream alone = new ByteArrayOutputStream();
        new OneShotEntity(List.of(), "auth=abc").writeTo(alone);
        assertEquals("auth=abc", alone.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void thePeekKeepsOnlyTheFirstBytesWhateverTheReads() throws Exception {
        byte[] reply = "<html><title>502 Bad Gateway</title></html>".getBytes(StandardCharsets.US_ASCII);
        PeekingInputStream in = new PeekingInputStream(new ByteArrayInputStream(reply), 10);
        assertEquals('<', in.read());
        byte[] rest = new byte[100];
        int n = in.read(rest, 0, rest.length);
        assertEquals(reply.length - 1, n, "the reader still gets every byte");
        assertArrayEquals("<html><tit".getBytes(StandardCharsets.US_ASCII), in.peeked());
    }

    @Test
    void aReplyReadAfterAnotherPeeksOnlyItsOwnBytes() throws Exception {
        PeekingInputStream first = new PeekingInputStream(new ByteArrayInputStream(new byte[] { 'a', 'b', 'c' }), 10);
        first.readAllBytes();
        first.release();
        PeekingInputStream second = new PeekingInputStream(new ByteArrayInputStream(new byte[] { 'x' }), 10);
        // a reply read while the second is (a row handler's call) has a buffer of its own
        PeekingInputStream nested = new PeekingInputStream(new ByteArrayInputStream(new byte[] { 'y', 'z' }), 10);
        second.readAllBytes();
        nested.readAllBytes();
        assertArrayEquals(new byte[] { 'x' }, second.peeked());
        assertArrayEquals(new byte[] { 'y', 'z' }, nested.peeked());
    }
}

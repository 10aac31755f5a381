package io.github.camelbillmgr.internal.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class WirePartsTest {

    @Test
    void theFormIsUrlencodedUtf8AndNeverRepeatable() throws Exception {
        OneShotEntity entity = new OneShotEntity(new UrlEncodedForm(2).add("func", "vds.edit").add("name", "a b*~ж"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entity.writeTo(out);
        String body = out.toString(StandardCharsets.ISO_8859_1);
        assertEquals("func=vds.edit&name=a+b%2A~%D0%B6", body);
        assertEquals(body.length(), entity.getContentLength());
        assertEquals("application/x-www-form-urlencoded; charset=UTF-8", entity.getContentType());
        assertFalse(entity.isRepeatable(), "HttpClient must never send it twice");
        assertFalse(entity.isStreaming());
    }

    /** Random names and values of every kind of character: the bytes HttpCore's own form encoder would send. */
    @Test
    void theFormHasTheBytesOfHttpCoresFormEncoder() {
        Random random = new Random(42);
        String alphabet = "aZ09-._~ *+&=%/?:@!$'(),;#[]\"\\\t\r\n\u00e9\u0416\u20ac\uffff\ud83d\ude00\ud83d\ude00";
        for (int run = 0; run < 2000; run++) {
            int fields = random.nextInt(6);
            UrlEncodedForm form = new UrlEncodedForm(random.nextInt(3));
            List<NameValuePair> pairs = new ArrayList<>();
            for (int f = 0; f < fields; f++) {
                String name = randomText(random, alphabet);
                String value = random.nextInt(10) == 0 ? null : randomText(random, alphabet);
                if (random.nextInt(20) == 0) {
                    value = value + "\ud800"; // an unpaired surrogate
                }
                form.add(name, value);
                pairs.add(new BasicNameValuePair(name, value));
            }
            String expected = WWWFormCodec.format(pairs, StandardCharsets.UTF_8);
            assertEquals(expected, new String(form.toBytes(), StandardCharsets.ISO_8859_1), pairs.toString());
        }
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
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

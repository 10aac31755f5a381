package io.github.camelbillmgr.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP/1.1 rules the simulator's server keeps, over a bare socket: chunked request bodies, {@code Expect:
 * 100-continue}, pipelined and kept-alive requests, {@code Connection: close} and HTTP/1.0, and a 400 for what is
 * not HTTP.
 */
class HttpWireTest {

    @RegisterExtension
    static BillmgrSimulatorExtension billmgr = new BillmgrSimulatorExtension(TestSupport.settings());

    private static final String FORM = "func=whoami&out=xml&authinfo="
            + SimClient.encode("x", SimClient.CLIENT_AUTHINFO).substring(2);

    @Test
    void aChunkedBodyIsReadAndTheConnectionStaysOpen() {
        byte[] form = FORM.getBytes(StandardCharsets.US_ASCII);
        int half = form.length / 2;
        String request = "POST /billmgr HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(half) + ";ext=1\r\n" + FORM.substring(0, half) + "\r\n"
                + Integer.toHexString(form.length - half) + "\r\n" + FORM.substring(half) + "\r\n0\r\n\r\n";
        Exchange reply = exchange(request, 500);
        assertTrue(reply.text.startsWith("HTTP/1.1 200"), reply.text);
        assertTrue(reply.text.contains("name=\"client@example.com\""), reply.text);
        assertFalse(reply.closed, "keep-alive");
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBody() {
        String request = "POST /billmgr HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Expect: 100-continue\r\nContent-Length: " + FORM.length() + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", billmgr.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] interim = new byte[25];
            assertEquals(25, in.readNBytes(interim, 0, 25));
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(interim, StandardCharsets.US_ASCII));
            out.write(FORM.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String rest = new String(readUntil(in, "</doc>"), StandardCharsets.UTF_8);
            assertTrue(rest.startsWith("HTTP/1.1 200"), rest);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() {
        String one = post(FORM, "");
        String two = post(FORM.replace("out=xml", "out=json"), "");
        Exchange reply = exchange(one + two, 500);
        int xml = reply.text.indexOf("<doc>");
        int json = reply.text.indexOf("{\"doc\"");
        assertTrue(xml > 0 && json > xml, reply.text);
        assertEquals(2, reply.text.split("HTTP/1.1 200", -1).length - 1, reply.text);
        assertFalse(reply.closed);
    }

    @Test
    void connectionCloseAndHttp10EndTheConnectionAfterTheAnswer() {
        Exchange closing = exchange(post(FORM, "Connection: close\r\n"), 5000);
        assertTrue(closing.text.startsWith("HTTP/1.1 200"), closing.text);
        assertTrue(closing.text.toLowerCase().contains("connection: close"), closing.text);
        assertTrue(closing.closed);

        Exchange old = exchange(post(FORM, "").replace("HTTP/1.1", "HTTP/1.0"), 5000);
        assertTrue(old.text.startsWith("HTTP/1.1 200"), old.text);
        assertTrue(old.text.contains("</doc>"), old.text);
        assertTrue(old.closed);
    }

    @Test
    void whatIsNotHttpGetsA400AndTheConnectionClosed() {
        Exchange reply = exchange("HELLO\r\n\r\n", 5000);
        assertTrue(reply.text.startsWith("HTTP/1.1 400"), reply.text);
        assertTrue(reply.closed);
        assertEquals(0, billmgr.simulator().requestsReceived(), "not an API call: not recorded");
    }

    private static String post(String form, String extraHeaders) {
        return "POST /billmgr HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + extraHeaders + "Content-Length: " + form.length() + "\r\n\r\n" + form;
    }

    private record Exchange(String text, boolean closed) {
    }

    /** Sends the bytes and reads until the server closes the connection or stays silent for {@code quietMillis}. */
    private static Exchange exchange(String request, int quietMillis) {
        try (Socket socket = new Socket("127.0.0.1", billmgr.port())) {
            socket.setSoTimeout(quietMillis);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) >= 0;) {
                    received.write(buffer, 0, n);
                }
                return new Exchange(received.toString(StandardCharsets.UTF_8), true);
            } catch (SocketTimeoutException e) {
                return new Exchange(received.toString(StandardCharsets.UTF_8), false);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        while (!received.toString(StandardCharsets.UTF_8).contains(end)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            received.write(b);
        }
        return received.toByteArray();
    }
}

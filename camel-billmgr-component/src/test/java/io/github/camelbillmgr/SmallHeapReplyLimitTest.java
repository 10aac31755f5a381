package io.github.camelbillmgr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8: replies of any size, and a gzip body that inflates to a gigabyte, end in a BillmgrTransportException that
 * names maxReplySize (at its default), never in an OutOfMemoryError. The build runs this class in a JVM of its own
 * with {@code -Xmx128m} (the surefire execution {@code small-heap}), where each of these replies ran the JVM out of
 * memory before the limit existed. The replies come from a {@link HostileServer} that writes them as it goes, without
 * a Content-Length, so that nothing but the count of bytes read can stop them.
 */
class SmallHeapReplyLimitTest {

    /** Set by the small-heap execution: there the heap must really be small, or the test proves nothing. */
    private static final String SMALL_HEAP = "billmgr.smallHeap";
    private static final long GB = 1024L * 1024 * 1024;
    /** The time only an endless reply would take: a deadline for the test, not a figure it checks. */
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private static byte[] gzipBomb;
    private CamelContext context;
    private HostileServer server;

    @BeforeAll
    static void checkHeapAndMakeTheBomb() throws IOException {
        long max = Runtime.getRuntime().maxMemory();
        System.out.println("[small heap] max heap " + max / (1024 * 1024) + " MB");
        if (Boolean.getBoolean(SMALL_HEAP)) {
            assertTrue(max <= 160L * 1024 * 1024, "the small-heap run has a heap of " + max + " bytes");
        }
        // an XML text node of 1 GB of one letter: a parser that reads it whole needs gigabytes of heap
        ByteArrayOutputStream bomb = new ByteArrayOutputStream(2 * 1024 * 1024);
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb, 65536) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write("<doc><msg>".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) 'a');
            for (long written = 0; written < GB; written += block.length) {
                gz.write(block);
            }
            gz.write("</msg></doc>".getBytes(StandardCharsets.US_ASCII));
        }
        gzipBomb = bomb.toByteArray();
        System.out.println("[small heap] gzip bomb: " + gzipBomb.length + " bytes inflating to 1 GB");
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A reply without Content-Length, its body written by {@code body} until the client hangs up. */
    private static HostileServer.Handler endless(String contentType, Consumer<Writer> body) {
        return (r, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            try {
                body.accept(new Writer(out));
            } catch (Stop e) {
                // the client closed the connection: the point
            }
            return false;
        };
    }

    /** Writes text to the connection; stops the handler once the client hangs up. */
    static final class Writer {
        private final OutputStream out;

        Writer(OutputStream out) {
            this.out = out;
        }

        void write(String s) {
            try {
                out.write(s.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new Stop();
            }
        }
    }

    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private ProducerTemplate start(HostileServer.Handler handler) throws Exception {
        server = HostileServer.start(handler);
        context = new DefaultCamelContext();
        BillmgrConfiguration conf = context.getComponent("billmgr", BillmgrComponent.class).getConfiguration();
        conf.setBaseUrl(server.url());
        conf.setUsername("heap");
        conf.setPassword("Heap-pa55word");
        context.start();
        return context.createProducerTemplate();
    }

    private static BillmgrTransportException failure(ProducerTemplate template, String uri) {
        Exchange ex = assertTimeoutPreemptively(DEADLINE, () -> template.request(uri, e -> {
        }));
        assertNotNull(ex.getException(), uri + " did not fail");
        return assertInstanceOf(BillmgrTransportException.class, ex.getException(), () -> uri + ": "
                + ex.getException());
    }

    /**
     * The limit named: the bytes of the reply, or the values a tree of them would hold at once (a few bytes of tiny
     * distinct fields cost a few hundred in a tree), whichever comes first.
     */
    private static void assertLimit(BillmgrTransportException e) {
        assertTrue(e.getMessage().contains("larger than maxReplySize (8388608 bytes, counted after decompression)")
                || e.getMessage().contains("the most held in memory at once for maxReplySize (8388608 bytes"),
                e.getMessage());
    }

    private static void assertBytes(BillmgrTransportException e) {
        assertTrue(e.getMessage().contains("larger than maxReplySize (8388608 bytes, counted after decompression)"),
                e.getMessage());
    }

    @Test
    void jsonWithEndlesslyManyDistinctFields() throws Exception {
        ProducerTemplate template = start(endless("application/json", w -> {
            w.write("{\"doc\":{");
            for (long i = 0;; i++) {
                w.write("\"f" + i + "\":{\"$\":\"" + i + "\"},");
            }
        }));
        assertLimit(failure(template, "billmgr:func/whoami"));
    }

    @Test
    void xmlWithEndlesslyManyAttributesElementsOrText() throws Exception {
        List<Consumer<Writer>> bodies = List.of(w -> {
            // the JDK's parser refuses more than 10,000 attributes on one element itself: spread them
            w.write("<doc>");
            for (long i = 0;; i++) {
                StringBuilder e = new StringBuilder("<a");
                for (int a = 0; a < 1000; a++) {
                    e.append(" x").append(a).append("=\"").append(i).append("\"");
                }
                w.write(e.append("/>").toString());
            }
        }, w -> {
            w.write("<doc>");
            for (long i = 0;; i++) {
                w.write("<e" + (i % 1000) + " n=\"" + i + "\">" + i + "</e" + (i % 1000) + ">");
            }
        }, w -> {
            w.write("<doc><msg>");
            String text = "x".repeat(8192);
            while (true) {
                w.write(text);
            }
        });
        for (Consumer<Writer> body : bodies) {
            ProducerTemplate template = start(endless("text/xml", body));
            assertLimit(failure(template, "billmgr:func/whoami?format=xml"));
            stop();
        }
    }

    @Test
    void aListPageWithEndlesslyManyRowsOrOneEndlessRow() throws Exception {
        ProducerTemplate template = start(endless("application/json", w -> {
            w.write("{\"doc\":{\"elem\":[");
            for (long i = 1;; i++) {
                w.write("{\"id\":{\"$\":\"" + i + "\"},\"name\":{\"$\":\"vds-" + i + "\"}},");
            }
        }));
        BillmgrTransportException rows = failure(template, "billmgr:vds/list");
        assertTrue(rows.getMessage().contains("holds more than the pageSize (1000) rows"), rows.getMessage());
        stop();
        template = start(endless("application/json", w -> {
            w.write("{\"doc\":{\"elem\":[{\"id\":{\"$\":\"1\"}");
            for (long i = 0;; i++) {
                w.write(",\"c" + i + "\":{\"$\":\"" + i + "\"}");
            }
        }));
        assertLimit(failure(template, "billmgr:vds/list?outputType=iterator"));
        stop();
        template = start(endless("application/json", w -> {
            w.write("{\"doc\":{\"elem\":[{\"id\":{\"$\":\"1\"}");
            for (long i = 0;; i++) {
                w.write(",\"c" + i + "\":{\"$\":\"" + i + "\"}");
            }
        }));
        Exchange order = template.request("billmgr:vds/order?pricelist=6&period=1&lookupBeforeOrder=always"
                + "&remoteId=shop-1", e -> {
                });
        // the look-up before the order reads the list: it fails, and the order is not sent
        assertInstanceOf(BillmgrTransportException.class, order.getException());
        assertEquals(1, server.requests().size());
    }

    @Test
    void aGzipBombIsCountedAfterDecompression() throws Exception {
        ProducerTemplate template = start((r, out) -> {
            HostileServer.reply(out, 200, "text/xml", gzipBomb, "Content-Encoding: gzip");
            return true;
        });
        assertBytes(failure(template, "billmgr:func/whoami?format=xml"));
        BillmgrTransportException order = failure(template, "billmgr:vds/order?pricelist=6&period=1&format=xml");
        assertInstanceOf(BillmgrOutcomeUnknownException.class, order, "sent, and its reply not read");
        assertBytes(order);
    }
}

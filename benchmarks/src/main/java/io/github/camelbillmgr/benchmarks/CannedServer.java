package io.github.camelbillmgr.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * A static BILLmanager responder: HTTP/1.1 keep-alive on blocking sockets, one thread per connection, each reply a
 * precomputed byte array written with one call. Fast enough not to be what a benchmark measures. Run in its own JVM
 * ({@code main} prints {@code READY <baseUrl> <serviceId>}).
 * <p>
 * The replies to {@code whoami}, {@code vds.edit} and {@code v2.vds.order.param} are what the simulator answered to
 * the same forms at start-up, so they are real dialect. List functions ({@code vds} 1,000 rows, {@code vhost} 250,000,
 * {@code dedic} 1,000,000) are rendered by {@link ListPages}, each page once, then served from memory.
 */
public final class CannedServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, byte[]> replies = new HashMap<>();
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    private final long serviceId;
    private volatile boolean running = true;
    /** Requests answered, for {@link ServerStats}. */
    private final LongAdder answered = new LongAdder();

    private CannedServer(int port) throws Exception {
        this.serviceId = record();
        this.socket = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "canned-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static CannedServer start(int port) throws Exception {
        return new CannedServer(port);
    }

    public static void main(String[] args) throws Exception {
        CannedServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println("READY " + server.baseUrl() + " " + server.serviceId());
        System.out.flush();
        // runs until its parent closes stdin (or kills it)
        ServerStats.serve(server.answered::sum, System.out);
        server.close();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/billmgr";
    }

    public long serviceId() {
        return serviceId;
    }

    /** Asks a simulator in this JVM once per form and keeps its answers. */
    private long record() throws Exception {
        try (BillmgrSimulator sim = new BillmgrSimulator(new SimSettings().setPort(0)).start()) {
            sim.state().setBalance(BillmgrSimulator.CLIENT_USER, new BigDecimal("1000000"));
            SimService service = sim.state().addServices("vds", BillmgrSimulator.CLIENT_USER, Ops.PRICELIST, 1).get(0);
            HttpClient http = HttpClient.newHttpClient();
            for (String format : new String[] { "json", "xml" }) {
                for (String op : new String[] { "whoami", "get", "order" }) {
                    String form = Forms.of(op, format, service.id());
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(sim.getBaseUrl()))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    String func = form.substring(5, form.indexOf('&'));
                    replies.put(func + "/" + format, response(format, r.body()));
                }
            }
            return service.id();
        }
    }

    private static byte[] response(String format, byte[] body) {
        String type = "xml".equals(format) ? "text/xml; charset=UTF-8" : "application/json; charset=UTF-8";
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private void accept() {
        while (running) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "canned-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (running) {
                    e.printStackTrace();
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
                OutputStream out = s.getOutputStream()) {
            while (true) {
                int length = readHead(in);
                if (length < 0) {
                    return;
                }
                byte[] body = in.readNBytes(length);
                out.write(reply(form(new String(body, StandardCharsets.ISO_8859_1))));
                out.flush();
                answered.increment();
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    private byte[] reply(Map<String, String> form) {
        String func = form.getOrDefault("func", "");
        String format = "json".equals(form.get("out")) ? "json" : "xml";
        int rows = Ops.rowsOfListFunc(func);
        if (rows >= 0) {
            int page = Integer.parseInt(form.getOrDefault("p_num", "1"));
            int pageSize = Integer.parseInt(form.getOrDefault("p_cnt", String.valueOf(Ops.PAGE_SIZE)));
            return pages.computeIfAbsent(func + "/" + format + "/" + page + "/" + pageSize,
                    k -> response(format, ListPages.page(format, rows, page, pageSize)));
        }
        byte[] r = replies.get(func + "/" + format);
        if (r == null) {
            String doc = "xml".equals(format)
                    ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<doc><error type=\"missing\" object=\"func\"><msg>no canned reply</msg></error></doc>"
                    : "{\"doc\":{\"error\":{\"$type\":\"missing\",\"$object\":\"func\",\"msg\":{\"$\":\"no canned reply\"}}}}";
            return response(format, doc.getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    /** Reads a request head; returns its Content-Length, or -1 at the end of the stream. */
    private static int readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int length = 0;
        boolean first = true;
        while (true) {
            line.setLength(0);
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (c < 0) {
                return -1;
            }
            if (line.length() == 0) {
                if (first) {
                    continue;
                }
                return length;
            }
            first = false;
            if (line.length() > 15 && line.substring(0, 15).equalsIgnoreCase("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() throws IOException {
        running = false;
        socket.close();
    }
}

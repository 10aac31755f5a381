package io.github.camelbillmgr.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.simulator.BillmgrSimulator;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * Real replies of the simulator, as the bytes it sent, in both formats: a whoami, a service list and an order. The
 * truncation cases are cut from them, so they are cut where a real connection could break.
 */
final class RealReplies {

    private RealReplies() {
    }

    /**
     * Orders two VPS (so the list has rows) and captures the replies.
     *
     * @return by name ({@code whoami}, {@code list}, {@code order}) and format: {@code list.xml}, {@code order.json}, ...
     */
    static Map<String, String> capture(BillmgrSimulator simulator) {
        Map<String, String> replies = new LinkedHashMap<>();
        try (CloseableHttpClient http = HttpClients.createMinimal()) {
            for (String format : List.of("json", "xml")) {
                replies.put("order." + format, call(http, simulator, format, "v2.vds.order.param", "pricelist", "6",
                        "order_period", "1", "ostempl", "ISPsystem__Ubuntu-22.04-amd64", "remoteid",
                        "corpus-" + format, "skipbasket", "on", "sok", "ok"));
            }
            for (String format : List.of("json", "xml")) {
                replies.put("whoami." + format, call(http, simulator, format, "whoami"));
                replies.put("list." + format, call(http, simulator, format, "vds"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return replies;
    }

    private static String call(CloseableHttpClient http, BillmgrSimulator simulator, String format, String func,
                               String... params)
            throws IOException {
        List<NameValuePair> form = new ArrayList<>();
        form.add(new BasicNameValuePair("func", func));
        form.add(new BasicNameValuePair("out", format));
        form.add(new BasicNameValuePair("authinfo",
                BillmgrSimulator.CLIENT_USER + ":" + BillmgrSimulator.CLIENT_PASSWORD));
        for (int i = 0; i < params.length; i += 2) {
            form.add(new BasicNameValuePair(params[i], params[i + 1]));
        }
        HttpPost post = new HttpPost(simulator.getBaseUrl());
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        String body
                = http.execute(post, response -> EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        if (body.contains("error")) {
            throw new IllegalStateException("the simulator refused " + func + ": " + body);
        }
        // A cut inside trailing whitespace would leave a whole document: cut only inside the document.
        return body.strip();
    }
}

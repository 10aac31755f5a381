package io.github.camelbillmgr.internal.http;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOutcome;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.internal.reply.DocumentReader;
import io.github.camelbillmgr.internal.secret.Redactor;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.StandardCookieSpec;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request as a one-shot urlencoded POST through camel-http's HttpClient, with the billmgr timeouts, no
 * cookies and the whole-call deadline, and hands the reply to the {@link ReplyReader}. What the reply says is the
 * caller's; no reply at all is a {@link BillmgrTransportException} that says why and whether the request had left.
 */
final class RequestSender {

    /** The category of the client's log lines, which users configure for the calls to BILLmanager. */
    private static final Logger LOG = LoggerFactory.getLogger(BillmgrClient.class);

    private final BillmgrConfiguration configuration;
    private final HttpClient httpClient;
    private final URI uri;
    private final String sanitizedUri;
    private final RequestTimeouts timeouts;
    private final RequestConfig requestConfig;
    private final CallDeadlines deadlines;
    private final ReplyReader replies;
    private final CallSecrets secrets;

    RequestSender(BillmgrConfiguration configuration, HttpClient httpClient, URI uri, String sanitizedUri,
                  RequestTimeouts timeouts, CallDeadlines deadlines, ReplyReader replies,
                  CallSecrets secrets) {
        this.configuration = configuration;
        this.httpClient = httpClient;
        this.uri = uri;
        this.sanitizedUri = sanitizedUri;
        this.timeouts = timeouts;
        // No cookies: BILLmanager's API needs none, and the camel-http client (with its cookie store) is shared
        // by every billmgr component, so a session cookie of one account would go out with another's requests.
        this.requestConfig
                = RequestConfig.copy(timeouts.applyTo(httpClient instanceof Configurable c ? c.getConfig() : null))
                        .setCookieSpec(StandardCookieSpec.IGNORE)
                        .build();
        this.deadlines = deadlines;
        this.replies = replies;
        this.secrets = secrets;
    }

    /** The base URL without credentials, as shown in logs and exceptions. */
    String sanitizedUri() {
        return sanitizedUri;
    }

    /**
     * Sends one request and reads its reply, whatever it says.
     *
     * @param credentialName the parameter the credential goes in ({@code authinfo} or {@code auth}), or null for none
     */
    ObjectNode send(BillmgrRequest request, String credentialName, String credential, DocumentReader.RowHandler rows)
            throws BillmgrException {
        HttpPost post = post(request, credentialName, credential);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Calling BILLmanager {}: {}", sanitizedUri, request);
        }
        HttpClientContext context = HttpClientContext.create();
        // never the client's shared store
        context.setCookieStore(NoCookies.INSTANCE);
        CallDeadline deadline = deadlines.start(timeouts.callMillis(), post);
        try (deadline) {
            return httpClient.execute(post, context, response -> {
                try {
                    return replies.read(request, response, credential, rows);
                } catch (IOException | RuntimeException | Error e) {
                    // The reply was not read to its end as it should be: what is left on the connection (the rest of
                    // a body, or a second reply after a too short Content-Length) must never be read as the reply
                    // to the next request. Cancelling closes the connection instead of returning it to the pool.
                    post.cancel();
                    throw e;
                }
            });
        } catch (ReplyReader.ReplyException e) {
            if (deadline.expired()) {
                throw expired(request, credential, true, e.failure());
            }
            throw e.failure();
        } catch (DocumentReader.RowHandlerException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BillmgrException be) {
                throw be;
            }
            // a row of a list being read: nothing was changed in BILLmanager
            throw new BillmgrException("Failed to handle a row of func '" + request.func() + "': " + cause,
                    request.func(),
                    BillmgrOutcome.NOT_DONE, cause);
        } catch (IOException caught) {
            // the connection's details are recorded once the request starts to go out on it
            boolean sent = context.getEndpointDetails() != null;
            if (deadline.expired()) {
                throw expired(request, credential, sent, caught);
            }
            IOException e = NoReplyDescription.normalized(caught);
            throw new BillmgrTransportException(
                    secrets.redactor(request, credential).redact("No reply from BILLmanager at " + sanitizedUri
                            + " for func '" + request.func() + "': "
                            + NoReplyDescription.describe(e, sent, uri, timeouts) + " (" + e + ")"),
                    request.func(), sanitizedUri, 0, null, null, null, e);
        }
    }

    /**
     * The credential field as last encoded: the same on nearly every call, and its {@code @}, {@code :} and
     * punctuation made URLEncoder build a string and encode it in UTF-8 for each run of them, a tenth of an XML
     * {@code whoami}'s CPU in a profile. Replaced when the credential changes (a new session id).
     */
    private volatile EncodedField lastCredential;

    private record EncodedField(String name, String value, String encoded) {
        @Override
        public String toString() {
            return name + "=" + Redactor.MASK; // never the credential
        }
    }

    /** The POST of the form: func, out, lang, the request's parameters, then the credential. */
    private HttpPost post(BillmgrRequest request, String credentialName, String credential) {
        List<NameValuePair> form = new ArrayList<>(request.params().size() + 4);
        form.add(new BasicNameValuePair("func", request.func()));
        form.add(new BasicNameValuePair("out", configuration.getFormat().name()));
        if (configuration.getLang() != null && !configuration.getLang().isBlank()) {
            form.add(new BasicNameValuePair("lang", configuration.getLang()));
        }
        for (Map.Entry<String, String> p : request.params()) {
            form.add(new BasicNameValuePair(p.getKey(), p.getValue()));
        }
        String encodedCredential = null;
        if (credentialName != null) {
            EncodedField last = lastCredential;
            if (last == null || !last.name().equals(credentialName) || !Objects.equals(last.value(), credential)) {
                last = new EncodedField(credentialName, credential, OneShotEntity.encode(credentialName, credential));
                lastCredential = last;
            }
            encodedCredential = last.encoded();
        }
        HttpPost post = new HttpPost(uri);
        post.setConfig(requestConfig);
        post.setEntity(new OneShotEntity(form, encodedCredential));
        request.headers().forEach(post::setHeader);
        return post;
    }

    /** The failure of a call cancelled at its callTimeout deadline, whatever it was doing then. */
    private BillmgrTransportException expired(BillmgrRequest request, String credential, boolean sent, Throwable seen) {
        String what = sent
                ? "the call was still running after " + timeouts.call() + " and was abandoned, its connection closed; "
                        + "BILLmanager may or may not have run it (a server that sends its reply a few bytes at a time "
                        + "is held only this long)"
                : "no connection was had within " + timeouts.call() + ", so the request was not sent";
        CallDeadline.ExpiredException cause = new CallDeadline.ExpiredException(what, sent);
        cause.addSuppressed(seen);
        return new BillmgrTransportException(
                secrets.redactor(request, credential).redact("No reply from BILLmanager at " + sanitizedUri
                        + " for func '" + request.func() + "': " + what),
                request.func(), sanitizedUri, 0, null, null, null, cause);
    }
}

package io.github.camelbillmgr.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.internal.reply.DocumentReader;
import io.github.camelbillmgr.internal.secret.Redactor;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads one HTTP reply inside HttpClient's response handler: the status, the size limit, and the body handed to the
 * {@link DocumentReader}, whose start is kept so that a reply that is not a document can still be shown. Whatever the
 * document says (an error too) is the caller's; a reply that is no document is a {@link ReplyException}.
 */
final class ReplyReader {

    /** How much of a non-document reply is kept for the exception: enough to see an HTML error page's title. */
    private static final int MAX_ERROR_BODY = 8 * 1024;

    private final DocumentReader reader;
    /** Read for the format and maxReplySize at each call, as the client always has. */
    private final BillmgrConfiguration configuration;
    private final String sanitizedUri;
    private final CallSecrets secrets;

    ReplyReader(DocumentReader reader, BillmgrConfiguration configuration, String sanitizedUri, CallSecrets secrets) {
        this.reader = reader;
        this.configuration = configuration;
        this.sanitizedUri = sanitizedUri;
        this.secrets = secrets;
    }

    ObjectNode read(BillmgrRequest request, ClassicHttpResponse response, String credential,
                    DocumentReader.RowHandler rows)
            throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        if (status < 200 || status > 299) {
            throw transportFailure(request, response, credential,
                    "BILLmanager at " + sanitizedUri + " answered HTTP " + status + " "
                            + nullToEmpty(response.getReasonPhrase()) + " for func '"
                            + request.func() + "'",
                    entity == null ? null : readBounded(entity));
        }
        if (entity == null) {
            throw transportFailure(request, response, credential,
                    "BILLmanager at " + sanitizedUri + " sent an empty reply for func '" + request.func() + "'", null);
        }
        long maxReplySize = configuration.getMaxReplySize();
        long declared = entity.getContentLength();
        if (declared > maxReplySize) {
            throw tooLarge(request, response, credential, "declares " + declared + " bytes", null);
        }
        ReplySizeLimit limited = new ReplySizeLimit(entity.getContent(), maxReplySize, declared);
        // Buffer the start of the body so that a reply that is not a document can still be shown.
        PeekingInputStream in = new PeekingInputStream(limited, MAX_ERROR_BODY);
        try {
            ObjectNode doc = reader.read(in, configuration.getFormat(), rows, request.isOnlyScalars());
            limited.drain();
            return doc;
        } catch (ReplySizeLimit.TooLargeException e) {
            throw tooLarge(request, response, credential, "went on past it", in.peeked());
        } catch (DocumentReader.NotADocumentException e) {
            if (limited.exceeded()) {
                // the XML parser wraps the stream's failure in its own
                throw tooLarge(request, response, credential, "went on past it", in.peeked());
            }
            throw transportFailure(request, response, credential,
                    "BILLmanager at " + sanitizedUri + " sent a reply to func '" + request.func()
                            + "' that is not a BILLmanager " + configuration.getFormat()
                            + " document (" + e.getMessage() + ")",
                    in.peeked());
        } finally {
            in.release();
        }
    }

    private ReplyException tooLarge(BillmgrRequest request, ClassicHttpResponse response, String credential,
                                    String how, byte[] body) {
        return transportFailure(request, response, credential,
                "BILLmanager at " + sanitizedUri + " sent a reply to func '" + request.func() + "' larger than "
                        + "maxReplySize (" + configuration.getMaxReplySize()
                        + " bytes, counted after decompression): it " + how
                        + "; the reply was not read and its connection was "
                        + "closed (raise maxReplySize if BILLmanager's replies "
                        + "are that large, or lower pageSize for a list)",
                body);
    }

    private ReplyException transportFailure(BillmgrRequest request, ClassicHttpResponse response, String credential,
                                            String message, byte[] body) {
        Redactor redactor = secrets.redactor(request, credential);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.put(h.getName(), redactor.redact(h.getValue()));
        }
        return new ReplyException(new BillmgrTransportException(redactor.redact(message), request.func(), sanitizedUri,
                response.getCode(), response.getReasonPhrase(), redactor.redact(body), headers, null));
    }

    /**
     * The start of an error reply's body, for the exception. Never read to HttpClient's end of the body, which would
     * return the connection to the pool: the caller closes it instead (see {@link ReplySizeLimit}).
     */
    private static byte[] readBounded(HttpEntity entity) throws IOException {
        InputStream in = entity.getContent();
        if (in == null) {
            return null;
        }
        return new ReplySizeLimit(in, Long.MAX_VALUE, entity.getContentLength()).readNBytes(MAX_ERROR_BODY);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Carries a failure out of HttpClient's response handler, which may only throw IOException. */
    static final class ReplyException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient BillmgrTransportException failure;

        ReplyException(BillmgrTransportException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }

        BillmgrTransportException failure() {
            return failure;
        }
    }
}

package io.github.camelbillmgr.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrAuthMode;
import io.github.camelbillmgr.BillmgrAuthenticationException;
import io.github.camelbillmgr.BillmgrBusyException;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.observe.BillmgrMetrics;
import io.github.camelbillmgr.internal.reply.DocumentReader;
import io.github.camelbillmgr.internal.reply.ErrorMapper;

/**
 * How a call carries the credentials ({@link AuthinfoAuthentication}, {@link SessionAuthentication}), and the login
 * pause around every call of them: while BILLmanager's refusal of the credentials is being waited out
 * ({@link LoginBackoff}) a call fails at once, unsent; a refusal begins or lengthens the pause, and any other answer
 * ends it.
 */
abstract class Authentication {

    final BillmgrConfiguration configuration;
    final RequestSender sender;
    final CallSecrets secrets;
    private final LoginBackoff backoff;
    private volatile BillmgrMetrics metrics = BillmgrMetrics.NONE;

    Authentication(BillmgrConfiguration configuration, RequestSender sender, CallSecrets secrets,
                   LoginBackoff backoff) {
        this.configuration = configuration;
        this.sender = sender;
        this.secrets = secrets;
        this.backoff = backoff;
    }

    /** The strategy of the configuration's authMode; {@code session} is null unless it is session. */
    static Authentication of(BillmgrConfiguration configuration, RequestSender sender, CallSecrets secrets,
                             LoginBackoff backoff, SessionAuthenticator session) {
        if (configuration.getAuthMode() != BillmgrAuthMode.session) {
            return new AuthinfoAuthentication(configuration, sender, secrets, backoff);
        }
        return new SessionAuthentication(configuration, sender, secrets, backoff, session);
    }

    void setMetrics(BillmgrMetrics metrics) {
        this.metrics = metrics;
    }

    BillmgrMetrics metrics() {
        return metrics;
    }

    /**
     * Sends the request with the credentials, within the login pause.
     *
     * @throws BillmgrApiException when BILLmanager answers with an error document
     */
    final ObjectNode call(BillmgrRequest request, DocumentReader.RowHandler rows) throws BillmgrException {
        boolean probe;
        try {
            probe = backoff.check();
        } catch (BillmgrAuthenticationException held) {
            metrics.heldByLoginPause();
            throw held;
        }
        try {
            ObjectNode doc = authenticated(request, rows);
            backoff.accepted();
            return doc;
        } catch (BillmgrApiException e) {
            // only refused credentials pause the others; a user who lacks the rights for one func must not stop
            // every call of the same credentials, and any other answer of BILLmanager means it took them
            if (isLoginRefusal(e)) {
                refused((BillmgrAuthenticationException) e);
            } else {
                backoff.accepted();
            }
            if (e instanceof BillmgrBusyException) {
                metrics.busy(e.getFunc());
            }
            throw e;
        } finally {
            if (probe) {
                backoff.probeDone();
            }
        }
    }

    /** Sends the request with this strategy's credentials and returns the document that is not an error. */
    abstract ObjectNode authenticated(BillmgrRequest request, DocumentReader.RowHandler rows) throws BillmgrException;

    /** The document, unless it is an error: then the error as an exception, secrets masked. */
    final ObjectNode checked(BillmgrRequest request, ObjectNode doc) throws BillmgrApiException {
        JsonNode error = ErrorMapper.error(doc);
        if (error != null) {
            throw ErrorMapper.toException(request.func(), error, secrets.redactor(request, null));
        }
        return doc;
    }

    /**
     * Fails at once, unsent, while the pause lasts, ignoring a probe. For a login that waited for another one: if
     * that one was just refused, this one is not tried.
     */
    final void checkPause() throws BillmgrAuthenticationException {
        try {
            backoff.checkPause();
        } catch (BillmgrAuthenticationException held) {
            metrics.heldByLoginPause();
            throw held;
        }
    }

    final void refused(BillmgrAuthenticationException e) {
        if (backoff.refused(e)) {
            metrics.loginPause();
        }
    }

    static boolean isLoginRefusal(BillmgrException e) {
        return e instanceof BillmgrAuthenticationException a && ErrorMapper.isLoginRefusal(a);
    }
}

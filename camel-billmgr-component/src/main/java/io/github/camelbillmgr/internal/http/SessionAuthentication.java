package io.github.camelbillmgr.internal.http;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrApiException;
import io.github.camelbillmgr.BillmgrAuthenticationException;
import io.github.camelbillmgr.BillmgrBusyException;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.reply.DocumentReader;
import io.github.camelbillmgr.internal.reply.ErrorMapper;
import io.github.camelbillmgr.internal.reply.Nodes;
import io.github.camelbillmgr.internal.secret.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code authMode=session}: one login ({@code func=auth}) whose session id goes in the body of every request, shared
 * through the {@link SessionAuthenticator} with every endpoint of the same account. An access error is answered with
 * one fresh login and one more send: an expired session and missing rights look the same, and BILLmanager refuses a
 * session before it runs the function, so the send cannot run it twice.
 */
final class SessionAuthentication extends Authentication {

    /** The category of the client's log lines, which users configure for the calls to BILLmanager. */
    private static final Logger LOG = LoggerFactory.getLogger(BillmgrClient.class);

    private final SessionAuthenticator session;
    /** Made once: the session asks it for a login only when it has no session. */
    private final SessionAuthenticator.Login login = this::loginUnlessJustRefused;

    SessionAuthentication(BillmgrConfiguration configuration, RequestSender sender, CallSecrets secrets,
                          LoginBackoff backoff, SessionAuthenticator session) {
        super(configuration, sender, secrets, backoff);
        this.session = session;
    }

    @Override
    ObjectNode authenticated(BillmgrRequest request, DocumentReader.RowHandler rows) throws BillmgrException {
        String sid = session.sessionId(login);
        ObjectNode doc = sender.send(request, Secrets.SESSION_ID, sid, rows);
        JsonNode error = ErrorMapper.error(doc);
        if (error != null && ErrorMapper.isAccess(error)) {
            // An expired session and missing rights look the same; one fresh login tells them apart.
            LOG.debug("BILLmanager refused the session for func={}; logging in again once", request.func());
            session.invalidate(sid);
            String fresh = session.sessionId(login);
            doc = sender.send(request, Secrets.SESSION_ID, fresh, rows);
            JsonNode again = ErrorMapper.error(doc);
            if (again != null && ErrorMapper.isAccess(again)) {
                BillmgrApiException e
                        = ErrorMapper.toException(request.func(), again, secrets.redactor(request, fresh));
                throw new BillmgrAuthenticationException(request.func(), e.getType(), e.getObject(), e.getValue(),
                        e.getParams(), "access denied again with a fresh session (the user lacks the rights for this "
                                + "function, or sessions are bound to another IP): " + e.getErrorMessage());
            }
        }
        return checked(request, doc);
    }

    /**
     * Logs in for the session's single flight. A thread that waited there while the login before it was refused does
     * not try the same credentials again: the refusal is recorded before the session is released, and seen here.
     */
    private String loginUnlessJustRefused() throws BillmgrException {
        checkPause();
        try {
            return login();
        } catch (BillmgrException e) {
            if (isLoginRefusal(e)) {
                refused((BillmgrAuthenticationException) e);
            }
            throw e;
        }
    }

    private String login() throws BillmgrException {
        BillmgrRequest auth = new BillmgrRequest("auth")
                .param("username", configuration.getUsername())
                .param(Secrets.PASSWORD, configuration.getPassword());
        ObjectNode doc = sender.send(auth, null, null, null);
        JsonNode error = ErrorMapper.error(doc);
        if (error != null) {
            BillmgrApiException e = ErrorMapper.toException("auth", error, secrets.redactor(auth, null));
            // "Request in process" refuses nothing: the login was not run and is worth repeating. As an
            // authentication failure it would not be retried, and would hold every call back (LoginBackoff).
            if (e instanceof BillmgrAuthenticationException || e instanceof BillmgrBusyException) {
                throw e;
            }
            throw new BillmgrAuthenticationException("auth", e.getType(), e.getObject(), e.getValue(), e.getParams(),
                    "login as '" + configuration.getUsername() + "' failed: " + e.getErrorMessage());
        }
        JsonNode authNode = Nodes.doc(doc).get("auth");
        String sid = Nodes.attr(authNode, "id");
        if (sid == null || sid.isBlank()) {
            sid = Nodes.text(authNode);
        }
        if (sid == null || sid.isBlank()) {
            throw new BillmgrAuthenticationException("auth", "auth", null, null, Map.of(),
                    "login as '" + configuration.getUsername() + "' returned no session id");
        }
        LOG.debug("Logged in to {} as {}", sender.sanitizedUri(), configuration.getUsername());
        metrics().login(session.getLoginCount() > 0); // counted by the session once this returns
        return sid;
    }
}

package io.github.camelbillmgr.internal.http;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.internal.secret.Redactor;
import io.github.camelbillmgr.internal.secret.Secrets;

/**
 * The secrets of one endpoint's calls: its credentials and its session, whichever session id a call was sent with
 * and whichever is current when the text is written. Asked only when a failure is described, never on a call that
 * succeeds.
 */
final class CallSecrets {

    private final BillmgrConfiguration configuration;
    /** Null with authMode=authinfo. */
    private final SessionAuthenticator session;

    CallSecrets(BillmgrConfiguration configuration, SessionAuthenticator session) {
        this.configuration = configuration;
        this.session = session;
    }

    /** The masking for a text about this request, sent with this credential (authinfo or session id; may be null). */
    Redactor redactor(BillmgrRequest request, String credential) {
        return Secrets.redactor(request.secretValues(), configuration.getUsername(), configuration.getPassword(),
                credential, session == null ? null : session.peek());
    }
}

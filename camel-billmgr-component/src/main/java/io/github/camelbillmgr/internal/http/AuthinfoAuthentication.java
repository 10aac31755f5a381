package io.github.camelbillmgr.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.internal.reply.DocumentReader;
import io.github.camelbillmgr.internal.secret.Secrets;

/** {@code authMode=authinfo}: the user and password in the body of every request; no login, nothing to renew. */
final class AuthinfoAuthentication extends Authentication {

    AuthinfoAuthentication(BillmgrConfiguration configuration, RequestSender sender, CallSecrets secrets,
                           LoginBackoff backoff) {
        super(configuration, sender, secrets, backoff);
    }

    @Override
    ObjectNode authenticated(BillmgrRequest request, DocumentReader.RowHandler rows) throws BillmgrException {
        return checked(request, sender.send(request, Secrets.AUTHINFO,
                Secrets.authinfo(configuration.getUsername(), configuration.getPassword()), rows));
    }
}

package io.github.camelbillmgr;

import java.util.Map;

/**
 * BILLmanager did not accept the credentials: a wrong user name or password, an IP restriction, a login that is
 * temporarily blocked after failed attempts ({@code blocklogon}), or a session that expired and could not be
 * renewed. Retrying with the same credentials does not help; fix the configuration or wait for the block to end.
 */
public class BillmgrAuthenticationException extends BillmgrApiException {

    private static final long serialVersionUID = 1L;

    public BillmgrAuthenticationException(String func, String type, String object, String value,
                                          Map<String, String> params, String errorMessage) {
        super(func, type, object, value, params, errorMessage);
    }
}

package io.github.camelbillmgr;

/** How the component authenticates to BILLmanager. */
public enum BillmgrAuthMode {
    /** The {@code authinfo} parameter (the user and password) in the body of every request. */
    authinfo,
    /** One {@code func=auth} login; the session id is reused, and renewed once when it has expired. */
    session
}

package io.github.camelbillmgr.internal.http;

import java.util.Date;
import java.util.List;

import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.cookie.CookieStore;

/**
 * The cookie store of every billmgr call: always empty, whatever a reply sets. Without one of its own, a call would
 * use the camel-http client's store, shared by every user of that client, where one account's session cookie would
 * go out with another's requests. One instance serves every call, where a new store per call cost a lock and a set.
 */
final class NoCookies implements CookieStore {

    static final NoCookies INSTANCE = new NoCookies();

    private NoCookies() {
    }

    @Override
    public void addCookie(Cookie cookie) {
        // dropped: BILLmanager's API needs no cookie
    }

    @Override
    public List<Cookie> getCookies() {
        return List.of();
    }

    @Override
    @SuppressWarnings("deprecation") // the interface's abstract method
    public boolean clearExpired(Date date) {
        return false;
    }

    @Override
    public void clear() {
        // nothing held
    }
}

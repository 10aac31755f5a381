package io.github.camelbillmgr.simulator.engine;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@code auth=} sessions with a sliding lifetime measured on the simulator clock. */
public final class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new HashMap<>();
    /**
     * Every id handed out since the last {@link #reset()}, live or not: a leak check looks for them in logs and
     * messages after they expired too. Concurrent, so such a check can read it without the store's lock.
     */
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Set<String> issuedView = Collections.unmodifiableSet(issued);

    public static final class Session {
        private final String id;
        private final String user;
        private final String ip;
        private Instant lastSeen;

        private Session(String id, String user, String ip, Instant lastSeen) {
            this.id = id;
            this.user = user;
            this.ip = ip;
            this.lastSeen = lastSeen;
        }

        public String id() {
            return id;
        }

        public String user() {
            return user;
        }
    }

    public static String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    public Session create(String user, String ip, Instant now) {
        Session session = new Session(randomToken(16), user, ip, now);
        sessions.put(session.id, session);
        issued.add(session.id);
        return session;
    }

    /**
     * The live session for an id, refreshed to {@code now}; empty when unknown, expired or (if
     * bound) used from another address. Expired sessions are forgotten.
     */
    public Optional<Session> touch(String id, Instant now, Duration lifetime, String ip, boolean boundToIp) {
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (session.lastSeen.plus(lifetime).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        if (boundToIp && !session.ip.equals(ip)) {
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    /** The user of a session, without refreshing it or checking its age. */
    public Optional<String> peekUser(String id) {
        return Optional.ofNullable(sessions.get(id)).map(Session::user);
    }

    /** Forgets one session, as if it had expired; false when there was none. */
    public boolean remove(String id) {
        return sessions.remove(id) != null;
    }

    public int size() {
        return sessions.size();
    }

    /** Forgets the live sessions, as a server restart would; the ids stay {@linkplain #issuedIds() issued}. */
    public void clear() {
        sessions.clear();
    }

    /** Forgets the live sessions and the issued ids: a fresh simulator. */
    public void reset() {
        sessions.clear();
        issued.clear();
    }

    /** A read-only live view of every session id issued since the last {@link #reset()}. */
    public Set<String> issuedIds() {
        return issuedView;
    }
}

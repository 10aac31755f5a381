package io.github.camelbillmgr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbillmgr.internal.http.LoginBackoff;
import io.github.camelbillmgr.internal.observe.AccountStatus;
import io.github.camelbillmgr.internal.observe.PollStats;
import io.github.camelbillmgr.internal.observe.ProducerHealthChecks;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code billmgr} dev console ({@code camel get dev-console billmgr}, the developer console's HTTP endpoint, or
 * {@code DevConsoleRegistry}): per BILLmanager account (base URL and user) its session and login backoff and the
 * endpoints that use it, and per polling consumer its state key, the services it remembers and its last poll. Never a
 * session id, a password or an endpoint URI as written (they are sanitized).
 */
@DevConsole(name = "billmgr", displayName = "BILLmanager", description = "BILLmanager sessions, login backoff and "
        + "list consumers")
public class BillmgrDevConsole extends AbstractDevConsole {

    public BillmgrDevConsole() {
        super("camel", "billmgr", "BILLmanager", "BILLmanager sessions, login backoff and list consumers");
    }

    /**
     * The billmgr endpoints of the context, grouped by component and account (base URL and user): the endpoints that
     * share a session and a login backoff. Two components of one account keep their own (they may hold different
     * passwords), so they show apart.
     */
    private Map<String, List<BillmgrEndpoint>> accounts() {
        Map<String, List<BillmgrEndpoint>> accounts = new LinkedHashMap<>();
        for (Endpoint e : getCamelContext().getEndpoints()) {
            if (e instanceof BillmgrEndpoint b) {
                accounts.computeIfAbsent(component(b) + " " + ProducerHealthChecks.account(b.getServiceUrl(),
                        b.getUsername()), k -> new ArrayList<>()).add(b);
            }
        }
        return accounts;
    }

    /** The name the routes use for the endpoint's component: the scheme of its URI. */
    private static String component(BillmgrEndpoint e) {
        String uri = e.getEndpointUri();
        int colon = uri.indexOf(':');
        return colon < 0 ? uri : uri.substring(0, colon);
    }

    private List<BillmgrConsumer> consumers() {
        List<BillmgrConsumer> consumers = new ArrayList<>();
        for (Route r : getCamelContext().getRoutes()) {
            Consumer c = r.getConsumer();
            if (c instanceof BillmgrConsumer b) {
                consumers.add(b);
            }
        }
        return consumers;
    }

    /** The account's status as its most informative endpoint sees it: a started one, which has a client. */
    private static AccountStatus status(List<BillmgrEndpoint> endpoints) {
        AccountStatus best = null;
        for (BillmgrEndpoint e : endpoints) {
            AccountStatus s = e.accountStatus();
            if (best == null || s.logins() > best.logins() || s.backoff().pauses() > best.backoff().pauses()
                    || (s.session() && !best.session())) {
                best = s;
            }
        }
        return best;
    }

    /** The auth modes of the account's endpoints: usually one, but endpoints may override the component's. */
    private static List<String> authModes(List<BillmgrEndpoint> endpoints) {
        return endpoints.stream().map(BillmgrEndpoint::getAuthMode).distinct().sorted().toList();
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        Map<String, List<BillmgrEndpoint>> accounts = accounts();
        sb.append("BILLmanager accounts: ").append(accounts.size()).append('\n');
        for (List<BillmgrEndpoint> endpoints : accounts.values()) {
            BillmgrEndpoint first = endpoints.get(0);
            AccountStatus s = status(endpoints);
            sb.append(String.format("%n  %s at %s, component %s (authMode=%s)%n", first.getUsername(),
                    first.getServiceUrl(), component(first), String.join(", ", authModes(endpoints))));
            if (s.session()) {
                sb.append(String.format("    session: %s, %d login(s), %d renewal(s), last login %s%n",
                        s.sessionActive() ? "held" : "none", s.logins(), s.renewals(),
                        s.lastLogin() == null ? "never" : s.lastLogin()));
            } else {
                sb.append("    session: none (authinfo on every request)\n");
            }
            LoginBackoff.State b = s.backoff();
            if (b.paused()) {
                sb.append(
                        String.format("    login: PAUSED for %d ms more (pause %d ms) after %s%n", b.remainingMillis(),
                                b.pauseMillis(), b.lastRefusal()));
            } else if (b.lastRefusal() != null) {
                sb.append(String.format("    login: refused (%s), the next call tries again%n", b.lastRefusal()));
            } else {
                sb.append("    login: accepted\n");
            }
            sb.append(String.format("    login pauses: %d, calls held: %d%n", b.pauses(), b.heldCalls()));
            sb.append("    endpoints:\n");
            for (BillmgrEndpoint e : endpoints) {
                sb.append("      ").append(URISupport.sanitizeUri(e.getEndpointUri())).append('\n');
            }
        }
        List<BillmgrConsumer> consumers = consumers();
        sb.append(String.format("%nBILLmanager list consumers: %d%n", consumers.size()));
        for (BillmgrConsumer c : consumers) {
            PollStats.Snapshot p = c.pollSnapshot();
            sb.append(String.format("%n  %s (%s)%n", URISupport.sanitizeUri(c.getEndpoint().getEndpointUri()),
                    c.getEndpoint().getConfiguration().getEmit()));
            sb.append(String.format("    state key: %s%n", c.getStateKey()));
            sb.append(String.format("    state: %d service(s) in %s%n", c.getRecordedServices(),
                    c.getStateRepositoryType()));
            sb.append(String.format("    polls: %d (%d failed); last: %d row(s) read in %d ms, %d emitted%n", p.polls(),
                    p.failedPolls(), p.lastRows(), p.lastMillis(), p.lastEmitted()));
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> accountList = new ArrayList<>();
        for (List<BillmgrEndpoint> endpoints : accounts().values()) {
            BillmgrEndpoint first = endpoints.get(0);
            AccountStatus s = status(endpoints);
            JsonObject a = new JsonObject();
            a.put("component", component(first));
            a.put("baseUrl", first.getServiceUrl());
            a.put("username", first.getUsername());
            a.put("authModes", authModes(endpoints));
            JsonObject session = new JsonObject();
            session.put("enabled", s.session());
            session.put("active", s.sessionActive());
            session.put("logins", s.logins());
            session.put("renewals", s.renewals());
            if (s.lastLogin() != null) {
                session.put("lastLogin", s.lastLogin().toString());
            }
            a.put("session", session);
            LoginBackoff.State b = s.backoff();
            JsonObject backoff = new JsonObject();
            backoff.put("paused", b.paused());
            backoff.put("remainingMillis", b.remainingMillis());
            backoff.put("pauseMillis", b.pauseMillis());
            backoff.put("pauses", b.pauses());
            backoff.put("heldCalls", b.heldCalls());
            if (b.lastRefusal() != null) {
                backoff.put("lastRefusal", b.lastRefusal());
            }
            a.put("loginBackoff", backoff);
            a.put("endpoints", endpoints.stream().map(e -> URISupport.sanitizeUri(e.getEndpointUri())).toList());
            accountList.add(a);
        }
        root.put("accounts", accountList);
        List<JsonObject> consumerList = new ArrayList<>();
        for (BillmgrConsumer c : consumers()) {
            PollStats.Snapshot p = c.pollSnapshot();
            JsonObject j = new JsonObject();
            j.put("endpoint", URISupport.sanitizeUri(c.getEndpoint().getEndpointUri()));
            j.put("emit", String.valueOf(c.getEndpoint().getConfiguration().getEmit()));
            j.put("stateKey", c.getStateKey());
            j.put("stateRepository", c.getStateRepositoryType());
            j.put("recordedServices", c.getRecordedServices());
            j.put("polls", p.polls());
            j.put("failedPolls", p.failedPolls());
            j.put("lastPollRows", p.lastRows());
            j.put("lastPollEmitted", p.lastEmitted());
            j.put("lastPollMillis", p.lastMillis());
            consumerList.add(j);
        }
        root.put("consumers", consumerList);
        return root;
    }
}

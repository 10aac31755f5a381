package io.github.camelbillmgr.secrets;

import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelbillmgr.BillmgrComponent;
import io.github.camelbillmgr.BillmgrEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.spi.ManagementAgent;
import org.apache.camel.util.URISupport;

/**
 * What a running CamelContext shows of its endpoints and routes: every endpoint's URI (as stored, as printed, and
 * sanitized), every route and route definition as printed, the URI attributes and names of the context's JMX MBeans
 * when JMX is on, and the exceptions and text headers of the exchanges mock endpoints received. Also learns the
 * passwords the context's billmgr components and endpoints were given, so that the scan looks for them.
 */
final class CamelSurfaceCheck {

    private CamelSurfaceCheck() {
    }

    /** Adds the passwords of the context's billmgr components and endpoints to the known secrets. */
    static void learnPasswords(CamelContext context) {
        for (String name : context.getComponentNames()) {
            if (context.hasComponent(name) instanceof BillmgrComponent c) {
                SecretLeaks.SCANNER.addSecret(c.getConfiguration().getPassword(),
                        "the password of component '" + name + "'");
            }
        }
        for (Endpoint e : context.getEndpoints()) {
            if (e instanceof BillmgrEndpoint b) {
                SecretLeaks.SCANNER.addSecret(b.getConfiguration().getPassword(), "the password of a billmgr endpoint");
            }
        }
    }

    /** Records every secret the context shows; returns how many JMX attributes were read (none with JMX off). */
    static int check(CamelContext context) {
        for (Endpoint e : context.getEndpoints()) {
            String uri = e.getEndpointUri();
            SecretLeaks.check("endpoint URI", uri);
            SecretLeaks.check("endpoint toString()", e.toString());
            SecretLeaks.check("endpoint base URI", e.getEndpointBaseUri());
            SecretLeaks.check("sanitized endpoint URI", URISupport.sanitizeUri(uri));
            if (e instanceof MockEndpoint mock) {
                mock.getExchanges().forEach(CamelSurfaceCheck::checkExchange);
            }
        }
        for (Route r : context.getRoutes()) {
            SecretLeaks.check("route " + r.getRouteId(), r.toString());
            SecretLeaks.check("route " + r.getRouteId() + " endpoint", r.getEndpoint().getEndpointUri());
            SecretLeaks.check("route " + r.getRouteId() + " endpoint toString()", r.getEndpoint().toString());
        }
        if (context instanceof ModelCamelContext model) {
            model.getRouteDefinitions().forEach(d -> SecretLeaks.check("route definition " + d.getRouteId(),
                    d.toString()));
        }
        return checkJmx(context);
    }

    /** The exception of an exchange, the one an error handler caught, and its text headers. */
    static void checkExchange(Exchange exchange) {
        if (exchange.getException() != null) {
            SecretLeaks.check("exchange exception", exchange.getException());
        }
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught != null) {
            SecretLeaks.check("exchange exception caught", caught);
        }
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (value instanceof CharSequence text) {
                SecretLeaks.check("exchange header " + name, text.toString());
            }
        });
    }

    /** With JMX on: the names of the context's MBeans and their String attributes that hold a URI or URL. */
    private static int checkJmx(CamelContext context) {
        ManagementAgent agent = context.getManagementStrategy() == null ? null
                : context.getManagementStrategy().getManagementAgent();
        MBeanServer server = agent == null ? null : agent.getMBeanServer();
        if (server == null) {
            return 0;
        }
        int read = 0;
        try {
            Set<ObjectName> names = server.queryNames(new ObjectName(agent.getMBeanObjectDomainName() + ":*"), null);
            for (ObjectName name : names) {
                SecretLeaks.check("JMX name", name.toString());
                for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
                    String n = a.getName();
                    if (a.isReadable() && String.class.getName().equals(a.getType())
                            && (n.contains("Uri") || n.contains("Url"))) {
                        Object value = server.getAttribute(name, n);
                        SecretLeaks.check("JMX " + name + " " + n, value == null ? null : value.toString());
                        read++;
                    }
                }
            }
            return read;
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the JMX MBeans of " + context.getName(), e);
        }
    }
}

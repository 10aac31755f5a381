package io.github.camelbillmgr.examples.cluster;

import java.util.concurrent.atomic.AtomicLong;

import io.github.camelbillmgr.BillmgrBusyException;
import io.github.camelbillmgr.BillmgrTransportException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.dao.DuplicateKeyException;

/**
 * docs/reliability.md's exactly-once order route, for a node of a cluster: every node runs it, all share one
 * {@link IdempotentRepository} in the database (camel-sql's {@code JdbcMessageIdRepository}), so an order message
 * that reaches two nodes is placed once.
 * <p>
 * The one addition for a cluster: when two nodes take the same key at the same moment, both find it absent, both
 * insert it, and the database's primary key refuses the second insert. camel-sql's {@code add()} then throws
 * Spring's {@link DuplicateKeyException} instead of answering "already there". That exchange lost the race: the key
 * is the other node's, so it is handled here as the duplicate it is (property {@code CamelDuplicateMessage}), and
 * never reaches BILLmanager.
 */
public class ClusterOrderRoutes extends RouteBuilder {

    private final IdempotentRepository processedOrders;
    private final String orderUri;
    private final long redeliveryDelay;
    private final AtomicLong racesLost = new AtomicLong();

    /**
     * @param processedOrders the shared repository
     * @param orderUri        the billmgr order endpoint, with {@code remoteIdExpression} over {@code orderNumber}
     * @param redeliveryDelay milliseconds between redeliveries (the recipe uses 2000, with exponential backoff)
     */
    public ClusterOrderRoutes(IdempotentRepository processedOrders, String orderUri, long redeliveryDelay) {
        this.processedOrders = processedOrders;
        this.orderUri = orderUri;
        this.redeliveryDelay = redeliveryDelay;
    }

    @Override
    public void configure() {
        from("direct:orders").routeId("billmgr-orders")
                // no answer came back (UNKNOWN: the component looks the remote id up before ordering again), a login
                // that failed on the way, or BILLmanager was busy: try again in the same exchange
                .onException(BillmgrTransportException.class, BillmgrBusyException.class)
                    .maximumRedeliveries(10).redeliveryDelay(redeliveryDelay)
                .end()
                // another node added the same key at the same moment and won: this copy is a duplicate
                .onException(DuplicateKeyException.class).handled(true)
                    .process(e -> racesLost.incrementAndGet())
                    .setProperty(Exchange.DUPLICATE_MESSAGE, constant(true))
                    .log("Order ${header.orderNumber} is being placed by another node")
                .end()
                .idempotentConsumer(header("orderNumber"), processedOrders)
                    .to(orderUri)
                .end();
    }

    /** How many copies lost the race for their key on this node. */
    public long racesLost() {
        return racesLost.get();
    }
}

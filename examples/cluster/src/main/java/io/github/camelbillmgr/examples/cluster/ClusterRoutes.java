package io.github.camelbillmgr.examples.cluster;

import java.util.concurrent.atomic.AtomicLong;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.model.BillmgrService;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The node's one route: {@code master:} lets only the leader of the namespace poll BILLmanager's VPS list, the
 * consumer state lives in the shared {@code billmgrState} repository (PostgreSQL), and each change is written to the
 * cluster journal, the stand-in for what a real route would do with it (notify, provision, bill).
 */
public class ClusterRoutes extends RouteBuilder {

    /** The camel-master namespace: every node that polls the same list uses the same one. */
    public static final String NAMESPACE = "billmgr-vds-changes";

    private final String node;
    private final ClusterJournal journal;
    private final long pollDelay;
    private final long workMillis;
    private final AtomicLong emitted = new AtomicLong();

    public ClusterRoutes(String node, ClusterJournal journal, long pollDelay, long workMillis) {
        this.node = node;
        this.journal = journal;
        this.pollDelay = pollDelay;
        this.workMillis = workMillis;
    }

    @Override
    public void configure() {
        from("master:" + NAMESPACE + ":billmgr:vds/list?emit=changes&stateRepository=#billmgrState"
             + "&delay=" + pollDelay + "&greedy=false")
                .routeId("billmgr-vds-changes")
                .process(this::handle);
    }

    private void handle(Exchange exchange) throws Exception {
        if (workMillis > 0) {
            Thread.sleep(workMillis); // what handling the change costs; the leader may die right here
        }
        BillmgrService s = exchange.getMessage().getBody(BillmgrService.class);
        String change = exchange.getMessage().getHeader(BillmgrConstants.CHANGE, String.class);
        journal.emitted(s.getId(), change, s.getStatus() == null ? null : s.getStatus().name(), s.getExpireDate());
        long total = emitted.incrementAndGet();
        if (Boolean.TRUE.equals(exchange.getProperty(Exchange.BATCH_COMPLETE, Boolean.class))) {
            int size = exchange.getProperty(Exchange.BATCH_SIZE, Integer.class);
            System.out.println("[" + node + "] handled " + size + " change(s) in this poll, " + total + " in all");
        }
    }
}

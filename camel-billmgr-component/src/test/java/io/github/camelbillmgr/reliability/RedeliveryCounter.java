package io.github.camelbillmgr.reliability;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeRedeliveryEvent;
import org.apache.camel.support.EventNotifierSupport;

/** Counts Camel's redeliveries, by the exception that caused each one. */
final class RedeliveryCounter extends EventNotifierSupport {

    private final Map<String, LongAdder> byCause = new ConcurrentHashMap<>();
    private final LongAdder timeouts = new LongAdder();

    RedeliveryCounter() {
        // only redelivery events: the others of 10,000 exchanges would cost for nothing
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeRedeliveryEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeRedeliveryEvent) event).getExchange();
        Throwable cause = exchange.getException();
        if (cause == null) {
            cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        String name = cause == null ? "(unknown)" : cause.getClass().getSimpleName();
        byCause.computeIfAbsent(name, k -> new LongAdder()).increment();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("no reply within responseTimeout")) {
                timeouts.increment();
                break;
            }
        }
    }

    /** Redeliveries after a response timeout (the component's message says so). */
    long timeouts() {
        return timeouts.sum();
    }

    long total() {
        return byCause.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Redeliveries by the simple name of the exception that caused them, sorted by name. */
    Map<String, Long> byCause() {
        Map<String, Long> sorted = new TreeMap<>();
        byCause.forEach((name, count) -> sorted.put(name, count.sum()));
        return sorted;
    }
}

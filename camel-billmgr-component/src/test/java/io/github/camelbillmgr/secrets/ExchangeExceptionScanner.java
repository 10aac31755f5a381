package io.github.camelbillmgr.secrets;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Scans the exception of every exchange that completes, fails, is handled by an error handler or is redelivered,
 * including exceptions that a route handles and never logs. Listens to those events only, so that Camel creates no
 * other event objects for it. Add it before the context starts:
 * {@code context.getManagementStrategy().addEventNotifier(new ExchangeExceptionScanner())}.
 */
public final class ExchangeExceptionScanner extends EventNotifierSupport {

    public ExchangeExceptionScanner() {
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeEvent e) {
            CamelSurfaceCheck.checkExchange(e.getExchange());
        }
    }
}

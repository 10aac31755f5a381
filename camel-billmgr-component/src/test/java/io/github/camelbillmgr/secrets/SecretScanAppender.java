package io.github.camelbillmgr.secrets;

import java.util.concurrent.atomic.LongAdder;

import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * A log4j2 appender that stores nothing: it scans each event as it is appended (the formatted message, the context
 * data, and the message of every throwable in the chain) and records a secret it finds in {@link SecretLeaks}.
 * Configured in {@code log4j2-test.properties} on the root logger at every level.
 */
@Plugin(name = "SecretScan", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE)
public final class SecretScanAppender extends AbstractAppender {

    private static final LongAdder SCANNED = new LongAdder();

    private SecretScanAppender(String name, Filter filter) {
        super(name, filter, null, true, Property.EMPTY_ARRAY);
    }

    @PluginFactory
    public static SecretScanAppender create(@PluginAttribute("name") String name,
                                            @PluginElement("Filter") Filter filter) {
        return new SecretScanAppender(name == null ? "secrets" : name, filter);
    }

    /** How many events were scanned since the tests started. */
    public static long scanned() {
        return SCANNED.sum();
    }

    @Override
    public void append(LogEvent event) {
        SCANNED.increment();
        String where = "log " + event.getLevel() + " " + event.getLoggerName();
        SecretLeaks.check(where, event.getMessage().getFormattedMessage());
        if (!event.getContextData().isEmpty()) {
            event.getContextData().forEach((key, value) -> SecretLeaks.check(where + " (context " + key + ")",
                    String.valueOf(value)));
        }
        if (event.getThrown() != null) {
            SecretLeaks.check(where, event.getThrown());
        }
    }
}

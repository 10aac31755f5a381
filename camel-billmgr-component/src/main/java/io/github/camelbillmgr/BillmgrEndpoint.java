package io.github.camelbillmgr;

import java.util.Map;

import io.github.camelbillmgr.internal.BillmgrClient;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;

/**
 * Order, renew, change, list, suspend, resume and delete ISPsystem BILLmanager services, and poll service lists for
 * changes.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "billmgr", title = "BILLmanager", syntax = "billmgr:itemType/operation",
             category = { Category.API }, headersClass = BillmgrConstants.class)
public class BillmgrEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriParam
    private BillmgrConfiguration configuration;

    private BillmgrClient client;
    /** Lives as long as the endpoint, so that stopping and starting a route does not emit everything again. */
    private final BillmgrStateRepository defaultStateRepository = new MemoryBillmgrStateRepository();

    public BillmgrEndpoint(String uri, BillmgrComponent component, BillmgrConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public BillmgrComponent getComponent() {
        return (BillmgrComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new BillmgrProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!"list".equals(configuration.getOperation()) || "func".equals(configuration.getItemType())) {
            throw new IllegalArgumentException("billmgr:" + configuration.getItemType() + "/"
                                               + configuration.getOperation() + " cannot be consumed: only "
                                               + "billmgr:TYPE/list polls, e.g. from(\"billmgr:vds/list?emit=changes\")");
        }
        BillmgrConsumer consumer = new BillmgrConsumer(this, processor);
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = new BillmgrClient(getCamelContext(), configuration,
                configuration.getAuthMode() == BillmgrAuthMode.session ? getComponent().sessionFor(configuration) : null,
                getComponent().backoffFor(configuration), getComponent().httpEndpoints());
        ServiceHelper.startService(client);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(client);
        client = null;
        super.doStop();
    }

    /** The client that talks to BILLmanager; available once the endpoint is started. */
    BillmgrClient getClient() {
        return client;
    }

    BillmgrStateRepository getDefaultStateRepository() {
        return defaultStateRepository;
    }

    public BillmgrConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BillmgrConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return URISupport.sanitizeUri(configuration.getBaseUrl());
    }

    @Override
    public String getServiceProtocol() {
        String url = configuration.getBaseUrl();
        return url != null && url.regionMatches(true, 0, "https:", 0, 6) ? "https" : "http";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getUsername() == null ? null : Map.of("username", configuration.getUsername());
    }
}

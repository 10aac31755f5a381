package io.github.camelbillmgr;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.internal.input.ExchangeInput;
import io.github.camelbillmgr.internal.observe.BillmgrMetrics;
import io.github.camelbillmgr.internal.observe.BillmgrProducerHealthCheck;
import io.github.camelbillmgr.internal.observe.CallOutcomes;
import io.github.camelbillmgr.internal.observe.ProducerHealthChecks;
import io.github.camelbillmgr.internal.op.Operation;
import io.github.camelbillmgr.internal.op.Operations;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs the endpoint's operation for each exchange. Blocking: BILLmanager calls are plain request/reply.
 */
public class BillmgrProducer extends DefaultProducer {

    private final Operation operation;
    /** Whether the operation sets the recovered header afresh on each call (see {@link CallOutcomes}). */
    private final boolean recovers;
    private WritableHealthCheckRepository healthCheckRepository;
    private BillmgrProducerHealthCheck healthCheck;
    /** Null without a MeterRegistry: then process() does not even look at the outcome. */
    private BillmgrMetrics metrics;

    public BillmgrProducer(BillmgrEndpoint endpoint) {
        super(endpoint);
        this.operation = Operations.create(endpoint.getConfiguration());
        this.recovers = operation.recovers();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // health checks are optional: only when camel-health's repository is present and enabled
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        BillmgrEndpoint endpoint = getEndpoint();
        if (healthCheckRepository != null) {
            // one check per account, shared by every producer of it, with an id that survives a restart
            healthCheck = ProducerHealthChecks.of(endpoint.getCamelContext()).join(healthCheckRepository,
                    endpoint.getServiceUrl(), endpoint.getConfiguration().getUsername(), endpoint.getClient(),
                    endpoint.getComponent().isHealthCheckProducerEnabled());
        }
        BillmgrMetrics m = endpoint.getComponent().metricsFor(endpoint.getConfiguration());
        metrics = m.enabled() ? m : null;
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            ProducerHealthChecks.of(getEndpoint().getCamelContext()).leave(healthCheckRepository, healthCheck,
                    getEndpoint().getClient());
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public BillmgrEndpoint getEndpoint() {
        return (BillmgrEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        BillmgrMetrics m = metrics;
        if (m == null) {
            call(exchange);
            return;
        }
        try {
            call(exchange);
        } catch (Exception e) {
            m.call(operation.func(), CallOutcomes.of(e));
            throw e;
        }
        m.call(operation.func(), CallOutcomes.of(exchange.getMessage(),
                !getEndpoint().getConfiguration().isThrowExceptionOnFailure(), recovers));
    }

    private void call(Exchange exchange) throws Exception {
        BillmgrConfiguration config = getEndpoint().getConfiguration();
        Message message = exchange.getMessage();
        ExchangeInput input = new ExchangeInput(message, config, operation.func());
        try {
            operation.execute(getEndpoint().getClient(), message, input);
        } catch (BillmgrApiException | BillmgrTransportException e) {
            if (config.isThrowExceptionOnFailure()) {
                throw e;
            }
            toMessage(message, e);
            return;
        }
        if (!config.isThrowExceptionOnFailure()) {
            message.setHeader(BillmgrConstants.OUTCOME, BillmgrOutcome.DONE);
        }
    }

    /** With throwExceptionOnFailure=false: the error document to the body, its type and message to headers. */
    private static void toMessage(Message message, BillmgrException failure) {
        message.setHeader(BillmgrConstants.FUNC, failure.getFunc());
        message.setHeader(BillmgrConstants.OUTCOME, failure.getOutcome());
        BillmgrException e = failure.answer();
        if (e instanceof BillmgrApiException api) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ObjectNode error = root.putObject("doc").putObject("error");
            error.put("$type", api.getType());
            if (api.getObject() != null) {
                error.put("$object", api.getObject());
            }
            var params = error.putArray("param");
            api.getParams().forEach((k, v) -> params.addObject().put("$name", k).put("$", v));
            if (api.getErrorMessage() != null) {
                error.putObject("msg").put("$", api.getErrorMessage());
            }
            message.setBody(root);
            message.setHeader(BillmgrConstants.ERROR_TYPE, api.getType());
            message.setHeader(BillmgrConstants.ERROR_OBJECT, api.getObject());
            message.setHeader(BillmgrConstants.ERROR_MESSAGE, api.getErrorMessage());
        } else if (e instanceof BillmgrTransportException t) {
            message.setBody(t.getResponseBody());
            message.setHeader(BillmgrConstants.ERROR_TYPE, "transport");
            message.setHeader(BillmgrConstants.ERROR_MESSAGE, t.getMessage());
            message.setHeader(BillmgrConstants.HTTP_RESPONSE_CODE, t.getStatusCode());
        }
        if (e != failure) {
            message.setHeader(BillmgrConstants.ERROR_MESSAGE, failure.getMessage()); // with what to do about it
        }
    }
}

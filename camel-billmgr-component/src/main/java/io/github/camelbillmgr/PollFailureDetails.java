package io.github.camelbillmgr;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the consumer health check's details say of a failed poll: the exception's class, its outcome, the function
 * and, for a refusal, BILLmanager's error type and object ({@link BillmgrConsumer#HEALTH_EXCEPTION} and the other
 * {@code HEALTH_*} keys). Never the error's value or message: they may echo what was sent. The HTTP status of a
 * transport failure is added by Camel itself ({@link BillmgrTransportException} is {@code HttpResponseAware}).
 */
final class PollFailureDetails {

    private PollFailureDetails() {
    }

    /** The details of the failure, in order; empty for an exception that is not a {@link BillmgrException}. */
    static Map<String, String> of(Exception e) {
        Map<String, String> details = new LinkedHashMap<>();
        if (!(e instanceof BillmgrException failure)) {
            return details;
        }
        details.put(BillmgrConsumer.HEALTH_EXCEPTION, failure.getClass().getSimpleName());
        details.put(BillmgrConsumer.HEALTH_OUTCOME, failure.getOutcome().name());
        if (failure.getFunc() != null) {
            details.put(BillmgrConsumer.HEALTH_FUNC, failure.getFunc());
        }
        if (failure instanceof BillmgrApiException refused) {
            if (refused.getType() != null && !refused.getType().isEmpty()) {
                details.put(BillmgrConsumer.HEALTH_ERROR_TYPE, refused.getType());
            }
            if (refused.getObject() != null && !refused.getObject().isEmpty()) {
                details.put(BillmgrConsumer.HEALTH_ERROR_OBJECT, refused.getObject());
            }
        }
        return details;
    }
}

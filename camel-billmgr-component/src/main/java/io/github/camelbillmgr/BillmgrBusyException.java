package io.github.camelbillmgr;

import java.util.Map;

/**
 * BILLmanager answered "Request in process, please wait": an earlier request of the same session or user is still
 * running, and this one was not executed. The outcome is {@link BillmgrOutcome#NOT_DONE}, and unlike most API errors
 * it is worth retrying after a pause, e.g. {@code onException(BillmgrBusyException.class).maximumRedeliveries(5)
 * .redeliveryDelay(2000)}.
 * <p>
 * An order answered this way keeps its remote id pending, so the redelivery still looks it up before ordering: the
 * request that is still running may be this exchange's own earlier attempt.
 * <p>
 * BILLmanager's error type for this is not documented: the component recognises it by the type ({@code busy},
 * {@code inprocess}, {@code request_in_process}, {@code wait}) or by the message ("Request in process", "please
 * wait").
 */
public class BillmgrBusyException extends BillmgrApiException {

    private static final long serialVersionUID = 1L;

    public BillmgrBusyException(String func, String type, String object, String value, Map<String, String> params,
                                String errorMessage) {
        super(func, type, object, value, params, errorMessage);
    }
}

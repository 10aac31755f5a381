package io.github.camelbillmgr;

import org.apache.camel.CamelException;

/**
 * Base of every failure the billmgr component reports: catch it in {@code onException(BillmgrException.class)} to
 * handle all of them, or one of its subclasses to treat a case on its own.
 * <p>
 * Messages never contain passwords, session ids or {@code authinfo} values.
 */
public class BillmgrException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String func;

    public BillmgrException(String message, String func) {
        super(message);
        this.func = func;
    }

    public BillmgrException(String message, String func, Throwable cause) {
        super(message, cause);
        this.func = func;
    }

    /**
     * The BILLmanager function that was called (or was about to be called), e.g. {@code v2.vds.order.param}; null
     * when the failure happened before a function was chosen.
     */
    public String getFunc() {
        return func;
    }
}

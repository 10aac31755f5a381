package io.github.camelbillmgr;

/**
 * The exchange carried input the component cannot send (a header of the wrong type, a missing id, a period that is
 * not a whole number, ...). Nothing was sent to BILLmanager, so the outcome is {@link BillmgrOutcome#NOT_DONE}. The
 * message names the header or option, the value and what is allowed.
 */
public class BillmgrInvalidInputException extends BillmgrException {

    private static final long serialVersionUID = 1L;

    public BillmgrInvalidInputException(String message, String func) {
        super(message, func, BillmgrOutcome.NOT_DONE, null);
    }
}

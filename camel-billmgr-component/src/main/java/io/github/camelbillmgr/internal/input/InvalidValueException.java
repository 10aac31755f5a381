package io.github.camelbillmgr.internal.input;

/**
 * A value broke one of the {@link ValueRules}; the message names where it came from (an option or a header), the
 * value and what is allowed. An {@link IllegalArgumentException}, so that at route start Camel reports it as the
 * cause of its {@code ResolveEndpointFailedException}; at run time {@link ExchangeInput} turns it into a
 * {@link io.github.camelbillmgr.BillmgrInvalidInputException} naming the endpoint.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}

package io.github.camelbillmgr.internal.op;

import java.util.regex.Pattern;

import io.github.camelbillmgr.BillmgrConstants;
import io.github.camelbillmgr.BillmgrInvalidInputException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;

/**
 * The {@code remoteIdExpression} option: a Simple expression that derives an order's remote id from a business key
 * of the exchange, e.g. {@code ${body[orderNumber]}} or {@code shop-${header.OrderNo}}.
 */
public final class RemoteIdExpression {

    /** A {@code ${...}} or {@code $simple{...}} part of the expression. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(simple)?\\{[^}]*}");

    private final String text;
    private final Expression expression;
    /** The expression's fixed text: what it gives when every key it reads is missing, e.g. "shop-". */
    private final String fixedText;

    private RemoteIdExpression(String text, Expression expression) {
        this.text = text;
        this.expression = expression;
        this.fixedText = PLACEHOLDER.matcher(text).replaceAll("").trim();
    }

    /**
     * Parses the expression with the context's Simple language.
     *
     * @throws IllegalArgumentException naming the option and the problem when it is not a Simple expression with at
     *                                  least one {@code ${...}}
     */
    public static RemoteIdExpression compile(CamelContext context, String text) {
        if (text == null || !(text.contains("${") || text.contains("$simple{"))) {
            throw new IllegalArgumentException("Invalid remoteIdExpression '" + text + "': expected a Simple "
                    + "expression that reads a business key of the exchange, e.g. "
                    + "${body[orderNumber]} or shop-${header.OrderNo}; for one fixed "
                    + "remote id use the remoteId option");
        }
        try {
            Expression expression = context.resolveLanguage("simple").createExpression(text);
            expression.init(context);
            return new RemoteIdExpression(text, expression);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid remoteIdExpression '" + text + "': not a valid Simple "
                    + "expression (" + e.getMessage() + "), e.g. ${body[orderNumber]} or "
                    + "shop-${header.OrderNo}",
                    e);
        }
    }

    /** The remote id for this exchange: never null or blank. */
    String evaluate(Exchange exchange, String func, String where) throws BillmgrInvalidInputException {
        String value;
        try {
            value = expression.evaluate(exchange, String.class);
        } catch (RuntimeException e) {
            throw new BillmgrInvalidInputException("remoteIdExpression '" + text + "' failed for this exchange: " + e
                    + " (" + where + ")", func);
        }
        // Simple turns a missing key into "": "shop-${body[orderNumber]}" would give "shop-" for every order
        if (value == null || value.isBlank() || value.trim().equals(fixedText)) {
            throw new BillmgrInvalidInputException("remoteIdExpression '" + text + "' gave no value for this exchange, "
                    + "so the order has no business key to be found by; set the "
                    + "key, or the " + BillmgrConstants.REMOTE_ID + " header (" + where
                    + ")", func);
        }
        return value.trim();
    }
}

package io.github.camelbillmgr.simulator.model;

import java.math.BigDecimal;

/**
 * One line of a cart: a new order or a renewal waiting for payment.
 *
 * @param id        the line item id ({@code lineitem.id} in Dragon responses)
 * @param billorder the cart ({@code billorder}) the line belongs to
 * @param serviceId the ordered (status 1) or renewed service
 */
public record SimCartItem(long id, long billorder, Kind kind, long serviceId, String itemType, int period,
                          BigDecimal amount, String currency, String description) {

    public enum Kind { ORDER, PROLONG }
}

package io.github.camelbillmgr.simulator.model;

import java.math.BigDecimal;
import java.util.List;

/** An open cart of one user; the Dragon (new BM6) cart is kept apart from the classic one. */
public record SimCart(long billorder, String user, boolean dragon, List<SimCartItem> items) {

    public SimCart {
        items = List.copyOf(items);
    }

    public BigDecimal total() {
        return items.stream().map(SimCartItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

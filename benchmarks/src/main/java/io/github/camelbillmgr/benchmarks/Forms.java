package io.github.camelbillmgr.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The urlencoded forms the component sends for each measured operation, written out by hand: what the raw client
 * and the hand-written route send, so that every contender puts the same bytes on the wire.
 */
final class Forms {

    private Forms() {
    }

    static String whoami(String format) {
        return "func=whoami&out=" + format + "&lang=en&" + authinfo();
    }

    static String get(String format, long serviceId) {
        return "func=vds.edit&out=" + format + "&lang=en&elid=" + serviceId + "&" + authinfo();
    }

    static String order(String format) {
        return "func=v2.vds.order.param&out=" + format + "&lang=en&pricelist=" + Ops.PRICELIST
                + "&order_period=1&skipbasket=on&sok=ok&" + authinfo();
    }

    static String listPage(String format, String itemType, int page) {
        return "func=" + itemType + "&out=" + format + "&lang=en&p_cnt=" + Ops.PAGE_SIZE + "&p_num=" + page + "&"
                + authinfo();
    }

    /** The form of one call of {@code op} (page 1 for lists). */
    static String of(String op, String format, long serviceId) {
        return switch (op) {
            case "whoami" -> whoami(format);
            case "get" -> get(format, serviceId);
            case "order" -> order(format);
            default -> listPage(format, Ops.listType(op), 1);
        };
    }

    private static String authinfo() {
        return "authinfo=" + URLEncoder.encode(Ops.PASSWORD_USER + ":" + Ops.PASSWORD, StandardCharsets.UTF_8);
    }
}

package io.github.camelbillmgr.benchmarks;

/**
 * The operations measured, and the list sizes the canned server answers by item type: a list call is told apart by
 * its function alone, so the component, the route and the raw client send exactly the same form for it.
 */
final class Ops {

    static final String PASSWORD_USER = "client@example.com";
    /** The simulator's built-in client; the canned server accepts any credentials. */
    static final String PASSWORD = "Cl1ent-P@ss word";
    /** The simulator's built-in VPS tariff. */
    static final int PRICELIST = 6;
    static final int PAGE_SIZE = 1000;

    private Ops() {
    }

    /** The item type whose list has {@code rows} rows on the canned server. */
    static String listType(String op) {
        return switch (op) {
            case "list1k" -> "vds";
            case "list250k" -> "vhost";
            case "list1m" -> "dedic";
            default -> throw new IllegalArgumentException("not a list op: " + op);
        };
    }

    static int listRows(String op) {
        return switch (op) {
            case "list1k" -> 1_000;
            case "list250k" -> 250_000;
            case "list1m" -> 1_000_000;
            default -> throw new IllegalArgumentException("not a list op: " + op);
        };
    }

    /** Rows of the list function {@code func} on the canned server, or -1 when it is not a list. */
    static int rowsOfListFunc(String func) {
        return switch (func) {
            case "vds" -> 1_000;
            case "vhost" -> 250_000;
            case "dedic" -> 1_000_000;
            default -> -1;
        };
    }

    static boolean isList(String op) {
        return op.startsWith("list");
    }
}

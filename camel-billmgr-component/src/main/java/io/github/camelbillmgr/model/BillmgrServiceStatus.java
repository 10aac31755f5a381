package io.github.camelbillmgr.model;

/**
 * The documented service status codes of BILLmanager's {@code status} column.
 */
public enum BillmgrServiceStatus {
    ORDERED(1),
    ACTIVE(2),
    SUSPENDED(3),
    DELETED(4),
    PROCESSING(5),
    /** A code this version of the component does not know; the raw value stays in the service's columns. */
    UNKNOWN(-1);

    private final int code;

    BillmgrServiceStatus(int code) {
        this.code = code;
    }

    public int getCode() {
        return code;
    }

    public static BillmgrServiceStatus fromCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            int c = Integer.parseInt(code.trim());
            for (BillmgrServiceStatus s : values()) {
                if (s.code == c) {
                    return s;
                }
            }
        } catch (NumberFormatException e) {
            // not a number: fall through
        }
        return UNKNOWN;
    }

    /**
     * Parses a status given by a user: a code ({@code 2}) or a name ({@code active}, any case).
     *
     * @return the status, or null when the text is neither
     */
    public static BillmgrServiceStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        for (BillmgrServiceStatus s : values()) {
            if (s != UNKNOWN && (s.name().equalsIgnoreCase(t) || String.valueOf(s.code).equals(t))) {
                return s;
            }
        }
        return null;
    }
}

package io.github.camelbillmgr.examples;

import java.util.Locale;

/**
 * One VPS order of the batch file: {@code remoteid,tariff,period,ostempl,ram_mb}. Blank lines, lines starting
 * with {@code #} and the header line are not orders.
 *
 * @param remoteId the reseller-side id of the order, sent as {@code remoteid}: it makes the order findable again
 * @param tariff   the VDS tariff (price list) id
 * @param period   the period in months
 * @param ostempl  the OS template
 * @param ramMb    the RAM add-on value in MB
 */
public record OrderLine(String remoteId, String tariff, int period, String ostempl, int ramMb) {

    /** The add-on id of RAM in MB on the example's VDS tariffs. */
    public static final int RAM_ADDON = 11;

    /**
     * @return the order of a line, or null when the line is blank, a comment or the header
     * @throws IllegalArgumentException when the line is an order line that cannot be read
     */
    public static OrderLine parse(String rawLine) {
        String line = rawLine == null ? "" : rawLine.strip();
        if (line.isEmpty() || line.startsWith("#") || line.toLowerCase(Locale.ROOT).startsWith("remoteid")) {
            return null;
        }
        String[] f = line.split(",", -1);
        if (f.length != 5) {
            throw new IllegalArgumentException("expected 5 comma separated fields "
                                               + "(remoteid,tariff,period,ostempl,ram_mb), got " + f.length + ": " + line);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
            if (f[i].isEmpty()) {
                throw new IllegalArgumentException("field " + (i + 1) + " is empty: " + line);
            }
        }
        if (!f[3].matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("not an OS template name: '" + f[3] + "'");
        }
        try {
            return new OrderLine(f[0], f[1], Integer.parseInt(f[2]), f[3], Integer.parseInt(f[4]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("period and ram_mb must be whole numbers: " + line, e);
        }
    }

    /** A short description for the summary, e.g. {@code tariff 6, 1 month, ISPsystem__Ubuntu-22.04-amd64, 1024 MB RAM}. */
    public String describe() {
        return "tariff " + tariff + ", " + period + (period == 1 ? " month, " : " months, ") + ostempl + ", " + ramMb
               + " MB RAM";
    }
}

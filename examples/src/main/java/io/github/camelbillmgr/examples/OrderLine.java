package io.github.camelbillmgr.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One VPS order of the batch file: {@code remoteid,tariff,period,ostempl,ram_mb}, read as CSV (quoted fields, a
 * UTF-8 byte-order mark before the first line). Blank lines, lines starting with {@code #} and the header line are
 * not orders.
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
     * How a line is read: RFC 4180 CSV (commons-csv), so a field may be quoted ({@code "order-10"}, or
     * {@code "a, b"} with the comma inside), surrounding blanks are dropped, {@code #} starts a comment line.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setCommentMarker('#')
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    /** What a spreadsheet puts before the first line of a UTF-8 file (U+FEFF, the byte-order mark). */
    private static final char BOM = '\uFEFF';

    /**
     * @param rawLine one line of the file (the file is split line by line, streaming, so a field cannot hold a line
     *                break)
     * @return the order of a line, or null when the line is blank, a comment or the header
     * @throws IllegalArgumentException when the line is an order line that cannot be read
     */
    public static OrderLine parse(String rawLine) {
        String line = rawLine == null ? "" : rawLine;
        if (!line.isEmpty() && line.charAt(0) == BOM) {
            line = line.substring(1); // the first line of a file saved with a BOM: the mark is not part of the data
        }
        if (line.isBlank()) {
            return null;
        }
        List<String> f = fields(line);
        if (f.isEmpty() || f.get(0).toLowerCase(Locale.ROOT).equals("remoteid")) {
            return null;
        }
        if (f.size() != 5) {
            throw new IllegalArgumentException("expected 5 comma separated fields "
                    + "(remoteid,tariff,period,ostempl,ram_mb), got " + f.size() + ": "
                    + line.strip());
        }
        for (int i = 0; i < f.size(); i++) {
            if (f.get(i).isEmpty()) {
                throw new IllegalArgumentException("field " + (i + 1) + " is empty: " + line.strip());
            }
        }
        if (!f.get(3).matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("not an OS template name: '" + f.get(3) + "'");
        }
        try {
            return new OrderLine(f.get(0), f.get(1), Integer.parseInt(f.get(2)), f.get(3), Integer.parseInt(f.get(4)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("period and ram_mb must be whole numbers: " + line.strip(), e);
        }
    }

    /** The fields of one CSV line, unquoted; empty for a blank or comment line. */
    private static List<String> fields(String line) {
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            records.get(0).forEach(v -> out.add(v.strip()));
            return out;
        } catch (IOException | UncheckedIOException e) {
            // commons-csv reports a broken quote (an unclosed "...) this way
            throw new IllegalArgumentException("not a CSV line (" + e.getMessage() + "): " + line.strip(), e);
        }
    }

    /** A short description for the summary, e.g. {@code tariff 6, 1 month, ISPsystem__Ubuntu-22.04-amd64, 1024 MB RAM}. */
    public String describe() {
        return "tariff " + tariff + ", " + period + (period == 1 ? " month, " : " months, ") + ostempl + ", " + ramMb
                + " MB RAM";
    }
}

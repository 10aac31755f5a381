package io.github.camelbillmgr.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The report of one bulk order file, written as the lines are ordered: one CSV line per order line, so that the
 * report of a file of 100,000 orders never is in memory (only the two counters are).
 * <p>
 * The report is written to {@code <name>.part} and renamed to its name once the file is done, so that whoever
 * picks reports up never reads half of one. Columns:
 * <pre>
 * line,remoteid,result,service_id,error_type,message
 * 2,order-1,ordered,1001,,ordered vds 1001 (remoteid order-1: tariff 6, 1 month, ...)
 * 5,order-4,failed,,value,"order order-4: BILLmanager error 'value' (pricelist): The 'Tariff' field has invalid value."
 * </pre>
 * {@code line} is the line number in the orders file, {@code error_type} BILLmanager's error type
 * ({@code value}, {@code not_enough_money}, ...) or {@code unreadable-line}.
 */
public final class BulkOrderReport {

    /** The header line of every report. */
    public static final String HEADER = "line,remoteid,result,service_id,error_type,message";

    private final Path file;
    private final Path part;
    private BufferedWriter writer;
    private long ordered;
    private long failed;

    private BulkOrderReport(Path file) {
        this.file = file;
        this.part = file.resolveSibling(file.getFileName() + ".part");
    }

    /** Starts the report at {@code file} (its directory is created), writing the header line. */
    public static BulkOrderReport open(Path file) {
        BulkOrderReport report = new BulkOrderReport(file);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            report.writer = Files.newBufferedWriter(report.part, StandardCharsets.UTF_8);
            report.writer.write(HEADER);
            report.writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the order report " + file, e);
        }
        return report;
    }

    /** Adds the outcome of line {@code lineNo} of the orders file. */
    public void add(long lineNo, StepOutcome outcome) {
        if (outcome.ok()) {
            ordered++;
        } else {
            failed++;
        }
        String line = lineNo + "," + csv(outcome.remoteId()) + "," + (outcome.ok() ? "ordered" : "failed") + ","
                + (outcome.serviceId() == null ? "" : outcome.serviceId()) + ","
                + csv(outcome.ok() ? null : outcome.errorType()) + "," + csv(outcome.text());
        try {
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the order report " + file, e);
        }
    }

    /** Ends the report: closes it and gives it its name. Does nothing when already closed. */
    public void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
            writer = null;
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the order report " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    public long ordered() {
        return ordered;
    }

    public long failed() {
        return failed;
    }

    /** A CSV field: quoted when it holds a comma, a quote or a line break. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return ordered + " ordered, " + failed + " failed, report " + file;
    }
}

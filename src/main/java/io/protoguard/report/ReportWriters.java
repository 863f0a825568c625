package io.protoguard.report;

import java.util.List;
import java.util.Locale;

/** The report formats of {@code protoguard check --format}. */
public final class ReportWriters {

    private static final List<String> FORMATS = List.of("text", "json", "csv", "xlsx");

    private ReportWriters() {}

    /** The writer for {@code format} (case-insensitive); an unknown format names the known ones. */
    public static ReportWriter forFormat(String format) {
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        switch (f) {
            case "text": return new TextReport();
            case "json": return new JsonReport();
            case "csv": return new CsvReport();
            case "xlsx": return new XlsxReport();
            default:
                throw new IllegalArgumentException("unknown report format '" + format + "'; formats: "
                        + String.join(", ", FORMATS));
        }
    }

    /**
     * The writer for {@code format} that adds each deviation's review (status, reason, comment, who, when) as extra
     * columns (CSV, XLSX) or a {@code review} member (JSON); the text format has no review and is refused here.
     */
    public static ReportWriter withReviews(String format, ReviewNote.Lookup reviews) {
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        switch (f) {
            case "json": return new JsonReport(reviews);
            case "csv": return new CsvReport(reviews);
            case "xlsx": return new XlsxReport(reviews);
            default:
                throw new IllegalArgumentException("unknown report format with reviews '" + format + "'; formats: json, csv, xlsx");
        }
    }

    /** The format names, in the order a usage message lists them. */
    public static List<String> formats() {
        return FORMATS;
    }
}

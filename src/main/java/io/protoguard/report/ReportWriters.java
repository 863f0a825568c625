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

    /** The format names, in the order a usage message lists them. */
    public static List<String> formats() {
        return FORMATS;
    }
}

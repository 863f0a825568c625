package io.protoguard.intake;

import io.protoguard.mapping.WorkbookLayout;
import io.protoguard.model.InputError;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads another layout as the data workbook (SPEC section 3): renames its sheets and columns as a
 * {@link WorkbookLayout} says and rewrites its dates as ISO 8601, then hands the rows on, so the rules for
 * sheets, columns and values stay those of the workbook. Faults found downstream are named back in the data's
 * own sheet and column names ({@link #inDataTerms}); cells keep their positions, so "D14" stays right.
 */
final class MappedRowSink implements RowSink {
    private static final DateTimeFormatter WITH_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private final RowSink target;
    private final WorkbookLayout layout;
    private final List<DateTimeFormatter> formats;

    MappedRowSink(RowSink target, WorkbookLayout layout) {
        this.target = target;
        this.layout = layout;
        this.formats = layout.formatters();
    }

    @Override
    public SheetRows startSheet(String file, String sheetName) {
        WorkbookLayout.Sheet s = layout.byData(sheetName);
        if (s == null) return target.startSheet(file, sheetName);
        SheetRows rows = target.startSheet(file, s.sheet());
        if (rows == null) return null;
        Map<String, String> specOfData = new HashMap<>();
        s.columns().forEach((spec, data) -> specOfData.put(data.trim().toUpperCase(), spec));
        return new SheetRows() {
            private final Map<Integer, Boolean> dateColumn = new HashMap<>();

            @Override
            public void row(int rowNumber, SortedMap<Integer, String> cells) {
                SortedMap<Integer, String> out = new TreeMap<>();
                if (rowNumber == 1) {
                    cells.forEach((i, h) -> {
                        String spec = specOfData.get(h.trim().toUpperCase());
                        out.put(i, spec == null ? h : spec);
                        dateColumn.put(i, spec != null && WorkbookLayout.DATE_COLUMNS.contains(spec));
                    });
                } else {
                    cells.forEach((i, v) -> out.put(i, dateColumn.getOrDefault(i, false) ? iso(v) : v));
                }
                rows.row(rowNumber, out);
            }

            @Override
            public void unreadableRow(int rowNumber, String message) {
                rows.unreadableRow(rowNumber, message);
            }

            @Override
            public void end() {
                rows.end();
            }

            @Override
            public void readingDone() {
                rows.readingDone();
            }
        };
    }

    /** "01-MAR-2026 14:30" -> "2026-03-01T14:30"; a value no format reads is passed on as written. */
    private String iso(String value) {
        String v = value.trim();
        for (DateTimeFormatter f : formats) {
            try {
                TemporalAccessor t = f.parse(v);
                if (t.isSupported(ChronoField.SECOND_OF_MINUTE)) return WITH_SECONDS.format(LocalDateTime.from(t));
                if (t.isSupported(ChronoField.HOUR_OF_DAY)) return LocalDateTime.from(t).toString();
                return LocalDate.from(t).toString();
            } catch (java.time.DateTimeException e) {
                // try the next format
            }
        }
        return value;
    }

    @Override
    public void fileError(String file, String sheet, String message) {
        target.fileError(file, sheet, message);
    }

    @Override
    public void fileWarning(String file, String message) {
        target.fileWarning(file, message);
    }

    /** An input error named in the data's sheet and column names. */
    static InputError inDataTerms(InputError e, WorkbookLayout layout) {
        if (e.sheet() == null) return e;
        WorkbookLayout.Sheet s = layout.bySpec(e.sheet());
        if (s == null || s.from() == null) return e;
        String column = e.column() == null ? null : s.columns().getOrDefault(e.column(), e.column());
        String message = e.column() == null ? e.message() : e.message().replace(e.column(), column);
        return new InputError(e.file(), s.from(), e.row(), column, e.cell(), message);
    }
}

package io.protoguard.report;

import io.protoguard.model.Category;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.InputError;
import io.protoguard.model.Outcome;
import io.protoguard.model.ProtocolInfo;
import io.protoguard.model.Severity;
import io.protoguard.model.SourceRef;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The monitor's workbook, written with a streaming workbook (only a window of rows in memory): sheets
 * Deviations, Summary, Outcomes, Input errors and Warnings (the last two always present, header only
 * when empty). Text cells are neutralised against formula injection like the CSV.
 */
public final class XlsxReport implements ReportWriter {

    static final String DEVIATIONS = "Deviations";
    static final String SUMMARY = "Summary";
    static final String OUTCOMES = "Outcomes";
    static final String INPUT_ERRORS = "Input errors";
    static final String WARNINGS = "Warnings";

    private static final List<String> ERROR_COLUMNS = List.of("File", "Sheet", "Cell", "Row", "Column", "Message");
    private static final int MAX_WIDTH = 60;

    private final ReviewNote.Lookup reviews;

    public XlsxReport() {
        this(null);
    }

    /** With each deviation's review in the last five columns of the Deviations sheet; null for none. */
    public XlsxReport(ReviewNote.Lookup reviews) {
        this.reviews = reviews;
    }

    @Override
    public void write(CheckResult r, OutputStream out) throws IOException {
        // close() also deletes the streaming workbook's temp files (POI 5.4; dispose() is deprecated)
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            CellStyles st = CellStyles.of(wb);
            deviations(new Table(wb, DEVIATIONS, st), r.deviations(), reviews);
            summary(new Table(wb, SUMMARY, st), r);
            outcomes(new Table(wb, OUTCOMES, st), r.outcomes());
            errors(new Table(wb, INPUT_ERRORS, st), r.inputErrors());
            errors(new Table(wb, WARNINGS, st), r.warnings());
            wb.write(new NonClosingOutputStream(out));
            out.flush();
        }
    }

    private static void deviations(Table t, List<Deviation> deviations, ReviewNote.Lookup reviews) {
        List<String> columns = new CsvReport(reviews).columns();
        t.header(columns);
        for (Deviation d : deviations) {
            SourceRef s = d.source();
            Row row = t.next();
            t.text(row, 0, d.subjectId());
            t.text(row, 1, d.category() == null ? null : d.category().name());
            t.text(row, 2, d.severity() == null ? null : d.severity().name());
            t.text(row, 3, d.ruleId());
            t.text(row, 4, d.visit());
            t.date(row, 5, d.occurredOn());
            t.text(row, 6, d.message());
            t.text(row, 7, d.expected());
            t.text(row, 8, d.actual());
            t.text(row, 9, d.citation());
            if (s != null) {
                t.text(row, 10, s.file());
                t.text(row, 11, s.sheet());
                t.number(row, 12, s.row());
            }
            t.text(row, 13, d.protocolVersion());
            t.text(row, 14, d.citationSource());
            if (s != null) {
                t.text(row, 15, s.domain());
                if (s.seq() != null) t.number(row, 16, s.seq());
            }
            if (reviews != null) {
                List<String> review = reviews.apply(d).values();
                for (int i = 0; i < review.size(); i++) t.text(row, CsvReport.COLUMNS.size() + i, review.get(i));
            }
        }
        t.finishAsTable(columns.size());
    }

    private static void summary(Table t, CheckResult r) {
        ProtocolInfo p = r.protocol();
        t.pair("Protocol", p == null ? null : p.id());
        t.pair("Title", p == null ? null : p.title());
        t.pair("Version", p == null ? null : p.version());
        Row asOf = t.next();
        t.bold(asOf, 0, "As of");
        t.date(asOf, 1, r.asOf());
        t.count("Subjects", r.subjects());
        t.count("Input errors", r.inputErrors().size());
        t.count("Warnings", r.warnings().size());
        t.count("Deviations", r.deviations().size());

        Tally tally = new Tally(r.deviations());
        List<String> severityColumns = new ArrayList<>();
        for (Severity s : Severity.values()) severityColumns.add(s.name());
        severityColumns.add("Total");

        t.next();
        t.bold(t.next(), 0, "Deviations by category");
        t.headerRow(prepend("Category", severityColumns));
        for (Category c : Category.values()) t.counts(c.name(), tally.byCategory.get(c));
        t.counts("Total", tally.total);

        t.next();
        t.bold(t.next(), 0, "Deviations by subject");
        t.headerRow(prepend("SubjectId", severityColumns));
        for (Map.Entry<String, int[]> e : tally.bySubject.entrySet()) t.counts(e.getKey(), e.getValue());
        t.finishWidths(1 + severityColumns.size());
    }

    private static void outcomes(Table t, List<Outcome> outcomes) {
        List<String> columns = List.of("SubjectId", "Outcome", "Value", "Basis");
        t.header(columns);
        for (Outcome o : outcomes) {
            Row row = t.next();
            t.text(row, 0, o.subjectId());
            t.text(row, 1, o.name());
            t.text(row, 2, o.value());
            t.text(row, 3, o.basis());
        }
        t.finishAsTable(columns.size());
    }

    private static void errors(Table t, List<InputError> errors) {
        t.header(ERROR_COLUMNS);
        for (InputError e : errors) {
            Row row = t.next();
            t.text(row, 0, e.file());
            t.text(row, 1, e.sheet());
            t.text(row, 2, e.cell());
            if (e.row() != null) t.number(row, 3, e.row());
            t.text(row, 4, e.column());
            t.text(row, 5, e.message());
        }
        t.finishAsTable(ERROR_COLUMNS.size());
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** One sheet being written row by row, remembering each column's widest value for the widths. */
    private static final class Table {
        final SXSSFSheet sheet;
        final CellStyles styles;
        final int[] widths = new int[32];
        int rows;

        Table(SXSSFWorkbook wb, String name, CellStyles styles) {
            this.sheet = wb.createSheet(name);
            this.styles = styles;
        }

        Row next() {
            return sheet.createRow(rows++);
        }

        /** A bold header as the first row, frozen so it stays in view. */
        void header(List<String> columns) {
            headerRow(columns);
            sheet.createFreezePane(0, 1);
        }

        void headerRow(List<String> columns) {
            Row row = next();
            for (int i = 0; i < columns.size(); i++) bold(row, i, columns.get(i));
        }

        void bold(Row row, int col, String value) {
            Cell c = row.createCell(col);
            c.setCellValue(value);
            c.setCellStyle(styles.bold());
            widen(col, value.length());
        }

        void text(Row row, int col, String value) {
            if (value == null) return;
            // Text as written: these cells are strings (never formulas), so Excel shows "-2+3" and never evaluates it; a
            // quote prefix would only corrupt the value (the CSV report, whose cells a spreadsheet does evaluate, keeps it).
            String v = CellText.truncate(value, CellText.XLSX_MAX);
            row.createCell(col).setCellValue(v);
            int longestLine = 0;
            for (String line : v.split("\n", -1)) longestLine = Math.max(longestLine, line.length());
            widen(col, longestLine);
        }

        void date(Row row, int col, LocalDate value) {
            if (value == null) return;
            Cell c = row.createCell(col);
            c.setCellValue(value);
            c.setCellStyle(styles.date());
            widen(col, 10);
        }

        void number(Row row, int col, long value) {
            row.createCell(col).setCellValue(value);
            widen(col, Long.toString(value).length());
        }

        void pair(String label, String value) {
            Row row = next();
            bold(row, 0, label);
            text(row, 1, value);
        }

        void count(String label, int value) {
            Row row = next();
            bold(row, 0, label);
            number(row, 1, value);
        }

        /** A label, one count per severity and their total. */
        void counts(String label, int[] bySeverity) {
            Row row = next();
            text(row, 0, label);
            for (int i = 0; i < bySeverity.length; i++) number(row, 1 + i, bySeverity[i]);
            number(row, 1 + bySeverity.length, Tally.sum(bySeverity));
        }

        void widen(int col, int chars) {
            if (col < widths.length) widths[col] = Math.max(widths[col], chars);
        }

        /** Autofilter over the header and every written row, then the column widths. */
        void finishAsTable(int columns) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows - 1, 0), 0, columns - 1));
            finishWidths(columns);
        }

        void finishWidths(int columns) {
            for (int i = 0; i < columns; i++) {
                // +2 for padding and the autofilter button; Excel counts widths in 1/256 of a character
                int chars = Math.min(Math.max(widths[i], 6) + 2, MAX_WIDTH);
                sheet.setColumnWidth(i, chars * 256);
            }
        }
    }
}

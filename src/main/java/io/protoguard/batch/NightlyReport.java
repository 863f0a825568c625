package io.protoguard.batch;

import io.protoguard.model.Deviation;
import io.protoguard.report.CellStyles;
import io.protoguard.storage.DeviationState;
import io.protoguard.storage.NightlyRun;
import io.protoguard.risk.RiskReportSheet;
import io.protoguard.risk.RiskSignals;
import io.protoguard.storage.Observation;
import io.protoguard.storage.Review;
import io.protoguard.storage.StudyRun;
import io.protoguard.worklist.DueSoonSheet;
import io.protoguard.worklist.WorklistItem;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A study's workbook for one nightly run: Deviations (present tonight, with state and review), Changes since last
 * run (NEW, REOPENED and RESOLVED), Summary, and, for central monitoring, "KRI signals" and "Due in the next 7 days". Everything comes from the committed database rows, so a report
 * rewritten after a restart is the same report.
 */
public final class NightlyReport {
    static final String DEVIATIONS = "Deviations", CHANGES = "Changes since last run", SUMMARY = "Summary";
    static final List<String> COLUMNS = List.of("State", "Review", "Review reason", "Review comment", "First seen", "SubjectId",
            "Category", "Severity", "RuleId", "Visit", "OccurredOn", "Message", "Expected", "Actual", "Citation", "SourceFile",
            "SourceSheet", "SourceRow", "ProtocolVersion", "Fingerprint");

    /** What one study's report shows. */
    public record Content(NightlyRun run, StudyRun check, List<Observation> observations, Map<String, Review> reviews,
                          Map<String, LocalDate> firstSeen, List<RiskSignals.KriView> kris, List<RiskSignals.Signal> newSignals,
                          DueSoon dueSoon) {
        /** A report without KRIs (a study whose protocol has no Risk table, or tests of the other sheets). */
        public Content(NightlyRun run, StudyRun check, List<Observation> observations, Map<String, Review> reviews,
                       Map<String, LocalDate> firstSeen) {
            this(run, check, observations, reviews, firstSeen, List.of(), List.of(), null);
        }
    }

    /**
     * The study's worklist as of the run's date (issue 13, part 2), or why there is none ({@code note}: no Schedule
     * windows, or the data could not be read again). Null: no such sheet.
     */
    public record DueSoon(List<WorklistItem> items, String note) {}

    private NightlyReport() {}

    public static void write(Content c, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            CellStyles styles = CellStyles.of(wb);
            CellStyle bold = styles.bold(), date = styles.date();
            observations(wb.createSheet(DEVIATIONS), bold, date, c, c.observations().stream().filter(o -> o.state().present()).toList());
            observations(wb.createSheet(CHANGES), bold, date, c, c.observations().stream().filter(o -> o.state() != DeviationState.OPEN).toList());
            summary(wb.createSheet(SUMMARY), bold, c);
            if (!c.kris().isEmpty()) RiskReportSheet.write(wb, bold, c.kris(), c.newSignals()); // central monitoring
            if (c.dueSoon() != null) DueSoonSheet.write(wb, bold, date, c.run().asOf(), c.dueSoon().items(), c.dueSoon().note());
            wb.write(out);
        }
    }

    private static void observations(SXSSFSheet sheet, CellStyle bold, CellStyle date, Content c, List<Observation> rows) {
        header(sheet, bold, COLUMNS);
        int r = 1;
        for (Observation o : rows) {
            Deviation d = o.deviation();
            Review review = c.reviews().get(o.fingerprint());
            Row row = sheet.createRow(r++);
            text(row, 0, o.state().name());
            text(row, 1, review == null ? "" : review.status());
            text(row, 2, review == null ? null : review.reason());
            text(row, 3, review == null ? null : review.comment());
            day(row, 4, c.firstSeen().get(o.fingerprint()), date);
            text(row, 5, d.subjectId());
            text(row, 6, d.category().name());
            text(row, 7, d.severity().name());
            text(row, 8, d.ruleId());
            text(row, 9, d.visit());
            day(row, 10, d.occurredOn(), date);
            text(row, 11, d.message());
            text(row, 12, d.expected());
            text(row, 13, d.actual());
            text(row, 14, d.citation());
            if (d.source() != null) {
                text(row, 15, d.source().file());
                text(row, 16, d.source().sheet());
                row.createCell(17).setCellValue(d.source().row());
            }
            text(row, 18, d.protocolVersion());
            text(row, 19, o.fingerprint());
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, COLUMNS.size() - 1));
        sheet.createFreezePane(0, 1);
        for (int i = 0; i < COLUMNS.size(); i++) sheet.setColumnWidth(i, (i == 11 || i == 14 ? 60 : 16) * 256);
    }

    private static void summary(Sheet sheet, CellStyle bold, Content c) {
        StudyRun s = c.check();
        Object[][] rows = {
                {"Study", s.studyId()}, {"Nightly run", c.run().id() + (c.run().rerun() ? " (rerun)" : "")}, {"As of", c.run().asOf().toString()},
                {"Protocol", s.protocolId() + " " + s.protocolVersion()}, {"Data", s.dataPath()}, {"Time zone", s.timeZone()},
                {"Subjects", s.subjects()}, {"Input errors (rows not read; run protoguard check for the list)", s.inputErrors()},
                {"Deviations present", s.present()}, {"NEW", s.newCount()}, {"OPEN", s.openCount()},
                {"REOPENED", s.reopenedCount()}, {"RESOLVED", s.resolvedCount()}, {"Checked at (UTC)", s.recordedAt().toString()},
                {DueSoonSheet.NAME, c.dueSoon() == null ? "not computed"
                        : c.dueSoon().note() != null ? c.dueSoon().note() : c.dueSoon().items().size() + " window(s), sheet \"" + DueSoonSheet.NAME + "\""}};
        header(sheet, bold, List.of("Item", "Value"));
        for (int i = 0; i < rows.length; i++) {
            Row row = sheet.createRow(i + 1);
            row.createCell(0).setCellValue((String) rows[i][0]);
            if (rows[i][1] instanceof Integer n) row.createCell(1).setCellValue(n);
            else text(row, 1, (String) rows[i][1]);
        }
        sheet.setColumnWidth(0, 50 * 256);
        sheet.setColumnWidth(1, 60 * 256);
    }

    private static void header(Sheet sheet, CellStyle bold, List<String> names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            row.createCell(i).setCellValue(names.get(i));
            row.getCell(i).setCellStyle(bold);
        }
    }

    private static void text(Row row, int col, String value) {
        if (value != null) row.createCell(col).setCellValue(neutralise(value));
    }

    private static void day(Row row, int col, LocalDate value, CellStyle style) {
        if (value == null) return;
        row.createCell(col).setCellValue(value);
        row.getCell(col).setCellStyle(style);
    }

    /** Formula-injection guard, as in the check reports: text starting with = + - @ is written with a leading quote. */
    static String neutralise(String s) {
        if (s.isEmpty()) return s;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}

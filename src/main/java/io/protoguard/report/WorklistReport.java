package io.protoguard.report;

import io.protoguard.worklist.WorklistItem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The worklist as the page shows it (issue 13, part 2), as XLSX or CSV: a title block (study, site, as-of date, look-ahead
 * days) and one row per window, in the page's order and columns. Same conventions as the check reports: XLSX text is
 * written as is in string cells (never evaluated, so no quote prefix), the CSV keeps OWASP's formula guard.
 */
public final class WorklistReport {
    public static final List<String> COLUMNS = List.of("LastDay", "DaysLeft", "SubjectId", "Site", "Visit", "Missing",
            "FirstDay", "OpensInDays", "RuleId");

    /** What is exported: the page's view. {@code site} null or blank means all the study's sites. */
    public record View(String studyId, LocalDate asOf, int days, String site, List<WorklistItem> items) {}

    private WorklistReport() {}

    /** The lines above the table, also the CSV's first lines (as "# " comments would break strict readers, as rows). */
    static List<List<String>> title(View v) {
        return List.of(List.of("Study", v.studyId()), List.of("Site", v.site() == null || v.site().isBlank() ? "all sites" : v.site()),
                List.of("As of", v.asOf().toString()), List.of("Opening within (days)", Integer.toString(v.days())),
                List.of("Windows", Integer.toString(v.items().size())));
    }

    public static void csv(View v, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8));
        w.write('\uFEFF');
        for (List<String> line : title(v)) row(w, line.stream().map(CellText::neutralise).toList());
        w.write("\r\n");
        row(w, COLUMNS);
        for (WorklistItem i : v.items()) {
            row(w, Arrays.asList(i.lastDay().toString(), Long.toString(i.daysLeft()), CellText.neutralise(i.subjectId()),
                    CellText.neutralise(i.site()), CellText.neutralise(i.visit()), CellText.neutralise(i.test()),
                    i.firstDay().toString(), Long.toString(i.opensInDays()), CellText.neutralise(i.ruleId())));
        }
        w.flush();
        out.flush();
    }

    public static void xlsx(View v, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            CellStyles styles = CellStyles.of(wb);
            CellStyle bold = styles.bold(), date = styles.date();
            Sheet sheet = wb.createSheet("Worklist");
            int r = 0;
            for (List<String> line : title(v)) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.get(0));
                row.getCell(0).setCellStyle(bold);
                row.createCell(1).setCellValue(CellText.truncate(line.get(1), CellText.XLSX_MAX));
            }
            r++;
            int headerRow = r;
            Row header = sheet.createRow(r++);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            for (WorklistItem i : v.items()) {
                Row row = sheet.createRow(r++);
                day(row, 0, i.lastDay(), date);
                row.createCell(1).setCellValue(i.daysLeft());
                List<String> texts = new ArrayList<>(Arrays.asList(i.subjectId(), i.site(), i.visit(), i.test()));
                for (int c = 0; c < texts.size(); c++) text(row, 2 + c, texts.get(c));
                day(row, 6, i.firstDay(), date);
                row.createCell(7).setCellValue(i.opensInDays());
                text(row, 8, i.ruleId());
            }
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, r - 1), 0, COLUMNS.size() - 1));
            sheet.createFreezePane(0, headerRow + 1);
            for (int c = 0; c < COLUMNS.size(); c++) sheet.setColumnWidth(c, (c == 0 ? 22 : 14) * 256);
            wb.write(out);
        }
    }

    /** Text as written: a string cell is never evaluated, so a quote prefix would only corrupt it (as XlsxReport). */
    private static void text(Row row, int col, String value) {
        if (value != null) row.createCell(col).setCellValue(CellText.truncate(value, CellText.XLSX_MAX));
    }

    private static void day(Row row, int col, LocalDate value, CellStyle style) {
        row.createCell(col).setCellValue(value);
        row.getCell(col).setCellStyle(style);
    }

    private static void row(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) w.write(',');
            CsvReport.field(w, fields.get(i));
        }
        w.write("\r\n");
    }
}

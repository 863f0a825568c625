package io.protoguard.worklist;

import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The nightly report's "Due in the next 7 days" sheet (issue 13, part 2): the study's worklist as of the run's date,
 * every window open or opening within the week and not done yet, ordered by last day. Text as written (string cells
 * are never evaluated), as in the other sheets of the XLSX reports.
 */
public final class DueSoonSheet {
    public static final String NAME = "Due in the next 7 days";
    public static final List<String> COLUMNS = List.of("LastDay", "DaysLeft", "SubjectId", "Site", "Visit", "Missing",
            "FirstDay", "OpensInDays", "RuleId");

    private DueSoonSheet() {}

    /** {@code note}: why there is no list (a protocol without Schedule windows), or null. */
    public static void write(Workbook wb, CellStyle bold, CellStyle date, LocalDate asOf, List<WorklistItem> items, String note) {
        Sheet sheet = wb.createSheet(NAME);
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue(note != null ? note : items.size() + " window(s) open on " + asOf
                + " or opening within " + Worklist.DEFAULT_DAYS + " days and not done yet, by last day");
        title.getCell(0).setCellStyle(bold);
        Row header = sheet.createRow(2);
        for (int c = 0; c < COLUMNS.size(); c++) {
            header.createCell(c).setCellValue(COLUMNS.get(c));
            header.getCell(c).setCellStyle(bold);
        }
        int r = 3;
        for (WorklistItem i : items) {
            Row row = sheet.createRow(r++);
            day(row, 0, i.lastDay(), date);
            row.createCell(1).setCellValue(i.daysLeft());
            text(row, 2, i.subjectId());
            text(row, 3, i.site());
            text(row, 4, i.visit());
            text(row, 5, i.test());
            day(row, 6, i.firstDay(), date);
            row.createCell(7).setCellValue(i.opensInDays());
            text(row, 8, i.ruleId());
        }
        sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, r - 1), 0, COLUMNS.size() - 1));
        sheet.createFreezePane(0, 3);
        for (int c = 0; c < COLUMNS.size(); c++) sheet.setColumnWidth(c, 14 * 256);
    }

    private static void text(Row row, int col, String value) {
        if (value != null) row.createCell(col).setCellValue(value);
    }

    private static void day(Row row, int col, LocalDate value, CellStyle style) {
        row.createCell(col).setCellValue(value);
        row.getCell(col).setCellStyle(style);
    }
}

package io.protoguard.pdlog;

import io.protoguard.report.CellStyles;
import io.protoguard.report.SpreadsheetCells;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The PD log as a workbook: sheet "PD log" with the log's columns (dates as dates, text as written), and sheet "About"
 * saying which study, sites and period it holds, so a printed or forwarded copy explains itself.
 */
public final class PdLogXlsx {
    private static final int DATE_OCCURRED = 3, DATE_IDENTIFIED = 4, REPORTED_ON = 11, LAST_CHECKED = 16;

    private PdLogXlsx() {}

    /** What the export holds, for the About sheet. */
    public record About(String studyId, String sites, LocalDate from, LocalDate to, String exportedBy, String exportedAt) {}

    public static void write(List<PdLogRow> rows, About about, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyles styles = CellStyles.of(wb);
            CellStyle bold = styles.bold(), date = styles.date();
            XSSFSheet sheet = wb.createSheet("PD log");
            Row header = sheet.createRow(0);
            for (int c = 0; c < PdLogRow.COLUMNS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(PdLogRow.COLUMNS.get(c));
                cell.setCellStyle(bold);
            }
            int n = 1;
            for (PdLogRow r : rows) {
                Row row = sheet.createRow(n++);
                List<String> cells = r.cells();
                for (int c = 0; c < cells.size(); c++) {
                    LocalDate d = switch (c) {
                        case DATE_OCCURRED -> r.occurredOn();
                        case DATE_IDENTIFIED -> r.identifiedOn();
                        case REPORTED_ON -> r.reportedOn();
                        case LAST_CHECKED -> r.lastCheckedOn();
                        default -> null;
                    };
                    if (d != null) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (cells.get(c) != null && !cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(SpreadsheetCells.xlsxText(cells.get(c)));
                    }
                }
            }
            sheet.createFreezePane(2, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, n - 1), 0, PdLogRow.COLUMNS.size() - 1));
            for (int c = 0; c < 8; c++) sheet.setColumnWidth(c, 14 * 256);
            sheet.setColumnWidth(8, 60 * 256);
            XSSFSheet info = wb.createSheet("About");
            String[][] lines = {{"Study", about.studyId()}, {"Sites", about.sites()},
                    {"Date occurred from", about.from() == null ? "(any)" : about.from().toString()},
                    {"Date occurred to", about.to() == null ? "(any)" : about.to().toString()},
                    {"Deviations", String.valueOf(rows.size())}, {"Exported by", about.exportedBy()}, {"Exported at", about.exportedAt()},
                    {"Note", "One row per deviation identity across nightly runs; numbers follow first identification and never change."}};
            for (int i = 0; i < lines.length; i++) {
                Row row = info.createRow(i);
                row.createCell(0).setCellValue(lines[i][0]);
                row.getCell(0).setCellStyle(bold);
                row.createCell(1).setCellValue(SpreadsheetCells.xlsxText(lines[i][1]));
            }
            info.setColumnWidth(0, 22 * 256);
            info.setColumnWidth(1, 60 * 256);
            wb.write(out);
        }
        out.flush();
    }
}

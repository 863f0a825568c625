package io.protoguard.web;

import io.protoguard.intake.WorkbookLayout;
import io.protoguard.protocol.LoadedProtocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The blank data workbook of a protocol: one sheet per data sheet with its header row (required columns in
 * bold), and a README sheet (which intake skips) listing the protocol's codes. A stand-in until the
 * authoring issue's full template exists.
 */
final class BlankTemplate {
    private BlankTemplate() {}

    static byte[] of(LoadedProtocol p) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet readme = wb.createSheet("README");
            String[] lines = {
                    "Data workbook for protocol " + p.info().id() + " version " + p.info().version() + " (" + p.info().title() + ")",
                    "One row per record under the header; bold headers are required; column order is free.",
                    "Date-times: ISO 8601 such as 2026-03-01T14:30, or real date cells. Y/N columns take Y, N, YES, NO, TRUE, FALSE, 1, 0.",
                    "Visits: " + String.join(", ", p.visitOrder().keySet()),
                    "Tests: " + String.join(", ", sorted(p.codeBook().numericTests(), p.codeBook().codedTests())),
                    "Criteria: " + String.join(", ", sorted(p.codeBook().numericCriteria(), p.codeBook().yesNoCriteria())),
                    "Arms: " + String.join(", ", sorted(p.codeBook().arms(), java.util.Set.of()))};
            for (int i = 0; i < lines.length; i++) readme.createRow(i).createCell(0).setCellValue(lines[i]);
            CellStyle required = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            required.setFont(bold);
            for (WorkbookLayout.Sheet s : WorkbookLayout.sheets()) {
                Sheet sheet = wb.createSheet(s.name());
                Row header = sheet.createRow(0);
                for (int c = 0; c < s.columns().size(); c++) {
                    WorkbookLayout.Column col = s.columns().get(c);
                    var cell = header.createCell(c);
                    cell.setCellValue(col.name());
                    if (col.required()) cell.setCellStyle(required);
                    sheet.setColumnWidth(c, Math.max(12, col.name().length() + 4) * 256);
                }
                sheet.createFreezePane(0, 1);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static java.util.List<String> sorted(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return java.util.List.copyOf(all);
    }
}

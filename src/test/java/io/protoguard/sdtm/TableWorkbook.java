package io.protoguard.sdtm;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes decision-table sheets in the layout of docs/authoring.md section 2 (RuleSet, Import, Notes, RuleTable,
 * ACTION row, code snippets in grey, column titles, one rule per row), so a protocol's tables can be built from
 * code and compared with the shipped files.
 */
final class TableWorkbook {
    record Column(String title, String code) {}

    record Table(String sheet, String notes, List<Column> columns, List<List<Object>> rows) {}

    private TableWorkbook() {}

    static void write(List<Table> tables, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle grey = wb.createCellStyle();
            grey.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            grey.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            for (Table t : tables) {
                Sheet s = wb.createSheet(t.sheet());
                text(s, 0, 0, "RuleSet"); text(s, 0, 1, "io.protoguard.rules");
                text(s, 1, 0, "Import"); text(s, 1, 1, "io.protoguard.model.rules.*");
                text(s, 2, 0, "Notes"); text(s, 2, 1, t.notes());
                text(s, 4, 0, "RuleTable " + t.sheet());
                for (int c = 0; c < t.columns().size(); c++) {
                    text(s, 5, c, "ACTION");
                    text(s, 6, c, "");
                    text(s, 7, c, t.columns().get(c).code()).setCellStyle(grey);
                    text(s, 8, c, t.columns().get(c).title());
                }
                for (int r = 0; r < t.rows().size(); r++) {
                    List<Object> values = t.rows().get(r);
                    Row row = s.createRow(9 + r);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) continue;
                        if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                        else row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
        }
    }

    private static org.apache.poi.ss.usermodel.Cell text(Sheet s, int r, int c, String value) {
        Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
        var cell = row.createCell(c);
        cell.setCellValue(value);
        return cell;
    }

    static List<List<Object>> rows() {
        return new ArrayList<>();
    }
}

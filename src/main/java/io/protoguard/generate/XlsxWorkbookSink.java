package io.protoguard.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A data workbook written with POI's streaming SXSSF (a window of rows in memory, the rest in temp files),
 * so a million subjects fit. Numbers go in as numeric cells, as a site's Excel would hold them; date-times
 * as ISO text, which SPEC section 3 allows.
 */
final class XlsxWorkbookSink implements SheetSink {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Path file;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Map<GeneratedSheet, SXSSFSheet> sheets = new EnumMap<>(GeneratedSheet.class);
    private final Map<GeneratedSheet, Integer> nextRow = new EnumMap<>(GeneratedSheet.class);

    XlsxWorkbookSink(Path file) {
        this.file = file;
        workbook.setCompressTempFiles(true);
    }

    @Override
    public void header(GeneratedSheet sheet, List<String> columns) {
        sheets.put(sheet, workbook.createSheet(sheet.sheetName));
        nextRow.put(sheet, 0);
        write(sheet, columns, false);
    }

    @Override
    public void row(GeneratedSheet sheet, List<String> cells) {
        write(sheet, cells, true);
    }

    private void write(GeneratedSheet sheet, List<String> cells, boolean numbers) {
        int index = nextRow.merge(sheet, 1, Integer::sum) - 1;
        Row row = sheets.get(sheet).createRow(index);
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i);
            if (v.isEmpty()) continue;
            Cell c = row.createCell(i);
            // SubjectId stays text even if it looks numeric, as a template's text column would keep it.
            if (numbers && i > 0 && NUMBER.matcher(v).matches()) c.setCellValue(Double.parseDouble(v));
            else c.setCellValue(v);
        }
    }

    @Override
    public void close() throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        } finally {
            workbook.close(); // deletes SXSSF's temp files
        }
    }
}

package io.protoguard.intake;

import io.protoguard.model.CodeBook;
import io.protoguard.model.InputError;
import io.protoguard.model.WorkbookData;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds test inputs: a workbook is an ordered map of sheet name to rows (header first). */
final class TestWorkbooks {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final CodeBook CODES = new CodeBook(
            Set.of("NIHSS", "MRS", "EQ5D5L", "BARTHEL", "SOFA"),
            Set.of("IMAGING"),
            Set.of("ANC"),
            Set.of("LVO", "EVT"),
            Set.of(),
            Map.of("BASELINE", Set.of("NIHSS"), "H48", Set.of("NIHSS"),
                    "D90", Set.of("MRS", "EQ5D5L", "BARTHEL"), "IMG48", Set.of("IMAGING")));

    private TestWorkbooks() {}

    static final class Book {
        final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

        Book sheet(String name, Object[]... rows) {
            List<List<Object>> list = new ArrayList<>();
            for (Object[] row : rows) list.add(row == null ? List.of() : Arrays.asList(row));
            sheets.put(name, list);
            return this;
        }
    }

    static Book book() {
        return new Book();
    }

    static Object[] row(Object... cells) {
        return cells;
    }

    /** A date-only cell: an Excel date with a format that shows no time. */
    record DateCell(LocalDate date) {}

    /** A date-time cell: an Excel date with a format that shows hours and minutes. */
    record DateTimeCell(LocalDateTime dateTime) {}

    /** A numeric cell shown with a fixed number of decimals, as sites format them. */
    record FormattedNumber(double value, String format) {}

    static Path writeXlsx(Path dir, String fileName, Book book) throws IOException {
        Path path = dir.resolve(fileName);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(path)) {
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTimeStyle = wb.createCellStyle();
            dateTimeStyle.setDataFormat(wb.createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
            for (var entry : book.sheets.entrySet()) {
                Sheet sheet = wb.createSheet(entry.getKey());
                List<List<Object>> rows = entry.getValue();
                for (int r = 0; r < rows.size(); r++) {
                    if (rows.get(r).isEmpty()) continue;
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        Object value = rows.get(r).get(c);
                        if (value == null) continue;
                        Cell cell = row.createCell(c);
                        if (value instanceof DateCell d) {
                            cell.setCellValue(d.date());
                            cell.setCellStyle(dateStyle);
                        } else if (value instanceof DateTimeCell d) {
                            cell.setCellValue(d.dateTime());
                            cell.setCellStyle(dateTimeStyle);
                        } else if (value instanceof FormattedNumber n) {
                            CellStyle style = wb.createCellStyle();
                            style.setDataFormat(wb.createDataFormat().getFormat(n.format()));
                            cell.setCellValue(n.value());
                            cell.setCellStyle(style);
                        } else if (value instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (value instanceof Boolean b) {
                            cell.setCellValue(b);
                        } else {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
            }
            wb.write(out);
        }
        return path;
    }

    /** Writes each sheet as Name.csv with ',' (quoting where needed); numbers are written as Java prints them. */
    static Path writeCsvFolder(Path dir, String folderName, Book book) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(folderName));
        for (var entry : book.sheets.entrySet()) {
            String text = entry.getValue().stream()
                    .map(row -> row.stream().map(TestWorkbooks::csvField).collect(Collectors.joining(",")))
                    .collect(Collectors.joining("\r\n", "", "\r\n"));
            Files.writeString(folder.resolve(entry.getKey() + ".csv"), text);
        }
        return folder;
    }

    private static String csvField(Object value) {
        if (value == null) return "";
        String text = value instanceof DateCell d ? d.date().toString()
                : value instanceof DateTimeCell d ? d.dateTime().toString()
                : value instanceof FormattedNumber n ? IsoCellFormatter.exact(n.value())
                : value instanceof Double n ? IsoCellFormatter.exact(n)
                : value.toString();
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    static WorkbookData read(Path path) {
        return new WorkbookReader(CODES, BERLIN).read(path);
    }

    /** The errors as one line each, so a test can compare them exactly and show all of them when it fails. */
    static List<String> described(List<InputError> errors) {
        return errors.stream().map(InputError::describe).toList();
    }

    static Object[] subjectsHeader() {
        return row("SubjectId", "Site", "Arm", "Sex", "Age", "WeightKg", "RandomizedAt");
    }

    static Object[] subject(String id) {
        return row(id, "12", "A", "M", 70, 80.5, "2026-03-01T10:00");
    }
}

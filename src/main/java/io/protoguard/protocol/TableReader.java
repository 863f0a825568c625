package io.protoguard.protocol;

import io.protoguard.protocol.RuleTableSheet.Column;
import io.protoguard.protocol.RuleTableSheet.RuleRow;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Reads a decision-table workbook cell by cell with POI, so every problem names its cell. The workbook itself
 * never reaches Drools: what is read here is checked against the table vocabulary and the rules are generated
 * from the checked values ({@link DrlWriter}). A table ends at the end of its sheet or at the next RuleTable;
 * an empty row with rules below it is refused (Drools would end the table there and lose those rules silently),
 * and so is any cell outside the header and the table's columns.
 */
final class TableReader {
    static final Set<String> COLUMN_KINDS = Set.of("CONDITION", "ACTION");

    private TableReader() {}

    record Result(List<RuleTableSheet> tables, List<String> sheetNames, List<ProtocolProblem> problems) {}

    static Result read(String file, byte[] bytes) {
        List<RuleTableSheet> tables = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ProtocolProblem> problems = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : wb) {
                names.add(sheet.getSheetName());
                readSheet(file, sheet, tables, problems);
            }
        } catch (Exception | LinkageError e) {
            // POI's text names its exception classes and zip internals (found by TableLoadingFuzzTest): said in words.
            problems.add(new ProtocolProblem(file, null, null, "cannot be read as an XLSX workbook (the file is damaged or "
                    + "truncated, or not an .xlsx); save it from Excel or LibreOffice as .xlsx"));
        }
        return new Result(tables, names, problems);
    }

    private static void readSheet(String file, Sheet sheet, List<RuleTableSheet> tables, List<ProtocolProblem> problems) {
        List<Integer> starts = new ArrayList<>();
        for (int r = Math.max(0, sheet.getFirstRowNum()); r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getFirstCellNum() >= 0
                    && text(row.getCell(row.getFirstCellNum())).trim().regionMatches(true, 0, "RuleTable", 0, 9)) starts.add(r);
        }
        if (starts.isEmpty()) { // not a table sheet (a README, say): nothing in it is read, unless it was meant to be one
            for (int r = Math.max(0, sheet.getFirstRowNum()); r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String first = row == null || row.getFirstCellNum() < 0 ? "" : text(row.getCell(row.getFirstCellNum())).trim();
                if (first.replace(" ", "").toUpperCase(Locale.ROOT).startsWith("RULE")) {
                    problems.add(new ProtocolProblem(file, sheet.getSheetName(), new CellReference(r, row.getFirstCellNum())
                            .formatAsString(false), "\"" + cut(first) + "\" looks like a table keyword, but the sheet has no "
                            + "RuleTable, so none of it would be read; a table starts with a cell \"RuleTable <name>\""));
                    return;
                }
            }
            return;
        }
        TableHeader.check(file, sheet, starts.get(0), problems);
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : sheet.getLastRowNum() + 1;
            tables.add(readTable(file, sheet, starts.get(i), end, problems));
        }
    }

    private static RuleTableSheet readTable(String file, Sheet sheet, int tableRow, int end, List<ProtocolProblem> problems) {
        String name = sheet.getSheetName();
        Row head = sheet.getRow(tableRow);
        int startCol = Math.max(0, head.getFirstCellNum());
        String tableName = text(head.getCell(startCol)).trim().substring(9).trim();
        String at = new CellReference(tableRow, startCol).formatAsString(false);
        if (!tableName.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
            problems.add(new ProtocolProblem(file, name, at, "the table name \"" + cut(tableName) + "\" must be a word "
                    + "(letters, digits, _), e.g. RuleTable Schedule"));
            tableName = "Table" + (tableRow + 1);
        }
        Row kinds = sheet.getRow(tableRow + 1), types = sheet.getRow(tableRow + 2);
        Row snippets = sheet.getRow(tableRow + 3), titles = sheet.getRow(tableRow + 4);
        List<Column> columns = new ArrayList<>();
        checkKeywordlessColumns(file, sheet, tableRow, startCol, kinds, snippets, problems);
        if (kinds != null) {
            for (int c = startCol; c < kinds.getLastCellNum(); c++) {
                String kind = text(kinds.getCell(c)).trim();
                if (kind.isEmpty()) continue;
                String letter = CellReference.convertNumToColString(c);
                if (!COLUMN_KINDS.contains(kind.toUpperCase(Locale.ROOT))) {
                    problems.add(new ProtocolProblem(file, name, letter + (tableRow + 2), "\"" + cut(kind) + "\" is not a column "
                            + "kind of a protoguard table; use CONDITION or ACTION"));
                }
                columns.add(new Column(c, letter, kind.toUpperCase(Locale.ROOT), cellText(types, c), cellText(snippets, c),
                        cellText(titles, c)));
            }
        }
        Set<Integer> inTable = new java.util.HashSet<>();
        columns.forEach(c -> inTable.add(c.index()));
        for (int r = tableRow; r < Math.min(end, tableRow + 5); r++) outside(file, sheet, r, r == tableRow ? Set.of(startCol) : inTable, problems);
        List<RuleRow> rows = new ArrayList<>();
        int blank = -1;
        for (int r = tableRow + 5; r < end; r++) {
            Row row = sheet.getRow(r);
            Map<Integer, String> cells = new LinkedHashMap<>();
            for (Column c : columns) {
                Cell cell = row == null ? null : row.getCell(c.index());
                if (isFormula(cell)) {
                    problems.add(new ProtocolProblem(file, name, c.letter() + (r + 1), "is a formula; a decision table holds "
                            + "values only: type the value itself"));
                }
                String v = text(cell).trim();
                if (!v.isEmpty()) cells.put(c.index(), v);
            }
            outside(file, sheet, r, inTable, problems);
            if (cells.isEmpty()) {
                if (blank < 0) blank = r;
                continue;
            }
            if (blank >= 0) {
                problems.add(new ProtocolProblem(file, name, CellReference.convertNumToColString(startCol) + (blank + 1), "row "
                        + (blank + 1) + " is empty, but the table goes on at row " + (r + 1) + "; an empty row would end the "
                        + "table there and lose the rules below it, so delete the empty row"));
                blank = -1;
            }
            rows.add(new RuleRow(r + 1, cells));
        }
        return new RuleTableSheet(file, name, tableName, tableRow + 1, columns, rows);
    }

    /** Cells a table does not read: refused, so nothing hides in a sheet that looks like a table. */
    private static void outside(String file, Sheet sheet, int r, Set<Integer> read, List<ProtocolProblem> problems) {
        Row row = sheet.getRow(r);
        if (row == null) return;
        for (Cell c : row) {
            String v = text(c).trim();
            if (v.isEmpty() || read.contains(c.getColumnIndex())) continue;
            problems.add(new ProtocolProblem(file, sheet.getSheetName(), new CellReference(r, c.getColumnIndex()).formatAsString(false),
                    "\"" + cut(v) + "\" is outside the table's columns; a table reads only its header, its columns and "
                    + "their rows, so move the text into the Notes cell (B3)"));
        }
    }

    /**
     * A snippet under no CONDITION/ACTION keyword would be dropped without a word. It happens when a merged
     * keyword cell was written without its covered cells, so the merge is ignored.
     */
    private static void checkKeywordlessColumns(String file, Sheet sheet, int tableRow, int startCol, Row kinds, Row snippets,
                                                List<ProtocolProblem> problems) {
        if (snippets == null) return;
        for (int c = startCol; c < snippets.getLastCellNum(); c++) {
            String snippet = text(snippets.getCell(c)).trim();
            String kind = kinds == null ? "" : text(kinds.getCell(c)).trim();
            if (snippet.isEmpty() || !kind.isEmpty()) continue;
            String letter = CellReference.convertNumToColString(c);
            final int col = c;
            boolean merged = sheet.getMergedRegions().stream().anyMatch(r -> r.isInRange(tableRow + 1, col));
            boolean covered = kinds != null && kinds.getCell(c) != null;
            String why = merged && !covered ? "it lies under a merged keyword cell whose covered cells are missing, so "
                    + "the merge is lost (re-save the sheet from Excel or LibreOffice, or write the covered cells)"
                    : "it has no CONDITION or ACTION keyword above it";
            problems.add(new ProtocolProblem(file, sheet.getSheetName(), letter + (tableRow + 2), "column " + letter
                    + " has a snippet (\"" + cut(snippet) + "\") but " + why + "; the column would be lost"));
        }
    }

    private static String cellText(Row row, int c) {
        return row == null ? "" : text(row.getCell(c)).trim();
    }

    /** A cell's value as the author sees it: numbers as Excel shows them in full ({@code 24}, {@code 4.8}, {@code 1E+308}). */
    static String text(Cell cell) {
        if (cell == null) return "";
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> NumberToTextConverter.toText(cell.getNumericCellValue());
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> "#ERROR";
            default -> "";
        };
    }

    static boolean isFormula(Cell cell) {
        return cell != null && cell.getCellType() == CellType.FORMULA;
    }

    /** Long cell texts are cut in messages, so one line stays readable. */
    static String cut(String v) {
        return v.length() > 80 ? v.substring(0, 80) + "…" : v;
    }
}

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
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads the layout of a decision-table workbook with POI, so that problems can be reported by cell, and
 * catches the faults Drools accepts silently (a misspelt CONDITON or Rule Set keyword).
 */
final class TableReader {
    static final Set<String> COLUMN_KINDS = Set.of("CONDITION", "ACTION", "NAME", "DESCRIPTION", "PRIORITY", "SALIENCE",
            "ACTIVATION-GROUP", "AGENDA-GROUP", "RULEFLOW-GROUP", "NO-LOOP", "LOCK-ON-ACTIVE", "AUTO-FOCUS", "DURATION",
            "TIMER", "CALENDARS", "DATE-EFFECTIVE", "DATE-EXPIRES", "ENABLED", "METADATA");
    static final Set<String> SET_KEYWORDS = Set.of("RULESET", "IMPORT", "VARIABLES", "FUNCTIONS", "QUERIES", "DECLARE",
            "SEQUENTIAL", "SEQUENTIAL-MAXPRIORITY", "ESCAPEQUOTES", "NUMERICDISABLED", "NOTES", "UNIT", "DIALECT");

    private TableReader() {}

    record Result(List<RuleTableSheet> tables, List<String> sheetNames, List<ProtocolProblem> problems) {}

    static Result read(String file, byte[] bytes) {
        List<RuleTableSheet> tables = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ProtocolProblem> problems = new ArrayList<>();
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : wb) {
                names.add(sheet.getSheetName());
                readSheet(file, sheet, fmt, tables, problems);
            }
        } catch (Exception | LinkageError e) {
            // POI's text names its exception classes and zip internals (found by TableLoadingFuzzTest): said in words.
            problems.add(new ProtocolProblem(file, null, null, "cannot be read as an XLSX workbook (the file is damaged or "
                    + "truncated, or not an .xlsx); save it from Excel or LibreOffice as .xlsx"));
        }
        return new Result(tables, names, problems);
    }

    private static void readSheet(String file, Sheet sheet, DataFormatter fmt, List<RuleTableSheet> tables,
                                  List<ProtocolProblem> problems) {
        String name = sheet.getSheetName();
        boolean inTable = false;
        for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String first = row == null ? "" : text(row.getCell(firstCol(row)), fmt);
            if (first.regionMatches(true, 0, "RuleTable", 0, 9)) {
                RuleTableSheet t = readTable(file, sheet, r, first.substring(9).trim(), fmt, problems);
                tables.add(t);
                r = t.rows().isEmpty() ? r + 4 : t.rows().get(t.rows().size() - 1).excelRow() - 1;
                inTable = true;
                continue;
            }
            if (!inTable && !first.isEmpty() && row.getFirstCellNum() == 0) {
                String key = first.trim().toUpperCase(Locale.ROOT).replace(':', ' ').trim();
                if (!SET_KEYWORDS.contains(key) && looksLikeKeyword(key)) {
                    problems.add(new ProtocolProblem(file, name, "A" + (r + 1), "\"" + first + "\" is not a decision-table "
                            + "keyword, so Drools would ignore it; use one of RuleSet, Import, Sequential, Notes, RuleTable <name>"));
                }
            }
        }
    }

    private static boolean looksLikeKeyword(String key) {
        String k = key.replace(" ", "");
        return k.startsWith("RULE") || k.startsWith("IMPORT") || k.startsWith("SEQUENTIAL") || k.startsWith("VARIABLE")
                || k.startsWith("FUNCTION");
    }

    private static int firstCol(Row row) {
        return Math.max(0, row.getFirstCellNum());
    }

    private static RuleTableSheet readTable(String file, Sheet sheet, int tableRow, String tableName, DataFormatter fmt,
                                            List<ProtocolProblem> problems) {
        String name = sheet.getSheetName();
        int startCol = firstCol(sheet.getRow(tableRow));
        Row kinds = sheet.getRow(tableRow + 1), snippets = sheet.getRow(tableRow + 3), titles = sheet.getRow(tableRow + 4);
        List<Column> columns = new ArrayList<>();
        checkKeywordlessColumns(file, sheet, tableRow, startCol, kinds, snippets, fmt, problems);
        if (kinds != null) {
            for (int c = startCol; c < kinds.getLastCellNum(); c++) {
                String kind = text(kinds.getCell(c), fmt).trim();
                if (kind.isEmpty()) continue;
                String letter = CellReference.convertNumToColString(c);
                if (!COLUMN_KINDS.contains(kind.toUpperCase(Locale.ROOT))) {
                    problems.add(new ProtocolProblem(file, name, letter + (tableRow + 2), "\"" + kind + "\" is not a column "
                            + "kind, so Drools would drop this column silently; use CONDITION or ACTION"));
                }
                columns.add(new Column(c, letter, kind.toUpperCase(Locale.ROOT), text(snippets == null ? null : snippets.getCell(c), fmt),
                        text(titles == null ? null : titles.getCell(c), fmt).trim()));
            }
        }
        List<RuleRow> rows = new ArrayList<>();
        for (int r = tableRow + 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Map<Integer, String> cells = new LinkedHashMap<>();
            if (row != null) {
                for (Column c : columns) {
                    String v = text(row.getCell(c.index()), fmt).trim();
                    if (!v.isEmpty()) cells.put(c.index(), v);
                }
            }
            if (cells.isEmpty()) break;
            rows.add(new RuleRow(r + 1, cells));
        }
        return new RuleTableSheet(file, name, tableName, tableRow + 1, columns, rows);
    }

    /**
     * A snippet under no CONDITION/ACTION keyword is dropped by Drools without a word. It happens when a
     * merged keyword cell was written without its covered cells, so the merge is ignored.
     */
    private static void checkKeywordlessColumns(String file, Sheet sheet, int tableRow, int startCol, Row kinds,
                                                Row snippets, DataFormatter fmt, List<ProtocolProblem> problems) {
        if (snippets == null) return;
        for (int c = startCol; c < snippets.getLastCellNum(); c++) {
            String snippet = text(snippets.getCell(c), fmt).trim();
            String kind = kinds == null ? "" : text(kinds.getCell(c), fmt).trim();
            if (snippet.isEmpty() || !kind.isEmpty()) continue;
            String letter = CellReference.convertNumToColString(c);
            final int col = c;
            boolean merged = sheet.getMergedRegions().stream().anyMatch(r -> r.isInRange(tableRow + 1, col));
            boolean covered = kinds != null && kinds.getCell(c) != null;
            String why = merged && !covered ? "it lies under a merged keyword cell whose covered cells are missing, so "
                    + "Drools ignores the merge (re-save the sheet from Excel or LibreOffice, or write the covered cells)"
                    : "it has no CONDITION or ACTION keyword above it";
            problems.add(new ProtocolProblem(file, sheet.getSheetName(), letter + (tableRow + 2), "column " + letter
                    + " has a snippet (\"" + snippet + "\") but " + why + "; Drools would drop this column silently"));
        }
    }

    static String text(Cell cell, DataFormatter fmt) {
        return cell == null ? "" : fmt.formatCellValue(cell);
    }
}

package io.protoguard.protocol;

import io.protoguard.protocol.vocabulary.TableVocabulary;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

/**
 * The rows above a sheet's first RuleTable. They must read exactly {@code RuleSet | io.protoguard.rules},
 * {@code Import | io.protoguard.model.rules.*} and optionally {@code Notes | free text}: Drools would compile
 * Functions, Queries, Declare, Variables or another Import as code, so a table that carries them is refused.
 */
final class TableHeader {
    /** Drools' RuleSet keywords that carry code or change how rules run: never part of a protoguard table. */
    private static final Set<String> REFUSED = Set.of("FUNCTIONS", "QUERIES", "DECLARE", "VARIABLES", "SEQUENTIAL",
            "SEQUENTIAL-MAXPRIORITY", "ESCAPEQUOTES", "NUMERICDISABLED", "UNIT", "DIALECT");

    private TableHeader() {}

    /** {@code end}: the 0-based row of the first RuleTable (exclusive). */
    static void check(String file, Sheet sheet, int end, List<ProtocolProblem> problems) {
        String name = sheet.getSheetName();
        boolean ruleSet = false, imported = false;
        for (int r = Math.max(0, sheet.getFirstRowNum()); r < end; r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getFirstCellNum() < 0) continue;
            String key = null;
            for (Cell c : row) {
                String v = TableReader.text(c).trim();
                if (v.isEmpty()) continue;
                String ref = new CellReference(r, c.getColumnIndex()).formatAsString(false);
                if (TableReader.isFormula(c)) {
                    problems.add(new ProtocolProblem(file, name, ref, "is a formula; a decision table holds values only"));
                } else if (c.getColumnIndex() == 0) {
                    key = v;
                } else if (c.getColumnIndex() > 1 || key == null) {
                    problems.add(new ProtocolProblem(file, name, ref, "\"" + TableReader.cut(v) + "\" is outside the table's "
                            + "header; a header row holds a keyword in column A and its value in column B, nothing else"));
                }
            }
            if (key == null) continue;
            String k = key.toUpperCase(Locale.ROOT).replace(':', ' ').trim();
            String value = TableReader.text(row.getCell(1)).trim();
            String at = "A" + (r + 1);
            switch (k) {
                case "RULESET" -> {
                    if (ruleSet) problems.add(new ProtocolProblem(file, name, at, "a second RuleSet row; keep one"));
                    if (!value.equals(TableVocabulary.PACKAGE)) {
                        problems.add(new ProtocolProblem(file, name, "B" + (r + 1), "RuleSet must be " + TableVocabulary.PACKAGE
                                + " (found \"" + TableReader.cut(value) + "\")"));
                    }
                    ruleSet = true;
                }
                case "IMPORT" -> {
                    if (imported) {
                        problems.add(new ProtocolProblem(file, name, at, "a second Import is refused: a table imports "
                                + TableVocabulary.IMPORT + " and nothing else"));
                    } else if (!value.equals(TableVocabulary.IMPORT)) {
                        problems.add(new ProtocolProblem(file, name, "B" + (r + 1), "Import must be exactly "
                                + TableVocabulary.IMPORT + " (found \"" + TableReader.cut(value) + "\"); a table imports nothing else"));
                    }
                    imported = true;
                }
                case "NOTES" -> { } // free text for the author; never compiled
                default -> problems.add(new ProtocolProblem(file, name, at, REFUSED.contains(k.replace(' ', '-'))
                        ? "\"" + key + "\" is refused: a protoguard decision table is data, so its header holds only "
                        + "RuleSet, Import and Notes (no Functions, Queries, Declare, Variables or other code)"
                        : "\"" + TableReader.cut(key) + "\" is not a decision-table keyword of a protoguard table; the header "
                        + "is RuleSet, Import and Notes, then RuleTable <name>"));
            }
        }
        if (!ruleSet) {
            problems.add(new ProtocolProblem(file, name, "A1", "the RuleSet row is missing; row 1 reads RuleSet | "
                    + TableVocabulary.PACKAGE));
        }
        if (!imported) {
            problems.add(new ProtocolProblem(file, name, "A2", "the Import row is missing; row 2 reads Import | "
                    + TableVocabulary.IMPORT));
        }
    }
}

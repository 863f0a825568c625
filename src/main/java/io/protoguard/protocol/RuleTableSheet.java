package io.protoguard.protocol;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A decision table as the author laid it out, read cell by cell so problems can name cells: the sheet,
 * the RuleTable name, its columns (letter, kind, fact type, snippet, title) and its rule rows (Excel row numbers).
 */
public record RuleTableSheet(String file, String sheet, String tableName, int ruleTableRow, List<Column> columns,
                             List<RuleRow> rows) implements Serializable { // Serializable: kept in RuleBaseCache

    /** {@code objectType}: row 7, the fact a CONDITION column constrains (empty for ACTION columns). */
    public record Column(int index, String letter, String kind, String objectType, String snippet, String title)
            implements Serializable {}

    /** {@code cells}: column index to the cell's text as Drools will read it. */
    public record RuleRow(int excelRow, Map<Integer, String> cells) implements Serializable {
        public String cell(Column c) {
            return cells.get(c.index());
        }
    }

    public Column column(String title) {
        return columns.stream().filter(c -> c.title() != null && c.title().equalsIgnoreCase(title)).findFirst().orElse(null);
    }

    public String cellRef(Column c, int excelRow) {
        return c.letter() + excelRow;
    }
}

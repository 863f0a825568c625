package io.protoguard.protocol;

import io.protoguard.protocol.RuleTableSheet.Column;
import io.protoguard.protocol.RuleTableSheet.RuleRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Faults in a table's layout that would make a row's rule silently vanish or lose its identity. */
final class TableLint {
    private TableLint() {}

    static void check(List<RuleTableSheet> tables, List<ProtocolProblem> problems) {
        for (RuleTableSheet t : tables) {
            if (t.rows().isEmpty()) {
                problems.add(new ProtocolProblem(t.file(), t.sheet(), "A" + t.ruleTableRow(), "RuleTable " + t.tableName()
                        + " has no rule rows; rules start on the 5th row below \"RuleTable\""));
            }
            for (String required : List.of("RuleId", "Citation")) {
                Column c = t.column(required);
                if (c == null) {
                    problems.add(new ProtocolProblem(t.file(), t.sheet(), "A" + (t.ruleTableRow() + 4), "RuleTable "
                            + t.tableName() + " has no " + required + " column; every row needs a " + required
                            + " (a column titled " + required + " in the row above the first rule)"));
                    continue;
                }
                for (RuleRow r : t.rows()) {
                    if (r.cell(c) == null) {
                        problems.add(new ProtocolProblem(t.file(), t.sheet(), c.letter() + r.excelRow(), required
                                + " is empty; every rule row needs a " + required + ("Citation".equals(required)
                                ? " (the protocol sentence it enforces)" : " (a stable id such as SCH-D90-MRS)")));
                    }
                }
            }
        }
    }

    /** Rule ids must be unique in a protocol; table names too, since Drools names rules after them. */
    static void checkAcross(List<RuleTableSheet> tables, List<ProtocolProblem> problems) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (RuleTableSheet t : tables) {
            String where = t.file() + ", " + t.sheet() + "!A" + t.ruleTableRow();
            String previous = names.putIfAbsent(t.tableName().toLowerCase(), where);
            if (previous != null) {
                problems.add(new ProtocolProblem(t.file(), t.sheet(), "A" + t.ruleTableRow(), "RuleTable name \""
                        + t.tableName() + "\" is used twice (also at " + previous + "); give each table its own name"));
            }
            Column c = t.column("RuleId");
            if (c == null) continue;
            for (RuleRow r : t.rows()) {
                String id = r.cell(c);
                if (id == null) continue;
                String at = t.file() + ", " + t.sheet() + "!" + c.letter() + r.excelRow();
                String first = ids.putIfAbsent(id.toUpperCase(), at);
                if (first != null) {
                    problems.add(new ProtocolProblem(t.file(), t.sheet(), c.letter() + r.excelRow(), "RuleId \"" + id
                            + "\" is already used at " + first + "; rule ids must be unique"));
                }
            }
        }
    }
}

package io.protoguard.protocol;

import io.protoguard.protocol.RuleTableSheet.Column;
import io.protoguard.protocol.RuleTableSheet.RuleRow;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Drools says about generated DRL (a line, a rule name) into the file, sheet and cell an
 * author can open: the rule name gives the row, and the DRL line or the cell texts quoted in the message
 * give the column.
 */
final class ErrorMapper {
    private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule\\s*(?:name=)?['\"]?([A-Za-z0-9_ ]+_\\d+)['\"]?");
    private static final Pattern RULE_DECL = Pattern.compile("^\\s*rule \"([^\"]+)\"");

    private ErrorMapper() {}

    static ProtocolProblem map(CompiledTable t, int drlLine, String message) {
        String ruleName = null;
        String lineText = null;
        String[] lines = t.drl().split("\n", -1);
        if (drlLine > 0 && drlLine <= lines.length) {
            lineText = lines[drlLine - 1].trim();
            for (int i = drlLine - 1; i >= 0 && ruleName == null; i--) {
                Matcher m = RULE_DECL.matcher(lines[i]);
                if (m.find()) ruleName = m.group(1);
            }
        }
        Matcher m = RULE_NAME.matcher(message);
        if (m.find()) ruleName = m.group(1).trim();
        RuleRow row = ruleName == null ? null : row(t.table(), ruleName);
        String clean = clean(message);
        if (row == null) return new ProtocolProblem(t.table().file(), t.table().sheet(), null, clean);
        Column col = column(t.table(), row, lineText, message);
        String cell = col == null ? "A" + row.excelRow() : col.letter() + row.excelRow();
        String what = col == null ? "rule row " + row.excelRow() : col.title() + " " + quote(row.cell(col));
        return new ProtocolProblem(t.table().file(), t.table().sheet(), cell, what + " does not compile: " + clean
                + hint(col));
    }

    static RuleRow row(RuleTableSheet table, String ruleName) {
        return table.rows().stream().filter(r -> table.ruleName(r).equals(ruleName)).findFirst().orElse(null);
    }

    /** The column whose snippet produced the failing DRL line, else the one whose cell text the message quotes. */
    static Column column(RuleTableSheet table, RuleRow row, String lineText, String message) {
        List<Column> cols = table.columns();
        if (lineText != null) {
            for (Column c : cols) {
                String v = row.cell(c);
                if (v != null && c.snippet() != null && c.snippet().replace("$param", v).trim().equals(lineText)) return c;
            }
        }
        Column best = null;
        for (Column c : cols) {
            String v = row.cell(c);
            if (v == null || v.length() < 1) continue;
            if (Pattern.compile("(^|[^A-Za-z0-9_])" + Pattern.quote(v) + "($|[^A-Za-z0-9_])").matcher(message).find()
                    && (best == null || v.length() > row.cell(best).length())) best = c;
        }
        return best;
    }

    private static String hint(Column col) {
        if (col == null || col.snippet() == null) return "";
        if (!col.snippet().contains("\"$param\"")) return "; this column takes a number (e.g. 12 or 4.8)";
        return "";
    }

    private static String quote(String v) {
        return v == null ? "(empty)" : "\"" + v + "\"";
    }

    static String clean(String message) {
        String s = message.replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}

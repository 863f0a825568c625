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
    private static final Pattern RULE_NAME = Pattern.compile("Rule name='([^']+)'");
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
        RuleRow row = ruleName == null ? null : t.row(ruleName);
        // The rules are generated from checked cells, so this is protoguard's fault, not the author's: name the
        // place, keep Drools' text out of the message (KieBaseBuilder logs it at debug level).
        String clean = "the rules generated from this table do not compile (" + KieBaseBuilder.RAW_TEXT_HINT + ")";
        if (row == null) return new ProtocolProblem(t.table().file(), t.table().sheet(), null, clean);
        Column col = column(t.table(), row, lineText, message);
        String cell = col == null ? "A" + row.excelRow() : col.letter() + row.excelRow();
        String what = col == null ? "rule row " + row.excelRow() : col.title() + " " + quote(row.cell(col));
        return new ProtocolProblem(t.table().file(), t.table().sheet(), cell, what + " does not compile: "
                + "the rule built from this cell is refused by Drools (" + KieBaseBuilder.RAW_TEXT_HINT + ")");
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
        if (best != null) return best;
        return bySnippetIdentifier(cols, message);
    }

    /** "The method vizit(String) is undefined": the column whose snippet calls vizit. */
    private static Column bySnippetIdentifier(List<Column> cols, String message) {
        java.util.Map<String, Long> seen = cols.stream().filter(c -> c.snippet() != null)
                .flatMap(c -> identifiers(c.snippet()).stream().distinct())
                .collect(java.util.stream.Collectors.groupingBy(x -> x, java.util.stream.Collectors.counting()));
        for (String suffix : new String[] {"\\s*\\(", ""}) { // a called method names the snippet best
            for (Column c : cols) {
                if (c.snippet() == null) continue;
                for (String id : identifiers(c.snippet())) {
                    if (seen.get(id) == 1 && Pattern.compile("\\b" + Pattern.quote(id) + "\\b" + suffix).matcher(message).find()) return c;
                }
            }
        }
        return null;
    }

    private static List<String> identifiers(String snippet) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{2,}").matcher(snippet.replace("$param", ""));
        while (m.find()) out.add(m.group());
        return out;
    }

    /**
     * One fault in a column's snippet fails every row; report it once, at the snippet's cell, instead of
     * once per row.
     */
    static List<ProtocolProblem> collapse(List<ProtocolProblem> problems, List<CompiledTable> tables) {
        java.util.Map<String, List<ProtocolProblem>> byColumn = new java.util.LinkedHashMap<>();
        for (ProtocolProblem p : problems) {
            String letters = p.cell() == null ? "" : p.cell().replaceAll("\\d", "");
            String text = p.message().replaceFirst("^[^:]* does not compile: ", "");
            byColumn.computeIfAbsent(p.file() + "|" + p.sheet() + "|" + letters + "|" + text, k -> new java.util.ArrayList<>()).add(p);
        }
        List<ProtocolProblem> out = new java.util.ArrayList<>();
        for (List<ProtocolProblem> group : byColumn.values()) {
            ProtocolProblem first = group.get(0);
            RuleTableSheet t = tables.stream().map(CompiledTable::table)
                    .filter(x -> x.file().equals(first.file()) && x.sheet().equals(first.sheet())).findFirst().orElse(null);
            String letters = first.cell() == null ? "" : first.cell().replaceAll("\\d", "");
            Column col = t == null ? null : t.columns().stream().filter(c -> c.letter().equals(letters)).findFirst().orElse(null);
            if (group.size() < 2 || col == null || group.size() < t.rows().size()) {
                out.addAll(group);
                continue;
            }
            out.add(new ProtocolProblem(first.file(), first.sheet(), col.letter() + (t.ruleTableRow() + 3), "the "
                    + col.title() + " snippet " + col.snippet() + " does not compile in any row: "
                    + first.message().replaceFirst("^[^:]* does not compile: ", "")));
        }
        return out;
    }

    private static String quote(String v) {
        return v == null ? "(empty)" : "\"" + v + "\"";
    }

    static String clean(String message) {
        String s = message.replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}

package io.protoguard.protocol;

import io.protoguard.protocol.RuleTableSheet.Column;
import io.protoguard.protocol.RuleTableSheet.RuleRow;
import io.protoguard.protocol.vocabulary.CodeKind;
import io.protoguard.protocol.vocabulary.ColumnSpec;
import io.protoguard.protocol.vocabulary.ConstraintSpec;
import io.protoguard.protocol.vocabulary.ParamType;
import io.protoguard.protocol.vocabulary.TableKind;
import io.protoguard.protocol.vocabulary.TableVocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Holds a table against the {@link TableVocabulary}: its kind (from the template of its first column), each
 * column's kind, fact type, template and title, and each cell's type and domain. Every fault names the cell at
 * fault; the values that pass become the only input of the generated rules.
 */
final class TableCheck {
    private TableCheck() {}

    /** A column bound to the vocabulary entry it matched: {@code action} or {@code constraint}. */
    record Bound(Column column, ColumnSpec action, ConstraintSpec constraint) {
        ParamType type() {
            return action != null ? action.type() : constraint.type();
        }

        String title() {
            return action != null ? action.title() : column.title();
        }
    }

    /** A row's checked values: column index to canonical value. */
    record CheckedRow(int excelRow, Map<Integer, String> values) {}

    record Checked(RuleTableSheet table, TableKind kind, List<Bound> columns, List<CheckedRow> rows) {
        /** The canonical values of one column in every row that fills it, with the cell. */
        Map<String, String> column(String title) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Bound b : columns) {
                if (b.action() == null || !b.action().title().equals(title)) continue;
                for (CheckedRow r : rows) if (r.values().containsKey(b.column().index())) {
                    out.put(b.column().letter() + r.excelRow(), r.values().get(b.column().index()));
                }
            }
            return out;
        }
    }

    /** A cell that names a code the protocol must declare. */
    record CodeRef(String file, String sheet, String cell, CodeKind kind, String code) {}

    static Checked check(RuleTableSheet t, List<ProtocolProblem> problems, List<CodeRef> refs) {
        if (t.columns().isEmpty()) {
            problems.add(at(t, "A" + (t.ruleTableRow() + 1), "the table has no columns; row " + (t.ruleTableRow() + 1)
                    + " holds ACTION (or CONDITION) above every column"));
            return null;
        }
        // The kind is named by the first ACTION column (the builder call); CONDITION columns may stand before it.
        Column first = t.columns().stream().filter(c -> c.kind().equals("ACTION")).findFirst().orElse(t.columns().get(0));
        TableKind kind = TableVocabulary.byFirstTemplate(first.snippet());
        if (kind == null) kind = TableVocabulary.dataKind(t.tableName());
        if (kind == null) {
            problems.add(at(t, first.letter() + (t.ruleTableRow() + 3), "the template \"" + TableReader.cut(first.snippet())
                    + "\" does not start a table protoguard knows; column " + first.letter() + " of row " + (t.ruleTableRow() + 3)
                    + " holds one of: " + TableVocabulary.kinds().stream().filter(TableKind::compiled)
                    .map(k -> k.first().template()).collect(Collectors.joining("  "))));
            return null;
        }
        List<Bound> bound = bind(t, kind, problems);
        if (bound == null) return null;
        List<CheckedRow> rows = new ArrayList<>();
        for (RuleRow row : t.rows()) rows.add(checkRow(t, kind, bound, row, problems, refs));
        return new Checked(t, kind, bound, rows);
    }

    private static List<Bound> bind(RuleTableSheet t, TableKind kind, List<ProtocolProblem> problems) {
        int templateRow = t.ruleTableRow() + 3, titleRow = t.ruleTableRow() + 4, factRow = t.ruleTableRow() + 2;
        List<Bound> bound = new ArrayList<>();
        int before = problems.size();
        Map<ColumnSpec, Column> seen = new HashMap<>();
        for (Column c : t.columns()) {
            if (c.kind().equals("CONDITION")) {
                ConstraintSpec spec = TableVocabulary.constraint(c.objectType(), c.snippet());
                if (!kind.compiled()) {
                    problems.add(at(t, c.letter() + (t.ruleTableRow() + 1), "the " + kind.name() + " table is data only; it takes no CONDITION"));
                } else if (spec == null) {
                    problems.add(at(t, c.letter() + templateRow, "the condition " + quote(c.objectType()) + " " + quote(c.snippet())
                            + " is not one protoguard allows; a CONDITION column names the fact in row " + factRow
                            + " and one of these constraints in row " + templateRow + ": " + TableVocabulary.constraints().stream()
                            .map(s -> s.factType() + ": " + s.template()).collect(Collectors.joining("; "))));
                } else if (c.title().isEmpty()) {
                    problems.add(at(t, c.letter() + titleRow, "the condition column needs a title (e.g. OnlyArm)"));
                } else {
                    bound.add(new Bound(c, null, spec));
                }
                continue;
            }
            if (!c.objectType().isEmpty()) {
                problems.add(at(t, c.letter() + factRow, "an ACTION column leaves row " + factRow + " empty (found "
                        + quote(c.objectType()) + ")"));
            }
            ColumnSpec spec = kind.compiled() ? kind.byTemplate(c.snippet()) : kind.byTitle(c.title());
            if (spec == null || (!kind.compiled() && !c.snippet().isEmpty())) {
                ColumnSpec meant = kind.byTitle(c.title());
                if (meant != null) seen.putIfAbsent(meant, c); // one message for the column, not also "needs a column"
                problems.add(at(t, c.letter() + templateRow, meant != null && kind.compiled()
                        ? "the " + meant.title() + " column's template must read " + meant.template() + " (found " + quote(c.snippet()) + ")"
                        : !kind.compiled() ? "the " + kind.name() + " table is data only: row " + templateRow + " stays empty and "
                        + "its columns are " + titles(kind) : "the template " + quote(c.snippet()) + " is not one the " + kind.name()
                        + " table allows; its columns are " + titles(kind)));
                continue;
            }
            if (!spec.title().equalsIgnoreCase(c.title())) {
                problems.add(at(t, c.letter() + titleRow, "the column with template " + spec.template() + " is titled "
                        + spec.title() + " (found " + quote(c.title()) + ")"));
            }
            Column twice = seen.putIfAbsent(spec, c);
            if (twice != null) {
                problems.add(at(t, c.letter() + titleRow, "the " + spec.title() + " column appears twice (also column "
                        + twice.letter() + "); keep one"));
            }
            bound.add(new Bound(c, spec, null));
        }
        for (ColumnSpec spec : kind.columns()) {
            if (spec.required() && !seen.containsKey(spec) && !spec.title().equals("RuleId") && !spec.title().equals("Citation")) {
                problems.add(at(t, "A" + titleRow, "the " + kind.name() + " table needs a " + spec.title() + " column ("
                        + (kind.compiled() ? "template " + spec.template() : "title " + spec.title()) + ")"));
            }
        }
        if (kind.compiled()) order(t, kind, bound, templateRow, problems);
        return problems.size() > before ? null : bound;
    }

    /** The builder is started by the first column and finished by Citation, so Citation is the last ACTION column. */
    private static void order(RuleTableSheet t, TableKind kind, List<Bound> bound, int templateRow, List<ProtocolProblem> problems) {
        List<Bound> actions = bound.stream().filter(b -> b.action() != null).toList();
        if (actions.isEmpty()) return;
        Bound last = actions.get(actions.size() - 1);
        if (last.action() != kind.last()) {
            problems.add(at(t, last.column().letter() + templateRow, "the last ACTION column must be the Citation column ("
                    + kind.last().template() + "), which finishes the rule; move " + last.action().title() + " before it"));
        }
    }

    private static CheckedRow checkRow(RuleTableSheet t, TableKind kind, List<Bound> bound, RuleRow row,
                                       List<ProtocolProblem> problems, List<CodeRef> refs) {
        Map<Integer, String> values = new LinkedHashMap<>();
        Map<String, String> byTitle = new HashMap<>();
        for (Bound b : bound) {
            String v = row.cell(b.column());
            String cell = b.column().letter() + row.excelRow();
            String title = b.title();
            if (v == null) {
                boolean linted = title.equals("RuleId") || title.equals("Citation"); // TableLint names these
                if (b.action() != null && b.action().required() && !linted) {
                    problems.add(at(t, cell, title + " is empty; every row of the " + kind.name() + " table needs one"));
                }
                continue;
            }
            String fault = b.type().check(v);
            if (fault != null) {
                problems.add(at(t, cell, title + " " + quote(v) + " " + fault));
                continue;
            }
            String canonical = b.type().canonical(v);
            values.put(b.column().index(), canonical);
            if (b.action() != null) byTitle.put(title, canonical);
            if (b.type() instanceof ParamType.Code code && code.declared() != null) {
                refs.add(new CodeRef(t.file(), t.sheet(), cell, code.declared(), canonical));
            }
        }
        for (TableKind.RowCheck check : kind.rowChecks()) {
            TableKind.Fault f = check.check(byTitle);
            if (f == null) continue;
            Column c = bound.stream().filter(b -> b.action() != null && b.action().title().equals(f.column()))
                    .map(Bound::column).findFirst().orElse(bound.get(0).column());
            problems.add(at(t, c.letter() + row.excelRow(), f.message()));
        }
        return new CheckedRow(row.excelRow(), values);
    }

    private static String titles(TableKind kind) {
        return kind.columns().stream().map(ColumnSpec::title).collect(Collectors.joining(", "));
    }

    private static ProtocolProblem at(RuleTableSheet t, String cell, String message) {
        return new ProtocolProblem(t.file(), t.sheet(), cell, message);
    }

    static String quote(String v) {
        return v == null || v.isEmpty() ? "(empty)" : "\"" + TableReader.cut(v) + "\"";
    }
}

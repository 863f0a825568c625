package io.protoguard.protocol;

import io.protoguard.protocol.TableCheck.Checked;
import io.protoguard.protocol.TableCheck.CodeRef;
import io.protoguard.protocol.vocabulary.CodeKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SPEC section 8: a protocol declares its codes (criteria, tests, visits, arms, treatments) in one place, its
 * Codes table, and a cell naming an undeclared code refuses the table at that cell. SPEC section 3's test and
 * criterion codes are known to every protocol. Also the tables a protocol's other tables need: a Schedule
 * needs the Ranges of every test it schedules (a deleted Ranges sheet would silently drop every range check).
 */
final class CodeDeclarations {
    /** The Subjects columns a Ranges row may bound (SPEC section 8: plausibility ranges in the protocol's tables). */
    static final Set<String> PLAUSIBLE_COLUMNS = Set.of("SUBJECTS.AGE", "SUBJECTS.WEIGHTKG");

    private CodeDeclarations() {}

    static void check(List<Checked> tables, List<CodeRef> refs, List<ProtocolProblem> problems) {
        Map<CodeKind, Set<String>> declared = new EnumMap<>(CodeKind.class);
        for (CodeKind k : CodeKind.values()) declared.put(k, new TreeSet<>());
        declared.get(CodeKind.TEST).addAll(CodeBooks.SPEC_NUMERIC_TESTS);
        declared.get(CodeKind.TEST).addAll(CodeBooks.SPEC_CODED_TESTS);
        declared.get(CodeKind.CRITERION).addAll(CodeBooks.SPEC_YES_NO_CRITERIA);
        declared.get(CodeKind.CRITERION).addAll(CodeBooks.SPEC_NUMERIC_CRITERIA);
        Map<String, String> where = new HashMap<>();
        for (Checked t : tables) {
            if (!t.kind().name().equals("Codes")) continue;
            Map<String, String> kinds = t.column("Kind"), codes = t.column("Code");
            String kindLetter = letter(kinds), codeLetter = letter(codes);
            for (var e : codes.entrySet()) {
                String row = e.getKey().replaceAll("[A-Z]", "");
                String kind = kinds.get(kindLetter + row);
                if (kind == null) continue;
                String key = kind + " " + e.getValue();
                String first = where.putIfAbsent(key, t.table().file() + ", " + t.table().sheet() + "!" + e.getKey());
                if (first != null) {
                    problems.add(new ProtocolProblem(t.table().file(), t.table().sheet(), codeLetter + row, kind.toLowerCase()
                            + " " + e.getValue() + " is declared twice (also at " + first + "); keep one row"));
                }
                declared.get(CodeKind.valueOf(kind)).add(e.getValue());
            }
        }
        for (CodeRef r : refs) {
            if (declared.get(r.kind()).contains(r.code())) continue;
            // a plausibility range on a Subjects column ("Subjects.Age") names a column of the data, not a test code
            if (r.kind() == CodeKind.TEST && PLAUSIBLE_COLUMNS.contains(r.code())) continue;
            problems.add(new ProtocolProblem(r.file(), r.sheet(), r.cell(), r.kind().word() + " " + r.code() + " is not declared; "
                    + "declare it in the protocol's Codes table (codes.drl.xlsx: Kind " + r.kind() + ", Code " + r.code() + ")"
                    + (declared.get(r.kind()).isEmpty() ? "" : ", or use one of " + String.join(", ", declared.get(r.kind())))));
        }
        requireRanges(tables, declared.get(CodeKind.TEST), problems);
    }

    /** Every test a Schedule row names needs a Ranges row: without it its values are never checked. */
    private static void requireRanges(List<Checked> tables, Set<String> tests, List<ProtocolProblem> problems) {
        Set<String> ranged = new TreeSet<>();
        tables.stream().filter(t -> t.kind().name().equals("Ranges")).forEach(t -> ranged.addAll(t.column("Test").values()));
        Set<String> reported = new TreeSet<>();
        for (Checked t : tables) {
            if (!t.kind().name().equals("Schedule")) continue;
            if (ranged.isEmpty()) {
                if (reported.add("")) {
                    problems.add(new ProtocolProblem(t.table().file(), "Ranges", null, "the protocol has a Schedule ("
                            + t.table().sheet() + ") but no Ranges table, so no test value would be checked; add the Ranges "
                            + "sheet (RuleTable Ranges) with a row for every scheduled test"));
                }
                continue;
            }
            for (var e : t.column("Test").entrySet()) {
                if (ranged.contains(e.getValue()) || !tests.contains(e.getValue()) || !reported.add(e.getValue())) continue;
                problems.add(new ProtocolProblem(t.table().file(), t.table().sheet(), e.getKey(), "test " + e.getValue()
                        + " has no row in the Ranges table, so its values would never be checked; add a Ranges row for "
                        + e.getValue()));
            }
        }
    }

    private static String letter(Map<String, String> column) {
        return column.isEmpty() ? "" : column.keySet().iterator().next().replaceAll("\\d", "");
    }
}

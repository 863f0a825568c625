package io.protoguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliberately broken tables: each fault is reported as "file, Sheet!Cell: what is wrong". */
class BrokenTablesTest {
    @TempDir
    Path tmp;

    private ProtocolCopy copy() throws Exception {
        return ProtocolCopy.of("sivelestat-evt", tmp, "broken-evt");
    }

    private List<String> problems(ProtocolCopy c) {
        ProtocolLoadException e = catchThrowableOfType(ProtocolLoadException.class,
                () -> new ProtocolLoader(Path.of("rules")).loadVersions(c.dir));
        assertThat(e).as("the broken protocol must not load").isNotNull();
        return e.problems().stream().map(ProtocolProblem::describe).toList();
    }

    @Test
    void misspeltColumnKeywordIsNamedAtItsCell() throws Exception {
        List<String> p = problems(copy().set("schedule.drl.xlsx", "Schedule", "C6", "ACTON"));
        assertThat(p).anyMatch(l -> l.startsWith("schedule.drl.xlsx, Schedule!C6: \"ACTON\" is not a column kind"));
        assertThat(p).noneMatch(l -> l.contains("Drools"));
    }

    @Test
    void misspeltRuleSetKeywordIsCaughtThoughDroolsAcceptsIt() throws Exception {
        List<String> p = problems(copy().set("eligibility.drl.xlsx", "Criteria", "A1", "Rule Set"));
        assertThat(p).anyMatch(l -> l.startsWith("eligibility.drl.xlsx, Criteria!A1: \"Rule Set\" is not a decision-table keyword"));
    }

    @Test
    void templateOutsideTheVocabularyIsRefusedAtItsCell() throws Exception {
        List<String> p = problems(copy().set("schedule.drl.xlsx", "Schedule", "B8", "r.vizit(\"$param\");"));
        assertThat(p).containsExactly("schedule.drl.xlsx, Schedule!B8: the Visit column's template must read "
                + "r.visit(\"$param\"); (found \"r.vizit(\"$param\");\")");
    }

    @Test
    void textInANumberCellIsNamedWithAHint() throws Exception {
        List<String> p = problems(copy().set("schedule.drl.xlsx", "Schedule", "F11", "twelve"));
        assertThat(p).containsExactly("schedule.drl.xlsx, Schedule!F11: Minus \"twelve\" is not a number; this column "
                + "takes a number (e.g. 12 or 4.8)");
    }

    @Test
    void missingParenthesisInATemplateIsNamedAtTheTemplateCell() throws Exception {
        List<String> p = problems(copy().set("schedule.drl.xlsx", "Schedule", "E8", "r.target($param;"));
        assertThat(p).containsExactly("schedule.drl.xlsx, Schedule!E8: the Target column's template must read "
                + "r.target($param); (found \"r.target($param;\")");
    }

    @Test
    void mergedKeywordCellWithoutCoveredCellsIsCaught() throws Exception {
        List<String> p = problems(copy().edit("dosing.drl.xlsx", wb -> {
            var s = wb.getSheet("Dosing");
            s.getRow(5).removeCell(s.getRow(5).getCell(1));
            s.getRow(5).removeCell(s.getRow(5).getCell(2));
            s.addMergedRegion(new CellRangeAddress(5, 5, 0, 2));
        }));
        assertThat(p).anyMatch(l -> l.startsWith("dosing.drl.xlsx, Dosing!B6: column B has a snippet")
                && l.contains("merged keyword cell whose covered cells are missing"));
    }

    @Test
    void spreadsheetDroolsWouldIgnoreIsAProblem() throws Exception {
        ProtocolCopy c = copy();
        Files.move(c.dir.resolve("dosing.drl.xlsx"), c.dir.resolve("dosing.xlsx"));
        assertThat(problems(c)).anyMatch(l -> l.startsWith("dosing.xlsx: Drools ignores this file name")
                && l.contains("rename it to dosing.drl.xlsx"));
    }

    @Test
    void rowWithoutCitationOrRuleIdIsNamed() throws Exception {
        List<String> p = problems(copy().set("schedule.drl.xlsx", "Schedule", "L12", null)
                .set("dosing.drl.xlsx", "Dosing", "A11", null));
        assertThat(p).anyMatch(l -> l.startsWith("schedule.drl.xlsx, Schedule!L12: Citation is empty"))
                .anyMatch(l -> l.startsWith("dosing.drl.xlsx, Dosing!A11: RuleId is empty"));
    }

    @Test
    void valueABuilderRejectsIsNamedAtItsCell() throws Exception {
        List<String> p = problems(copy().set("schedule.drl.xlsx", "Schedule", "D12", "FORTNIGHT"));
        assertThat(p).containsExactly("schedule.drl.xlsx, Schedule!D12: Unit \"FORTNIGHT\" is not DAY or HOUR");
    }

    @Test
    void duplicateRuleIdNamesBothPlaces() throws Exception {
        List<String> p = problems(copy().set("schedule.drl.xlsx", "Schedule", "A11", "SCH-BASELINE-NIHSS"));
        assertThat(p).anyMatch(l -> l.startsWith("schedule.drl.xlsx, Schedule!A11: RuleId \"SCH-BASELINE-NIHSS\" is already used at schedule.drl.xlsx, Schedule!A10"));
    }

    @Test
    void protocolWithoutTablesYieldsNoRulesAndFails() throws Exception {
        ProtocolCopy c = copy();
        try (var files = Files.list(c.dir)) {
            for (Path f : files.toList()) if (f.toString().endsWith(".drl.xlsx")) Files.delete(f);
        }
        assertThat(problems(c)).anyMatch(l -> l.contains("yields no rules"));
    }

    @Test
    void overlappingWindowsRefuseTheProtocolAtTheirCell() throws Exception {
        List<String> p = problems(copy().set("schedule.drl.xlsx", "Schedule", "F12", 5.5));
        assertThat(p).anyMatch(l -> l.startsWith("schedule.drl.xlsx, Schedule!E11: the H48 window of NIHSS") && l.contains("overlaps the D7 window"));
        assertThat(ProtocolLint.check(new ProtocolLoader(Path.of("rules")).load(Path.of("decision-tables/sivelestat-evt")))).isEmpty();
    }
}

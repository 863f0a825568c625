package io.protoguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: tables that compile but say nonsense are refused, each at the cell at fault. Every parameter has a
 * domain (a positive step, a tolerance under 100 %, a known code, the tables a schedule needs).
 */
class NonsenseTablesTest {
    @TempDir
    Path tmp;

    private ProtocolCopy evt() throws Exception {
        return ProtocolCopy.of("sivelestat-evt", tmp, "nonsense-evt");
    }

    private static List<String> refused(ProtocolCopy c) {
        ProtocolLoadException e = catchThrowableOfType(ProtocolLoadException.class,
                () -> new ProtocolLoader(Path.of("rules")).loadVersions(c.dir));
        assertThat(e).as("the nonsense must be refused").isNotNull();
        List<String> lines = e.problems().stream().map(ProtocolProblem::describe).toList();
        assertThat(lines).noneMatch(l -> l.contains("Exception") || l.contains("Parser returned") || l.contains("KieProject"));
        return lines;
    }

    @Test
    void stepZeroIsOutsideItsDomain() throws Exception {
        assertThat(refused(evt().set("schedule.drl.xlsx", "Ranges", "E10", 0.0))).containsExactly(
                "schedule.drl.xlsx, Ranges!E10: Step \"0\" is outside its domain: it must be a number greater than 0 and at most 1000000000");
    }

    @Test
    void negativeToleranceAndToleranceOfAHundredPercentAreRefused() throws Exception {
        assertThat(refused(evt().set("dosing.drl.xlsx", "Dosing", "G12", -10.0)))
                .singleElement().asString().startsWith("dosing.drl.xlsx, Dosing!G12: Tolerance \"-10\" is outside its domain");
        assertThat(refused(ProtocolCopy.of("sivelestat-evt", tmp.resolve("100"), "nonsense-evt").set("dosing.drl.xlsx", "Dosing", "G12", 100.0)))
                .containsExactly("dosing.drl.xlsx, Dosing!G12: Tolerance 100 % must be less than 100 %");
    }

    @Test
    void negativeWindowHoursAreRefused() throws Exception {
        assertThat(refused(evt().set("safety.drl.xlsx", "Safety", "E13", -48.0)))
                .singleElement().asString().startsWith("safety.drl.xlsx, Safety!E13: WindowHours \"-48\" is outside its domain");
    }

    @Test
    void aTargetThatWouldOverflowIsRefusedBeforeAnythingRuns() throws Exception {
        assertThat(refused(evt().set("schedule.drl.xlsx", "Schedule", "E13", 1e308)))
                .singleElement().asString().startsWith("schedule.drl.xlsx, Schedule!E13: Target \"1E+308\" is outside its domain");
    }

    @Test
    void aDeletedRangesSheetIsMissed() throws Exception {
        ProtocolCopy c = evt().edit("schedule.drl.xlsx", wb -> wb.removeSheetAt(wb.getSheetIndex("Ranges")));
        assertThat(refused(c)).containsExactly("schedule.drl.xlsx, Ranges: the protocol has a Schedule (Schedule) but no Ranges "
                + "table, so no test value would be checked; add the Ranges sheet (RuleTable Ranges) with a row for every scheduled test");
        ProtocolCopy oneRow = ProtocolCopy.of("sivelestat-evt", tmp.resolve("row"), "nonsense-evt").edit("schedule.drl.xlsx", wb -> {
            var s = wb.getSheet("Ranges");
            s.removeRow(s.getRow(13)); // row 14, RNG-IMAGING
            s.shiftRows(14, s.getLastRowNum(), -1); // the plausibility rows below move up: no empty row in the table
        });
        assertThat(refused(oneRow)).containsExactly("schedule.drl.xlsx, Schedule!C16: test IMAGING has no row in the Ranges table, "
                + "so its values would never be checked; add a Ranges row for IMAGING");
    }

    @Test
    void aVisitOrCriterionTheProtocolDoesNotDeclareIsRefusedAtItsCell() throws Exception {
        assertThat(refused(evt().set("schedule.drl.xlsx", "Schedule", "B12", "D999"))).singleElement().asString()
                .startsWith("schedule.drl.xlsx, Schedule!B12: visit D999 is not declared; declare it in the protocol's Codes table");
        assertThat(refused(ProtocolCopy.of("sivelestat-evt", tmp.resolve("lvox"), "nonsense-evt")
                .set("eligibility.drl.xlsx", "Criteria", "B10", "LVOX"))).singleElement().asString()
                .startsWith("eligibility.drl.xlsx, Criteria!B10: criterion LVOX is not declared").contains("LVO, ");
    }

    @Test
    void anUnknownTestIsBlamedWhereItIsWrittenNotWhereItIsUsed() throws Exception {
        assertThat(refused(evt().set("schedule.drl.xlsx", "Schedule", "C11", "NIHSX"))).singleElement().asString()
                .startsWith("schedule.drl.xlsx, Schedule!C11: test NIHSX is not declared");
    }

    @Test
    void anOutcomeFromAVisitTheScheduleDoesNotHoldIsRefused() throws Exception {
        assertThat(refused(evt().set("outcomes.drl.xlsx", "Outcomes", "E13", "D999"))).singleElement().asString()
                .startsWith("outcomes.drl.xlsx, Outcomes!E13: visit D999 is not declared");
        assertThat(refused(ProtocolCopy.of("sivelestat-evt", tmp.resolve("d90"), "nonsense-evt")
                .set("outcomes.drl.xlsx", "Outcomes", "E13", "D90"))).singleElement().asString()
                .startsWith("outcomes.drl.xlsx, Outcomes!E13: visit D90 schedules no NIHSS; use one of [");
    }

    @Test
    void textInNumberCellsIsBlamedAtThoseCells() throws Exception {
        assertThat(refused(evt().set("schedule.drl.xlsx", "Schedule", "E11", "48 h").set("schedule.drl.xlsx", "Schedule", "F11", "12,5")))
                .containsExactly("schedule.drl.xlsx, Schedule!E11: Target \"48 h\" is not a number; this column takes a number (e.g. 12 or 4.8)",
                        "schedule.drl.xlsx, Schedule!F11: Minus \"12,5\" is not a number; this column takes a number (e.g. 12 or 4.8)");
    }

    @Test
    void aBlankRowInsideATableIsRefusedAtThatRow() throws Exception {
        ProtocolCopy c = evt().edit("schedule.drl.xlsx", wb -> {
            Row row = wb.getSheet("Schedule").getRow(11); // row 12 (SCH-D7-NIHSS) emptied: rows 13-16 follow
            List<org.apache.poi.ss.usermodel.Cell> cells = new java.util.ArrayList<>();
            row.forEach(cells::add);
            cells.forEach(row::removeCell);
        });
        assertThat(refused(c)).containsExactly("schedule.drl.xlsx, Schedule!A12: row 12 is empty, but the table goes on at row 13; "
                + "an empty row would end the table there and lose the rules below it, so delete the empty row");
    }

    @Test
    void aCellOutsideTheTableIsRefused() throws Exception {
        assertThat(refused(evt().set("dosing.drl.xlsx", "Dosing", "L11", "note"))).singleElement().asString()
                .startsWith("dosing.drl.xlsx, Dosing!L11: \"note\" is outside the table's columns");
    }

    @Test
    void theVocabularyAcceptsACitationSourceColumnBeforeCitation() throws Exception {
        ProtocolCopy c = evt().edit("data-quality.drl.xlsx", wb -> {
            var s = wb.getSheet("DateOrder");
            s.shiftColumns(4, 4, 1); // Citation moves to F; E becomes CitationSource
            String[] head = {"ACTION", null, "r.citationSource(\"$param\");", "CitationSource"};
            for (int r = 0; r < head.length; r++) if (head[r] != null) s.getRow(5 + r).createCell(4).setCellValue(head[r]);
            for (int r = 9; r <= s.getLastRowNum(); r++) s.getRow(r).createCell(4).setCellValue(r == 9 ? "BOGUS" : "REGULATION");
        });
        // The column is part of the vocabulary: only the one bad value is refused, not the column or its template.
        assertThat(refused(c)).containsExactly("data-quality.drl.xlsx, DateOrder!E10: CitationSource \"BOGUS\" is not one of "
                + "PROTOCOL, REGULATION, SPONSOR");
    }
}

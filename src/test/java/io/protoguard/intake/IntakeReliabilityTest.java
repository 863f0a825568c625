package io.protoguard.intake;

import io.protoguard.model.BadValue;
import io.protoguard.model.InputError;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.protoguard.intake.TestWorkbooks.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14, data intake: every bad input gets one clear answer and nothing readable is lost. */
class IntakeReliabilityTest {

    @TempDir
    Path dir;

    private static Object[] subjectsHeader() {
        return row("SubjectId", "Site", "Sex", "Age", "WeightKg", "RandomizedAt");
    }

    private static List<String> described(List<InputError> errors) {
        return errors.stream().map(InputError::describe).toList();
    }

    @Test
    void aBadOptionalCellIsOneErrorAndTheSubjectWithItsOtherRowsIsStillRead() throws Exception {
        Path xlsx = writeXlsx(dir, "site.xlsx", book()
                .sheet("Subjects", subjectsHeader(),
                        row("S-1", "12", "X", 70, 80, "2026-03-01T10:00"),
                        row("S-2", "12", "M", 70, "TRUE", "2026-03-01T10:00"),
                        row("S-3", "12", "F", 70, "#N/A", "2026-03-01T10:00"),
                        row("S-4", "12", "F", 70, "72,5", "2026-03-01T10:00"),
                        row("S-5", "12", "F", 70, -72, "2026-03-01T10:00"))
                .sheet("Criteria", row("SubjectId", "Criterion", "Value"),
                        row("S-1", "LVO", "Y"), row("S-2", "LVO", "Y"), row("S-3", "EVT", "Y")));

        WorkbookData data = read(xlsx);

        assertThat(described(data.errors())).containsExactly(
                "site.xlsx: Subjects!C2 Sex: \"X\" is not M or F (M, F, MALE, FEMALE)",
                "site.xlsx: Subjects!E3 WeightKg: \"TRUE\" is not a number",
                "site.xlsx: Subjects!E4 WeightKg: \"#N/A\" is not a number",
                "site.xlsx: Subjects!E5 WeightKg: \"72,5\" is not a number (use a point as the decimal mark)");
        assertThat(data.subjects()).extracting(SubjectData::subjectId).containsExactly("S-1", "S-2", "S-3", "S-4", "S-5");
        SubjectData s1 = data.subjects().get(0);
        assertThat(s1.subject().sex()).isNull();
        assertThat(s1.subject().weightKg()).isEqualTo(80.0);
        assertThat(s1.criteria()).hasSize(1);
        assertThat(s1.badValues()).containsExactly(new BadValue("Sex", "X", "Subjects!C2", false));
        assertThat(data.subjects().get(1).badValues()).containsExactly(new BadValue("WeightKg", "TRUE", "Subjects!E3", false));
        assertThat(data.subjects().get(2).criteria()).hasSize(1);
        // -72 is a number: whether it is plausible is the protocol's range to say, not intake's.
        assertThat(data.subjects().get(4).subject().weightKg()).isEqualTo(-72.0);
        assertThat(data.subjects().get(4).subjectCells()).containsEntry("Age", "Subjects!D6");
    }

    @Test
    void aBadRequiredCellCostsTheSubjectWithOneErrorPerSheetOfItsOtherRows() throws Exception {
        Path xlsx = writeXlsx(dir, "site.xlsx", book()
                .sheet("Subjects", subjectsHeader(), row("S-1", "12", "M", 70, 80, "soon"))
                .sheet("Assessments", row("SubjectId", "Test", "PerformedAt", "Value"),
                        row("S-1", "NIHSS", "2026-03-01T09:00", 4), row("S-1", "NIHSS", "2026-03-03T09:00", 3),
                        row("S-1", "MRS", "2026-05-30T09:00", 1)));

        assertThat(described(read(xlsx).errors())).containsExactly(
                "site.xlsx: Assessments!A2 SubjectId: SubjectId \"S-1\" could not be read from the Subjects sheet (see its errors)"
                        + " (3 rows of this sheet, the first here, none checked)",
                "site.xlsx: Subjects!F2 RandomizedAt: \"soon\" is not a date-time (expected e.g. 2026-03-01T14:30)");
    }

    @Test
    void headersAreTrimmedOfUnicodeSpaceAndFoundPastBlankRows() throws Exception {
        Book b = book().sheet("Subjects", null, null,
                row("SubjectId\u00A0", "\u200BRandomizedAt "), row("S-1", "2026-03-01T10:00"));
        for (WorkbookData data : List.of(read(writeXlsx(dir, "site.xlsx", b)), read(writeCsvFolder(dir, "csv", b)))) {
            assertThat(data.errors()).isEmpty();
            assertThat(data.subjects()).singleElement().satisfies(s -> assertThat(s.subject().source().row()).isEqualTo(4));
        }
    }

    @Test
    void aMissingKeyColumnIsOneErrorAndOneCountPerOtherSheetNotOnePerRow() throws Exception {
        Path xlsx = writeXlsx(dir, "site.xlsx", book()
                .sheet("Subjects", row("Subject", "RandomizedAt"), row("S-1", "2026-03-01T10:00"), row("S-2", "2026-03-01T10:00"))
                .sheet("Criteria", row("SubjectId", "Criterion", "Value"),
                        row("S-1", "LVO", "Y"), row("S-1", "EVT", "Y"), row("S-2", "LVO", "Y")));

        WorkbookData data = read(xlsx);

        assertThat(described(data.errors())).containsExactly(
                "site.xlsx: Criteria: 3 rows of this sheet were not checked: the Subjects sheet could not be read (see its errors)",
                "site.xlsx: Subjects row 1 SubjectId: missing required column SubjectId: 2 data rows of this sheet could not be read");
    }

    @Test
    void aCsvRowWithMoreFieldsThanTheHeaderIsAnErrorNotAShiftedRow() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(folder.resolve("Subjects.csv"),
                "SubjectId,Age,RandomizedAt\nS-1,70,2026-03-01T10:00,,\nS-2,7,0,2026-03-01T10:00\n");

        WorkbookData data = read(folder);

        assertThat(described(data.errors())).containsExactly("Subjects.csv: Subjects row 3: this row has 4 fields but the"
                + " header has 3: the row is not read (a value holding the delimiter must be in quotes)");
        assertThat(data.subjects()).extracting(SubjectData::subjectId).containsExactly("S-1");
    }

    @Test
    void valuesUnderAnEmptyOrMergedHeaderCellAreAWarningOncePerColumn() throws Exception {
        Path xlsx = writeXlsx(dir, "site.xlsx", book().sheet("Subjects", row("SubjectId", null, "RandomizedAt"),
                row("S-1", "note", "2026-03-01T10:00"), row("S-2", "other", "2026-03-01T10:00")));

        WorkbookData data = read(xlsx);

        assertThat(data.errors()).isEmpty();
        assertThat(described(data.warnings())).containsExactly("site.xlsx: Subjects!B2: 2 values in column B, whose header"
                + " cell (B1) is empty, are not read (the first here): give the column a header, or unmerge the header cells");
    }

    @Test
    void aCsvFileInWindows1252IsReadWithAWarningNamingTheFirstBadByte() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("csv"));
        Files.write(folder.resolve("Subjects.csv"), "SubjectId,Site,RandomizedAt\nS-1,Köln,2026-03-01T10:00\nS-2,Zürich,2026-03-01T10:00\n"
                .getBytes(Charset.forName("windows-1252")));

        WorkbookData detected = read(folder);
        WorkbookData declared = new WorkbookReader(CODES, BERLIN).withCsvEncoding(Charset.forName("windows-1252")).read(folder);

        assertThat(detected.errors()).isEmpty();
        assertThat(described(detected.warnings())).containsExactly("Subjects.csv: is not UTF-8: the first byte that is not"
                + " is in row 2, column B (cell B2, after \"K\"); the file is read as Windows-1252 (if it is another"
                + " encoding, give it with --encoding, or save it as \"CSV UTF-8\")");
        assertThat(detected.subjects()).extracting(s -> s.subject().site()).containsExactly("Köln", "Zürich");
        assertThat(declared.warnings()).isEmpty();
        assertThat(declared.subjects()).extracting(s -> s.subject().site()).containsExactly("Köln", "Zürich");
    }

    @Test
    void aLongValueIsQuotedCutAtEightyCharacters() throws Exception {
        String huge = "x".repeat(10_000);
        WorkbookData data = read(writeXlsx(dir, "site.xlsx", book()
                .sheet("Subjects", subjectsHeader(), row("S-1", "12", huge, 70, 80, "2026-03-01T10:00"))));

        assertThat(data.errors()).singleElement().satisfies(e -> {
            assertThat(e.message()).hasSizeLessThan(200).contains("x".repeat(80) + "...\" (10000 characters)");
        });
    }

    @Test
    void aCodeLongerThanEightyCharactersIsAnInputErrorSoNoMessageRepeatsIt() throws Exception {
        String huge = "1a".repeat(5_000);
        WorkbookData data = read(writeXlsx(dir, "site.xlsx", book()
                .sheet("Subjects", subjectsHeader(), row("S-1", "12", "M", 70, 80, "2026-03-01T10:00"))
                .sheet("Assessments", row("SubjectId", "Test", "PerformedAt", "Value"),
                        row("S-1", "IMAGING", "2026-03-01T12:00", huge))
                .sheet("Doses", row("SubjectId", "Treatment", "StartAt", "Dose", "Unit"),
                        row("S-1", "SIVELESTAT", "2026-03-01T11:00", 100, "m".repeat(500)))));

        assertThat(data.errors()).extracting(InputError::cell).containsExactly("D2", "E2");
        assertThat(data.errors()).allSatisfy(e -> assertThat(e.message()).hasSizeLessThan(200).contains("is too long for a code"));
        assertThat(data.subjects().get(0).assessments()).isEmpty();
    }

    @Test
    void aSheetTheProtocolReadsButTheWorkbookLacksIsAWarningNamingItsRules() throws Exception {
        var rules = List.of(safetyRule());
        Path xlsx = writeXlsx(dir, "site.xlsx", book().sheet("Subjects", subjectsHeader(),
                row("S-1", "12", "M", 70, 80, "2026-03-01T10:00")));

        WorkbookData data = new WorkbookReader(CODES, BERLIN).withRules(rules).read(xlsx);
        WorkbookData csv = new WorkbookReader(CODES, BERLIN).withRules(rules).read(writeCsvFolder(dir, "csv", book()
                .sheet("Subjects", subjectsHeader(), row("S-1", "12", "M", 70, 80, "2026-03-01T10:00"))));

        assertThat(described(data.warnings())).containsExactly(
                "site.xlsx: Events: no Events sheet: the rules SICH-SAE-24H were not applied");
        assertThat(described(csv.warnings())).containsExactly(
                "Events.csv: Events: no Events.csv file: the rules SICH-SAE-24H were not applied");
    }

    private static io.protoguard.model.rules.SafetyRule safetyRule() {
        return new io.protoguard.model.rules.SafetyRule("SICH-SAE-24H",
                io.protoguard.model.rules.SafetyRule.Check.SAE_REPORT_WITHIN_HOURS, "ICH", 24.0, 48.0,
                io.protoguard.model.Severity.IMPORTANT, io.protoguard.model.CitationSource.SPONSOR, "cite");
    }
}

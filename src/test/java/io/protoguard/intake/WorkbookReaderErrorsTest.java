package io.protoguard.intake;

import io.protoguard.model.Assessment;
import io.protoguard.model.ClinicalEvent;
import io.protoguard.model.CodeBook;
import io.protoguard.model.Criterion;
import io.protoguard.model.InputError;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Set;

import static io.protoguard.intake.TestWorkbooks.*;
import static org.assertj.core.api.Assertions.assertThat;

class WorkbookReaderErrorsTest {

    @TempDir
    Path dir;

    private static Book faultyBook() {
        return book()
                .sheet("Subjects",
                        row("SubjectId", "Site", "Arm", "Sex", "Age", "WeightKg", "RandomizedAt"),
                        row("S-001", "12", "A", "M", 70, 80, "2026-03-01T10:00"),
                        row("S-002", "12", "A", "F", 60, 70, "2026-03-01T11:00"),
                        row("S-001", "12", "B", "F", 50, 60, "2026-03-01T12:00"),
                        row("S-003", "12", "A", "X", 45.5, 0, "2026-13-01"),
                        row(null, "12", "A", "M", 60, 70, null),
                        row("S-004", "12", "A", "M", "abc", 70, "2026-03-01T10:00"),
                        row("S-005", "12", "A", "male", 45.0, 70, "2026-03-01T10:00"))
                .sheet("Criteria",
                        row("SubjectId", "Criterion", "Value"),
                        row("S-001", "LVO", "X"),
                        row("S-001", "FOO", "Y"),
                        row("S-001", "EVT", "Y"),
                        row("S-001", "evt", "N"),
                        row("S-009", "LVO", "Y"),
                        row("S-003", "LVO", "Y"),
                        row("S-001", "ANC", "abc"))
                .sheet("Assessments",
                        row("SubjectId", "Visit", "Test", "PerformedAt", "Value"),
                        row("S-001", "BASELINE", "NIHS", "2026-03-01T09:00", 5),
                        row("S-001", "D99", "NIHSS", "2026-03-01T09:00", 5),
                        row("S-001", "H48", "BARTHEL", "2026-03-03T10:00", 50),
                        row("S-001", null, "NIHSS", null, null),
                        row("S-002", "D90", "MRS", "2026-05-30", 2))
                .sheet("Doses",
                        row("SubjectId", "Treatment", "StartAt", "Dose", "Unit"),
                        row("S-001", "SIVELESTAT", "2026-03-01T10:30", "4,5", "mg/kg"))
                .sheet("Events",
                        row("SubjectId", "EventId", "Type", "DetectedAt", "HeidelbergClass", "MajorIntervention",
                                "SiteReportedSymptomatic", "NihssBefore"),
                        row("S-001", "E1", "ICH", "2026-03-02T08:00", "1a", "NONE", "Y", 4),
                        row("S-001", "E1", "ICH", "2026-03-03T08:00", "4", "SURGERY", "maybe", 4.5),
                        row("S-002", "E1", "ICH", "2026-03-03T08:00", 2, null, 0, null));
    }

    @Test
    void everyFaultIsReportedOnItsCellWithAClearMessageInSheetRowColumnOrder() throws Exception {
        WorkbookData data = read(writeXlsx(dir, "site-12.xlsx", faultyBook()));

        assertThat(described(data.errors())).containsExactly(
                "site-12.xlsx: Assessments!C2 Test: test \"NIHS\" is unknown (known: BARTHEL, EQ5D5L, IMAGING, MRS, NIHSS, SOFA)",
                "site-12.xlsx: Assessments!B3 Visit: visit \"D99\" is not a visit of this protocol (visits: BASELINE, D90, H48, IMG48)",
                "site-12.xlsx: Assessments!B4 Visit: visit H48 does not schedule BARTHEL (it schedules: NIHSS)",
                "site-12.xlsx: Assessments!D5 PerformedAt: missing (required)",
                "site-12.xlsx: Assessments!E5 Value: missing (required)",
                "site-12.xlsx: Criteria!C2 Value: \"X\" is not Y or N (Y, N, YES, NO, TRUE, FALSE, 1, 0)",
                "site-12.xlsx: Criteria!B3 Criterion: criterion \"FOO\" is unknown (known: ANC, EVT, LVO)",
                "site-12.xlsx: Criteria!B5 Criterion: duplicate Criterion \"EVT\" for SubjectId \"S-001\" (first at row 4)",
                "site-12.xlsx: Criteria!A6 SubjectId: SubjectId \"S-009\" is not in the Subjects sheet",
                "site-12.xlsx: Criteria!A7 SubjectId: SubjectId \"S-003\" could not be read from the Subjects sheet (see its errors)",
                "site-12.xlsx: Criteria!C8 Value: \"abc\" is not a number",
                "site-12.xlsx: Doses!D2 Dose: \"4,5\" is not a number (use a point as the decimal mark)",
                "site-12.xlsx: Events!B3 EventId: duplicate EventId \"E1\" for SubjectId \"S-001\" (first at row 2)",
                "site-12.xlsx: Events!E3 HeidelbergClass: \"4\" is not a Heidelberg class (1a 1b 1c 2 3a 3b 3c 3d)",
                "site-12.xlsx: Events!F3 MajorIntervention: \"SURGERY\" is not one of NONE, INTUBATION, HEMICRANIECTOMY, EVD, OTHER",
                "site-12.xlsx: Events!G3 SiteReportedSymptomatic: \"maybe\" is not Y or N (Y, N, YES, NO, TRUE, FALSE, 1, 0)",
                "site-12.xlsx: Events!H3 NihssBefore: \"4.5\" is not a whole number",
                "site-12.xlsx: Subjects!A4 SubjectId: duplicate SubjectId \"S-001\" (first at row 2)",
                "site-12.xlsx: Subjects!D5 Sex: \"X\" is not M or F (M, F, MALE, FEMALE)",
                "site-12.xlsx: Subjects!E5 Age: \"45.5\" is not a whole number",
                "site-12.xlsx: Subjects!G5 RandomizedAt: \"2026-13-01\" is not a date-time (expected e.g. 2026-03-01T14:30)",
                "site-12.xlsx: Subjects!A6 SubjectId: missing (required)",
                "site-12.xlsx: Subjects!G6 RandomizedAt: missing (required)",
                "site-12.xlsx: Subjects!E7 Age: \"abc\" is not a number");
        assertThat(data.errors().get(0)).isEqualTo(new InputError("site-12.xlsx", "Assessments", 2, "Test", "C2",
                "test \"NIHS\" is unknown (known: BARTHEL, EQ5D5L, IMAGING, MRS, NIHSS, SOFA)"));
        assertThat(data.warnings()).isEmpty();
    }

    @Test
    void rowsWithFaultsBecomeNoFactsAndTheFirstOfDuplicatesIsKept() throws Exception {
        WorkbookData data = read(writeXlsx(dir, "site-12.xlsx", faultyBook()));

        // S-004's only fault is an optional cell (Age "abc"): one input error, and the subject is still read.
        assertThat(data.subjects()).extracting(SubjectData::subjectId).containsExactly("S-001", "S-002", "S-004", "S-005");
        assertThat(data.subjects().get(2).subject().age()).isNull();
        SubjectData s1 = data.subjects().get(0);
        assertThat(s1.subject().arm()).isEqualTo("A");
        assertThat(s1.subject().source().row()).isEqualTo(2);
        assertThat(s1.criteria()).extracting(Criterion::code).containsExactly("EVT");
        assertThat(s1.assessments()).isEmpty();
        assertThat(s1.doses()).isEmpty();
        assertThat(s1.events()).extracting(c -> c.source().row()).containsExactly(2);
        SubjectData s2 = data.subjects().get(1);
        assertThat(s2.assessments()).extracting(Assessment::test).containsExactly("MRS");
        assertThat(s2.events()).extracting(ClinicalEvent::heidelbergClass, ClinicalEvent::siteReportedSymptomatic)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2", false));
        assertThat(data.subjects().get(3).subject().sex()).isEqualTo("M");
        assertThat(data.subjects().get(3).subject().age()).isEqualTo(45);
    }

    @Test
    void theSameFaultsAreFoundInCsvWithTheSameCells() throws Exception {
        WorkbookData fromXlsx = read(writeXlsx(dir, "site-12.xlsx", faultyBook()));
        WorkbookData fromCsv = read(writeCsvFolder(dir, "site-12", faultyBook()));

        assertThat(fromCsv.errors()).extracting(InputError::sheet, InputError::cell, InputError::message)
                .containsExactlyInAnyOrderElementsOf(fromXlsx.errors().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.sheet(), e.cell(), e.message())).toList());
        assertThat(fromCsv.errors()).extracting(InputError::file).contains("Criteria.csv", "Subjects.csv");
    }

    @Test
    void aMissingRequiredColumnIsOneErrorOnTheHeaderCountingTheUnreadRows() throws Exception {
        Path xlsx = writeXlsx(dir, "site.xlsx", book()
                .sheet("Subjects", subjectsHeader(), subject("S-001"))
                .sheet("Assessments", row("SubjectId", "Test", "Value"),
                        row("S-001", "NIHSS", 4), null, row("S-001", "NIHSS", 5), row("S-001", "MRS", 1)));

        WorkbookData data = read(xlsx);

        assertThat(data.errors()).containsExactly(new InputError("site.xlsx", "Assessments", 1, "PerformedAt", null,
                "missing required column PerformedAt: 3 data rows of this sheet could not be read"));
        assertThat(data.subjects().get(0).assessments()).isEmpty();
    }

    @Test
    void withoutAReadableSubjectsSheetEveryOtherRowIsStillAccountedFor() throws Exception {
        Path noSubjects = writeXlsx(dir, "none.xlsx", book()
                .sheet("Criteria", row("SubjectId", "Criterion", "Value"), row("S-001", "LVO", "Y")));
        Path badSubjects = writeXlsx(dir, "bad.xlsx", book()
                .sheet("Subjects", row("SubjectId", "Site"), row("S-001", "12"))
                .sheet("Criteria", row("SubjectId", "Criterion", "Value"), row("S-001", "LVO", "Y")));

        assertThat(described(read(noSubjects).errors())).containsExactly(
                "none.xlsx: Criteria!A2 SubjectId: SubjectId \"S-001\" is not in the Subjects sheet",
                "none.xlsx: Subjects: no Subjects sheet (required): no subject can be read");
        assertThat(described(read(badSubjects).errors())).containsExactly(
                "bad.xlsx: Criteria: 1 row of this sheet was not checked: the Subjects sheet could not be read (see its errors)",
                "bad.xlsx: Subjects row 1 RandomizedAt: missing required column RandomizedAt: 1 data row of this sheet could not be read");
    }

    @Test
    void anEmptySubjectsSheetIsAnError() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(folder.resolve("Subjects.csv"), "");
        Files.writeString(folder.resolve("Doses.csv"), "");

        assertThat(described(read(folder).errors()))
                .containsExactly("Subjects.csv: Subjects: the Subjects sheet is empty: no subject can be read");
    }

    @Test
    void anArmOutsideTheProtocolsArmsIsAnErrorListingThem() throws Exception {
        CodeBook withArms = new CodeBook(CODES.numericTests(), CODES.codedTests(), CODES.numericCriteria(),
                CODES.yesNoCriteria(), Set.of("PLACEBO", "SIVELESTAT"), CODES.testsByVisit());
        Path folder = writeCsvFolder(dir, "csv", book().sheet("Subjects", row("SubjectId", "Arm", "RandomizedAt"),
                row("S-001", "sivelestat", "2026-03-01"), row("S-002", "ACTIVE", "2026-03-01")));

        WorkbookData data = new WorkbookReader(withArms, ZoneOffset.UTC).read(folder);

        // An unknown arm is one input error; the subject is still checked, its arm-specific rules not judged.
        assertThat(data.subjects()).extracting(s -> s.subject().arm()).containsExactly("SIVELESTAT", null);
        assertThat(described(data.errors())).containsExactly(
                "Subjects.csv: Subjects!B3 Arm: arm \"ACTIVE\" is unknown (known: PLACEBO, SIVELESTAT)");
    }

    @Test
    void csvFaultsOfTheFileItselfAreErrorsNotExceptions() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(folder.resolve("Subjects.csv"), "SubjectId,RandomizedAt\nS-001,2026-03-01\n");
        Files.writeString(folder.resolve("Criteria.csv"), "SubjectId,Criterion,Value\nS-001,LVO,\"Y\nS-001,EVT,N\n");
        Files.write(folder.resolve("Doses.csv"), new byte[]{'S', 'u', (byte) 0xE9, '\n'});

        WorkbookData data = read(folder);

        // Not UTF-8: read as Windows-1252 with a warning (SPEC section 8); "Sué" is then no header of Doses.
        assertThat(described(data.errors())).containsExactly(
                "Criteria.csv: Criteria row 2: a quoted field opened on this line is never closed (a missing \")",
                "Doses.csv: Doses row 1: row 1 is not a header of the Doses sheet: none of its columns is there (required:"
                        + " SubjectId, Treatment, StartAt, Dose, Unit); 0 data rows of this sheet could not be read");
        assertThat(described(data.warnings())).contains("Doses.csv: is not UTF-8: the first byte that is not is in row 1,"
                + " column A (cell A1, after \"Su\"); the file is read as Windows-1252 (if it is another encoding, give it"
                + " with --encoding, or save it as \"CSV UTF-8\")");
        assertThat(data.subjects()).singleElement().satisfies(s -> assertThat(s.criteria()).isEmpty());
    }
}

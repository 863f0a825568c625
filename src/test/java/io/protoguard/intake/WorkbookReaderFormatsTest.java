package io.protoguard.intake;

import io.protoguard.model.Assessment;
import io.protoguard.model.ClinicalEvent;
import io.protoguard.model.Criterion;
import io.protoguard.model.Dose;
import io.protoguard.model.InputError;
import io.protoguard.model.SourceRef;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.When;
import io.protoguard.model.WorkbookData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static io.protoguard.intake.TestWorkbooks.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class WorkbookReaderFormatsTest {

    @TempDir
    Path dir;

    static Book cleanBook() {
        return book()
                .sheet("Subjects",
                        row("SubjectId", "Site", "Arm", "Sex", "Age", "WeightKg", "ConsentAt", "OnsetAt",
                                "RandomizedAt", "DischargedAt", "DiedAt", "WithdrawnAt"),
                        row("S-002", "12", "b", "female", 64, 58.0, "2026-03-02T08:00", "2026-03-02T06:15",
                                "2026-03-02T09:00", "2026-03-20", null, null),
                        row("S-001", "12", "A", "M", 70, 80.5, "2026-03-01T09:40", "2026-03-01T07:00",
                                "2026-03-01T10:00", null, "2026-05-01", null))
                .sheet("Criteria",
                        row("SubjectId", "Criterion", "Value"),
                        row("S-001", "LVO", "Y"),
                        row("S-001", "anc", 1.5),
                        row("S-002", "EVT", "yes"))
                .sheet("Assessments",
                        row("SubjectId", "Visit", "Test", "PerformedAt", "Value"),
                        row("S-001", "BASELINE", "NIHSS", "2026-03-01T09:00", 12),
                        row("S-001", null, "imaging", "2026-03-02 11:00", "None"),
                        row("S-001", "d90", "BARTHEL", "2026-05-30", 70),
                        row("S-002", "H48", "NIHSS", "2026-03-04T09:30:15", 4.5))
                .sheet("Doses",
                        row("SubjectId", "Treatment", "StartAt", "EndAt", "Dose", "Unit"),
                        row("S-001", "sivelestat", "2026-03-01T10:30", "2026-03-01T11:30", 4.8, " mg/kg "))
                .sheet("Events",
                        row("SubjectId", "EventId", "Type", "DetectedAt", "HeidelbergClass", "NihssBefore",
                                "NihssAtDiagnosis", "MaxItemIncrease", "MajorIntervention", "AlternativeExplanation",
                                "SiteReportedSymptomatic", "ReportedSaeAt"),
                        row("S-001", "E1", "ich", "2026-03-02T08:00", "1C", 10, 14, 4, "none", "N", "true",
                                "2026-03-02T12:00+01:00"));
    }

    @Test
    void cleanXlsxAndTheSameDataAsCsvGiveEqualSubjectData() throws Exception {
        WorkbookData fromXlsx = read(writeXlsx(dir, "site-12.xlsx", cleanBook()));
        WorkbookData fromCsv = read(writeCsvFolder(dir, "site-12", cleanBook()));

        assertThat(described(fromXlsx.errors())).isEmpty();
        assertThat(described(fromCsv.errors())).isEmpty();
        assertThat(fromXlsx.warnings()).isEmpty();
        assertThat(fromCsv.warnings()).isEmpty();
        assertThat(fromXlsx.subjects()).extracting(SubjectData::subjectId).containsExactly("S-001", "S-002");
        // The only difference allowed is the file a fact came from.
        assertThat(fromCsv.subjects()).usingRecursiveComparison()
                .ignoringFieldsMatchingRegexes(".*source\\.file")
                .isEqualTo(fromXlsx.subjects());
        assertThat(fromCsv.subjects().get(0).assessments().get(0).source())
                .isEqualTo(new SourceRef("Assessments.csv", "Assessments", 2));
    }

    @Test
    void cleanWorkbookIsReadIntoNormalisedFacts() throws Exception {
        WorkbookData data = read(writeXlsx(dir, "site-12.xlsx", cleanBook()));

        SubjectData s1 = data.subjects().get(0);
        Subject subject = s1.subject();
        assertThat(subject.source()).isEqualTo(new SourceRef("site-12.xlsx", "Subjects", 3));
        assertThat(subject.age()).isEqualTo(70);
        assertThat(subject.weightKg()).isEqualTo(80.5);
        assertThat(subject.randomizedAt()).isEqualTo(new When(LocalDate.of(2026, 3, 1),
                Instant.parse("2026-03-01T09:00:00Z"), "2026-03-01T10:00"));
        assertThat(subject.diedAt()).isEqualTo(new When(LocalDate.of(2026, 5, 1), null, "2026-05-01"));
        assertThat(subject.withdrawnAt()).isNull();
        SubjectData s2 = data.subjects().get(1);
        assertThat(s2.subject().sex()).isEqualTo("F");
        assertThat(s2.subject().arm()).isEqualTo("B");
        assertThat(s2.criteria()).containsExactly(
                new Criterion("S-002", "EVT", "Y", null, new SourceRef("site-12.xlsx", "Criteria", 4)));

        assertThat(s1.criteria()).extracting(Criterion::code, Criterion::value, Criterion::number)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LVO", "Y", null),
                        org.assertj.core.groups.Tuple.tuple("ANC", "1.5", 1.5));
        assertThat(s1.assessments()).extracting(Assessment::visit, Assessment::test, Assessment::value,
                        Assessment::number)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BASELINE", "NIHSS", "12", 12.0),
                        org.assertj.core.groups.Tuple.tuple(null, "IMAGING", "None", null),
                        org.assertj.core.groups.Tuple.tuple("D90", "BARTHEL", "70", 70.0));
        assertThat(s1.assessments().get(1).performedAt().text()).isEqualTo("2026-03-02T11:00");
        assertThat(s2.assessments().get(0).value()).isEqualTo("4.5");
        assertThat(s2.assessments().get(0).performedAt().text()).isEqualTo("2026-03-04T09:30:15");

        Dose dose = s1.doses().get(0);
        assertThat(dose.treatment()).isEqualTo("SIVELESTAT");
        assertThat(dose.dose()).isEqualTo(4.8);
        assertThat(dose.unit()).isEqualTo("mg/kg");
        assertThat(dose.endAt().text()).isEqualTo("2026-03-01T11:30");

        ClinicalEvent event = s1.events().get(0);
        assertThat(event.type()).isEqualTo("ICH");
        assertThat(event.heidelbergClass()).isEqualTo("1c");
        assertThat(event.nihssBefore()).isEqualTo(10);
        assertThat(event.nihssAtDiagnosis()).isEqualTo(14);
        assertThat(event.maxItemIncrease()).isEqualTo(4);
        assertThat(event.majorIntervention()).isEqualTo("NONE");
        assertThat(event.alternativeExplanation()).isFalse();
        assertThat(event.siteReportedSymptomatic()).isTrue();
        assertThat(event.reportedSaeAt().text()).isEqualTo("2026-03-02T12:00+01:00");
        assertThat(event.reportedSaeAt().instant()).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
    }

    @Test
    void realDateCellsAreDateOnlyOrDateTimeByTheirFormat() throws Exception {
        Path xlsx = writeXlsx(dir, "dates.xlsx", book().sheet("Subjects",
                row("SubjectId", "RandomizedAt", "DischargedAt", "ConsentAt"),
                row("S-001", new DateTimeCell(LocalDateTime.of(2026, 3, 1, 14, 30)),
                        new DateCell(LocalDate.of(2026, 3, 20)),
                        new DateTimeCell(LocalDateTime.of(2026, 3, 1, 13, 5, 42)))));

        WorkbookData data = read(xlsx);

        assertThat(data.errors()).isEmpty();
        Subject subject = data.subjects().get(0).subject();
        assertThat(subject.randomizedAt()).isEqualTo(new When(LocalDate.of(2026, 3, 1),
                Instant.parse("2026-03-01T13:30:00Z"), "2026-03-01T14:30"));
        assertThat(subject.dischargedAt()).isEqualTo(new When(LocalDate.of(2026, 3, 20), null, "2026-03-20"));
        assertThat(subject.consentAt().text()).isEqualTo("2026-03-01T13:05:42");
    }

    @Test
    void numbersFromNumericCellsComeOutExactWhateverTheirFormat() throws Exception {
        Path xlsx = writeXlsx(dir, "numbers.xlsx", book()
                .sheet("Subjects", subjectsHeader(), subject("S-001"))
                .sheet("Assessments", row("SubjectId", "Test", "PerformedAt", "Value"),
                        row("S-001", "BARTHEL", "2026-05-30", new FormattedNumber(70, "0.00")),
                        row("S-001", "SOFA", "2026-03-02", new FormattedNumber(4.5, "0.00")),
                        row("S-001", "IMAGING", "2026-03-03", 2)));

        WorkbookData data = read(xlsx);

        assertThat(described(data.errors())).isEmpty();
        assertThat(data.subjects().get(0).assessments()).extracting(Assessment::value)
                .containsExactly("70", "4.5", "2");
        assertThat(data.subjects().get(0).subject().age()).isEqualTo(70);
    }

    @Test
    void emptyRowsAreSkippedAndRowNumbersStayAsExcelShowsThem() throws Exception {
        Path xlsx = writeXlsx(dir, "gaps.xlsx", book()
                .sheet("Subjects", subjectsHeader(), null, subject("S-001"), row(null, " ", null), subject("S-002")));

        WorkbookData data = read(xlsx);

        assertThat(data.errors()).isEmpty();
        assertThat(data.subjects()).extracting(s -> s.subject().source().row()).containsExactly(3, 5);
    }

    @Test
    void readmeSheetIsSkippedSilentlyUnknownSheetAndColumnAreWarnings() throws Exception {
        Path xlsx = writeXlsx(dir, "site.xlsx", book()
                .sheet("README", row("How to fill this workbook"), row("SubjectId is required"))
                .sheet("subjects", row("subjectid", "Comment", "RANDOMIZEDAT"),
                        row("S-001", "anything", "2026-03-01T10:00"))
                .sheet("Notes", row("free text")));

        WorkbookData data = read(xlsx);

        assertThat(data.errors()).isEmpty();
        assertThat(data.subjects()).hasSize(1);
        assertThat(data.subjects().get(0).subject().source().sheet()).isEqualTo("Subjects");
        assertThat(data.warnings()).containsExactly(
                new InputError("site.xlsx", "Notes", null, null, null,
                        "unknown sheet \"Notes\" is ignored (sheets: Subjects, Criteria, Assessments, Doses, Events)"),
                new InputError("site.xlsx", "Subjects", 1, "Comment", "B1",
                        "unknown column \"Comment\" is ignored (columns of Subjects: SubjectId, Site, Arm, Sex, Age, "
                                + "WeightKg, ConsentAt, OnsetAt, RandomizedAt, DischargedAt, DiedAt, WithdrawnAt)"));
    }

    @Test
    void csvQuotedMultiLineFieldKeepsTheLineNumbersOfAnEditor() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(folder.resolve("Subjects.csv"), "SubjectId,RandomizedAt,Site\n"
                + "S-001,2026-03-01T10:00,\"Hospital \"\"North\"\",\nbuilding B\"\n"
                + "S-002,2026-03-01T11:00,South\n"
                + "S-003,not a date,South\n");

        WorkbookData data = read(folder);

        assertThat(data.subjects()).extracting(s -> s.subject().source().row()).containsExactly(2, 4);
        assertThat(data.subjects().get(0).subject().site()).isEqualTo("Hospital \"North\",\nbuilding B");
        assertThat(described(data.errors())).containsExactly(
                "Subjects.csv: Subjects!B5 RandomizedAt: \"not a date\" is not a date-time (expected e.g. 2026-03-01T14:30)");
    }

    @Test
    void semicolonCsvWithBomAndLowerCaseFileNameIsRead() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("csv"));
        Files.write(folder.resolve("subjects.csv"), ("\uFEFFSubjectId;WeightKg;RandomizedAt\r\n"
                + "S-001;72.5;2026-03-01 10:00\r\n").getBytes(StandardCharsets.UTF_8));
        Files.writeString(folder.resolve("ASSESSMENTS.CSV"), "SubjectId;Test;PerformedAt;Value\n"
                + "S-001;NIHSS;2026-03-01T09:00;\"7\"\n");

        WorkbookData data = read(folder);

        assertThat(data.errors()).isEmpty();
        assertThat(data.warnings()).isEmpty();
        SubjectData s = data.subjects().get(0);
        assertThat(s.subject().weightKg()).isEqualTo(72.5);
        assertThat(s.subject().source()).isEqualTo(new SourceRef("subjects.csv", "Subjects", 2));
        assertThat(s.assessments()).extracting(Assessment::number).containsExactly(7.0);
    }

    @Test
    void unknownCsvFileAndNonCsvFileAreWarnings() throws Exception {
        Path folder = writeCsvFolder(dir, "csv", book().sheet("Subjects", subjectsHeader(), subject("S-001")));
        Files.writeString(folder.resolve("Labs.csv"), "SubjectId,Test\n");
        Files.writeString(folder.resolve("notes.txt"), "hello");

        WorkbookData data = read(folder);

        assertThat(data.errors()).isEmpty();
        assertThat(data.subjects()).hasSize(1);
        assertThat(described(data.warnings())).containsExactly(
                "Labs.csv: Labs: unknown sheet \"Labs\" is ignored (sheets: Subjects, Criteria, Assessments, Doses, Events)",
                "notes.txt: not a .csv file: ignored");
    }

    @Test
    void aNonXlsxFileRenamedXlsxIsOneInputErrorNotAnException() throws Exception {
        Path fake = dir.resolve("site-12.xlsx");
        Files.writeString(fake, "SubjectId,RandomizedAt\nS-001,2026-03-01\n");

        WorkbookData[] data = new WorkbookData[1];
        assertThatCode(() -> data[0] = read(fake)).doesNotThrowAnyException();

        assertThat(data[0].subjects()).isEmpty();
        assertThat(data[0].errors()).hasSize(1);
        assertThat(data[0].errors().get(0).file()).isEqualTo("site-12.xlsx");
        assertThat(data[0].errors().get(0).message()).contains("is not an .xlsx workbook");
    }

    @Test
    void aCorruptZipAndAnOldBinaryFileAreInputErrorsNamingTheFile() throws Exception {
        Path good = writeXlsx(dir, "good.xlsx", book().sheet("Subjects", subjectsHeader(), subject("S-001")));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        byte[] ole2 = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        Path encrypted = Files.write(dir.resolve("locked.xlsx"), ole2);

        WorkbookData fromTruncated = read(truncated);
        WorkbookData fromEncrypted = read(encrypted);

        assertThat(fromTruncated.errors()).singleElement()
                .satisfies(e -> assertThat(e.file()).isEqualTo("truncated.xlsx"));
        assertThat(fromTruncated.subjects()).isEmpty();
        assertThat(fromEncrypted.errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("password-protected"));
        assertThat(read(dir.resolve("missing.xlsx")).errors()).singleElement()
                .satisfies(e -> assertThat(e.describe()).isEqualTo("missing.xlsx: no such file or folder"));
    }
}

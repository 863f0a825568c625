package io.protoguard.intake;

import io.protoguard.model.When;
import io.protoguard.model.WorkbookData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static io.protoguard.intake.TestWorkbooks.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Date-time spellings, read in Europe/Berlin (UTC+1 in winter, UTC+2 from 29 March 2026). */
class WorkbookReaderDateTimeTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // written,                   date (as written), instant (UTC),     text
            "2026-03-01T14:30,            2026-03-01, 2026-03-01T13:30:00Z, 2026-03-01T14:30",
            "2026-03-01T14:30:15,         2026-03-01, 2026-03-01T13:30:15Z, 2026-03-01T14:30:15",
            "2026-03-01 14:30,            2026-03-01, 2026-03-01T13:30:00Z, 2026-03-01T14:30",
            "2026-03-01T14:30:00,         2026-03-01, 2026-03-01T13:30:00Z, 2026-03-01T14:30",
            "2026-07-01T14:30,            2026-07-01, 2026-07-01T12:30:00Z, 2026-07-01T14:30",
            "2026-03-01T14:30+02:00,      2026-03-01, 2026-03-01T12:30:00Z, 2026-03-01T14:30+02:00",
            "2026-03-01T23:30Z,           2026-03-01, 2026-03-01T23:30:00Z, 2026-03-01T23:30Z",
            "2026-03-01 23:30:05-05:00,   2026-03-01, 2026-03-02T04:30:05Z, 2026-03-01T23:30:05-05:00",
            "2026-03-01,                  2026-03-01, -,                    2026-03-01",
    })
    void isoDateTimesAreReadInTheStudyZone(String written, LocalDate date, String instant, String text) throws Exception {
        When expected = new When(date, instant == null ? null : Instant.parse(instant), text);

        WorkbookData fromCsv = read(writeCsvFolder(dir, "csv", subjectRandomizedAt(written)));
        WorkbookData fromXlsx = read(writeXlsx(dir, "site.xlsx", subjectRandomizedAt(written)));

        assertThat(fromCsv.errors()).isEmpty();
        assertThat(fromCsv.subjects().get(0).subject().randomizedAt()).isEqualTo(expected);
        assertThat(fromXlsx.subjects().get(0).subject().randomizedAt()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-13-01", "2026-02-30", "01.03.2026", "2026-03-01T25:00", "2026-03-01T14", "14:30", "yesterday"})
    void somethingThatIsNotADateTimeIsAnErrorOnItsCell(String written) throws Exception {
        WorkbookData data = read(writeCsvFolder(dir, "csv", subjectRandomizedAt(written)));

        assertThat(data.subjects()).isEmpty();
        assertThat(described(data.errors())).containsExactly("Subjects.csv: Subjects!B2 RandomizedAt: \""
                + written + "\" is not a date-time (expected e.g. 2026-03-01T14:30)");
    }

    private static Book subjectRandomizedAt(String written) {
        return book().sheet("Subjects", row("SubjectId", "RandomizedAt"), row("S-001", written));
    }
}

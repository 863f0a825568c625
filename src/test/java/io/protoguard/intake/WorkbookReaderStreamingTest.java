package io.protoguard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.model.CodeBook;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed read: subjects one at a time in SubjectId order, whatever the file order and buffer size. */
class WorkbookReaderStreamingTest {
    private static final CodeBook CODES = GeneratorCodes.CODES;

    @TempDir
    Path tmp;

    @Test
    void unsortedFilesSpilledInSmallRunsGiveTheSameSubjectsAsOneBuffer() throws Exception {
        new DataGenerator(300, 3, DeviationRates.defaults(), true).write(tmp.resolve("shuffled"));
        WorkbookData whole = new WorkbookReader(CODES, ZoneOffset.UTC).read(tmp.resolve("shuffled"));
        WorkbookData spilled = new WorkbookReader(CODES, ZoneOffset.UTC, 97).read(tmp.resolve("shuffled"));
        assertThat(whole.errors()).isEmpty();
        assertThat(whole.subjects()).hasSize(300);
        assertThat(spilled.subjects()).isEqualTo(whole.subjects());
        List<String> ids = whole.subjects().stream().map(SubjectData::subjectId).toList();
        assertThat(ids).isSorted();
    }

    @Test
    void sortedAndShuffledFilesGiveTheSameFactsApartFromRowNumbers() throws Exception {
        new DataGenerator(80, 4, DeviationRates.defaults(), false).write(tmp.resolve("sorted"));
        new DataGenerator(80, 4, DeviationRates.defaults(), true).write(tmp.resolve("shuffled"));
        WorkbookData sorted = new WorkbookReader(CODES, ZoneOffset.UTC).read(tmp.resolve("sorted"));
        WorkbookData shuffled = new WorkbookReader(CODES, ZoneOffset.UTC, 10).read(tmp.resolve("shuffled"));
        assertThat(shuffled.subjects()).hasSize(80);
        for (int i = 0; i < 80; i++) {
            assertThat(shuffled.subjects().get(i).assessments().stream().map(a -> a.test() + a.performedAt()).toList())
                    .isEqualTo(sorted.subjects().get(i).assessments().stream().map(a -> a.test() + a.performedAt()).toList());
        }
    }

    @Test
    void errorsKeepTheirRowsWhenRowsAreSpilledOutOfOrder() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(d.resolve("Subjects.csv"), """
                SubjectId,RandomizedAt
                S-3,2026-03-01T08:00
                S-1,2026-03-01T08:00
                S-2,not a date
                S-1,2026-03-02T08:00
                """);
        Files.writeString(d.resolve("Assessments.csv"), """
                SubjectId,Visit,Test,PerformedAt,Value
                S-9,H48,NIHSS,2026-03-03T08:00,7
                S-3,H48,NIHSS,2026-03-03T08:00,7
                S-2,H48,NIHSS,2026-03-03T08:00,7
                ,H48,NIHSS,2026-03-03T08:00,7
                S-1,H48,NIHSS,2026-03-0x,7
                """);
        List<SubjectData> streamed = new ArrayList<>();
        WorkbookReader.Summary s = new WorkbookReader(CODES, ZoneOffset.UTC, 2).stream(d, streamed::add);
        assertThat(streamed).extracting(SubjectData::subjectId).containsExactly("S-1", "S-3");
        assertThat(s.subjects()).isEqualTo(2);
        assertThat(s.errors()).extracting(e -> e.file() + " " + e.cell() + " " + e.message()).containsExactly(
                "Assessments.csv A2 SubjectId \"S-9\" is not in the Subjects sheet",
                "Assessments.csv A4 SubjectId \"S-2\" could not be read from the Subjects sheet (see its errors)",
                "Assessments.csv A5 missing (required)",
                "Assessments.csv D6 \"2026-03-0x\" is not a date-time (expected e.g. 2026-03-01T14:30)",
                "Subjects.csv B4 \"not a date\" is not a date-time (expected e.g. 2026-03-01T14:30)",
                "Subjects.csv A5 duplicate SubjectId \"S-1\" (first at row 3)");
    }
}

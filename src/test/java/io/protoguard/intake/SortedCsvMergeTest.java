package io.protoguard.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.model.CodeBook;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files already in SubjectId order are merged while they are read, without the spool: the result must be what
 * the general path (spool, then merge) gives, faults included, and only plain sorted files may take that way.
 */
class SortedCsvMergeTest {
    private static final CodeBook CODES = GeneratorCodes.CODES;

    @TempDir
    Path tmp;

    @Test
    void sortedFilesMergedWhileReadGiveWhatTheSpoolGives() throws Exception {
        Path d = tmp.resolve("sorted");
        new DataGenerator(1500, 7, DeviationRates.defaults(), false).write(d); // > 8 batches a sheet: readers wait for the merge
        // faults that keep the files sorted: keys after every generated one
        append(d.resolve("Subjects.csv"), "ZZ-1,SITE-01,SIVELESTAT,M,sixty,70,2026-03-01T08:00,2026-03-01T07:00,2026-03-01T09:00,,,\n");
        append(d.resolve("Doses.csv"), "ZZ-1,SIVELESTAT,2026-02-30T08:00,2026-03-02T08:00,300,mg\nZZ-2,SIVELESTAT,2026-03-01T08:00,,300,mg\n");
        append(d.resolve("Assessments.csv"), "ZZ-3,H48,NIHSS,2026-03-03T08:00,7,extra\n");
        try (Stream<Path> files = Files.list(d)) {
            assertThat(files.toList()).allMatch(SortedCsvScan::isSorted);
        }
        WorkbookData merged = new WorkbookReader(CODES, ZoneOffset.UTC, 500).read(d);
        // a declared encoding takes the general path: spool (in runs of 500 rows) and merge
        WorkbookData spooled = new WorkbookReader(CODES, ZoneOffset.UTC, 500).withCsvEncoding(StandardCharsets.UTF_8).read(d);
        assertThat(merged.subjects()).hasSize(1501); // ZZ-1 keeps its subject: only an optional cell is bad
        assertThat(merged.errors()).extracting(e -> e.file()).contains("Subjects.csv", "Doses.csv", "Assessments.csv");
        assertThat(merged.subjects()).isEqualTo(spooled.subjects());
        assertThat(merged.errors()).isEqualTo(spooled.errors());
        assertThat(merged.warnings()).isEqualTo(spooled.warnings());
    }

    @Test
    void aFailingConsumerStopsTheReadersInsteadOfHanging() throws Exception {
        Path d = tmp.resolve("sorted");
        new DataGenerator(1500, 7, DeviationRates.defaults(), false).write(d);
        List<SubjectData> seen = new ArrayList<>();
        // a guard against a deadlock, not a measurement of speed
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> assertThatThrownBy(() -> new WorkbookReader(CODES, ZoneOffset.UTC)
                .stream(d, s -> {
                    seen.add(s);
                    if (seen.size() == 5) throw new IllegalStateException("evaluation failed");
                })).hasMessage("evaluation failed"));
        assertThat(seen).hasSize(5);
    }

    @Test
    void onlyPlainFilesInSubjectIdOrderQualify() throws Exception {
        assertThat(scan("SubjectId,Visit\nS-1,H48\nS-1,D7\n\nS-2,H48\n")).isTrue();
        assertThat(scan("Visit;SubjectId*\r\nH48;S-1\r\nD7;S-2\r\n;;\r\n")).isTrue();
        assertThat(scan("\n , \nSubjectId,Visit\nS-1,H48")).isFalse(); // separators before the header
        assertThat(scan("\n\nSubjectId,Visit\nS-1,H48\nS-2,H48")).isTrue();
        assertThat(scan("SubjectId,Visit\nS-2,H48\nS-1,D7\n")).isFalse();
        assertThat(scan("SubjectId,Visit\n,H48\nS-1,D7\n")).isFalse(); // a blank key
        assertThat(scan("SubjectId,Visit\n S-1,H48\n")).isFalse(); // a key intake would trim
        assertThat(scan("SubjectId,Visit\n\"S-1\",H48\n")).isFalse();
        assertThat(scan("SubjectId,Visit\nS-1,H48\rS-2,D7\n")).isFalse(); // a lone CR ends a row for the reader
        assertThat(scan("\uFEFFSubjectId,Visit\nS-1,H48\n")).isFalse();
        assertThat(scan("SubjectId,Visit\nS-1,Käse\n")).isFalse();
        assertThat(scan("Subject,Visit\nS-1,H48\n")).isFalse();
        assertThat(scan("SubjectId,Visit\nS-10,H48\nS-9,H48\n")).isTrue(); // text order, as the merge compares
        assertThat(scan("Visit,SubjectId\nH48\n")).isFalse(); // no key cell
    }

    private boolean scan(String text) throws Exception {
        Path f = Files.createTempFile(tmp, "scan", ".csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return SortedCsvScan.isSorted(f);
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }
}

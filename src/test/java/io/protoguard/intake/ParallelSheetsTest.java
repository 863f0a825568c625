package io.protoguard.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.model.CodeBook;
import io.protoguard.model.WorkbookData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The files of a CSV folder are read on several threads; what comes out (subjects, their facts, every error and
 * warning and its order) must be what one thread reads, with faults in several files and rows spilled to disk.
 */
@ResourceLock("protoguard.intakeThreads")
class ParallelSheetsTest {
    private static final CodeBook CODES = GeneratorCodes.CODES;

    @TempDir
    Path tmp;

    @Test
    void severalThreadsReadWhatOneThreadReads() throws Exception {
        Path d = tmp.resolve("study");
        new DataGenerator(400, 5, DeviationRates.defaults(), true).write(d);
        // faults in several files, so each thread reports some
        append(d.resolve("Subjects.csv"), "S-X,SITE-01,SIVELESTAT,M,sixty,70,2026-03-01T08:00,2026-03-01T07:00,2026-03-01T09:00,,,\n");
        append(d.resolve("Doses.csv"), "S-X,SIVELESTAT,2026-02-30T08:00,2026-03-02T08:00,300,mg\n,SIVELESTAT,,,300,mg\n");
        append(d.resolve("Assessments.csv"), "S-Y,H48,NIHSS,2026-03-03T08:00,7\n\"unterminated,H48\n");
        Files.writeString(d.resolve("notes.txt"), "not a sheet");

        WorkbookData one = readWith(1, d);
        WorkbookData four = readWith(4, d);
        assertThat(one.errors()).isNotEmpty();
        assertThat(one.errors()).extracting(e -> e.file()).contains("Subjects.csv", "Doses.csv", "Assessments.csv");
        assertThat(four.subjects()).isEqualTo(one.subjects());
        assertThat(four.errors()).isEqualTo(one.errors());
        assertThat(four.warnings()).isEqualTo(one.warnings());
    }

    @Test
    void aFailureOnAReadingThreadReachesTheCaller() {
        List<String> read = Collections.synchronizedList(new ArrayList<>());
        assertThatThrownBy(() -> ParallelSheets.run(List.of("a", "bb", "ccc"), s -> (long) s.length(), s -> {
            if (s.equals("bb")) throw new IllegalStateException("disk full");
            read.add(s);
        })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
    }

    private static WorkbookData readWith(int threads, Path folder) {
        String before = System.getProperty("protoguard.intakeThreads");
        System.setProperty("protoguard.intakeThreads", Integer.toString(threads));
        try {
            return new WorkbookReader(CODES, ZoneOffset.UTC, 300).read(folder); // 300 rows a run: many spills
        } finally {
            if (before == null) System.clearProperty("protoguard.intakeThreads");
            else System.setProperty("protoguard.intakeThreads", before);
        }
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, java.nio.file.StandardOpenOption.APPEND);
    }
}

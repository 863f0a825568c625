package io.protoguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.Deviation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled rule base kept on disk (issue 16): a second load uses it and judges exactly as a fresh
 * compile; a changed table gets its own entry; a corrupted, truncated or stale (another key's) file is
 * detected, never trusted, and rebuilt.
 */
class RuleBaseCacheTest {
    private static final Path EXAMPLE = Path.of("examples/sivelestat-evt-site-XW01.xlsx");

    @TempDir
    Path tmp;

    private List<String> judge(ProtocolVersions p, Path data) {
        return new Evaluator(p).check(new WorkbookReader(p.codeBook(), ZoneOffset.UTC).read(data),
                LocalDate.of(2026, 7, 1), ZoneOffset.UTC).deviations().stream().map(Deviation::toString).toList();
    }

    private static List<Path> entries(Path cache) throws Exception {
        if (!Files.isDirectory(cache)) return List.of();
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".kbase")).sorted().toList();
        }
    }

    @Test
    void cachedRuleBaseJudgesAsAFreshCompileAndBadFilesAreRebuilt() throws Exception {
        Path cache = tmp.resolve("cache");
        ProtocolCopy copy = ProtocolCopy.of("sivelestat-evt", tmp, "cached-evt");
        List<String> fresh = judge(new ProtocolLoader(Path.of("rules"), (Path) null).loadVersions(copy.dir), EXAMPLE);
        assertThat(fresh).as("the example has deviations to compare").isNotEmpty();

        ProtocolLoader loader = new ProtocolLoader(Path.of("rules"), cache);
        ProtocolVersions compiled = loader.loadVersions(copy.dir);
        List<Path> stored = entries(cache);
        assertThat(stored).as("one entry per protocol version").hasSize(1);
        Path entry = stored.get(0);
        byte[] good = Files.readAllBytes(entry);
        Files.setLastModifiedTime(entry, FileTime.fromMillis(1_000_000L));

        ProtocolVersions fromCache = loader.loadVersions(copy.dir);
        assertThat(Files.getLastModifiedTime(entry).toMillis()).as("a valid entry is used, not rewritten").isEqualTo(1_000_000L);
        assertThat(fromCache.latest().rules()).isEqualTo(compiled.latest().rules());
        assertThat(judge(fromCache, EXAMPLE)).isEqualTo(fresh);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x5A;
        Files.write(entry, flipped);
        assertThat(judge(loader.loadVersions(copy.dir), EXAMPLE)).as("after a corrupted entry").isEqualTo(fresh);
        assertThat(Files.readAllBytes(entry)).as("the corrupted entry was rebuilt").isNotEqualTo(flipped);

        Files.write(entry, Arrays.copyOf(good, good.length / 3));
        assertThat(judge(loader.loadVersions(copy.dir), EXAMPLE)).as("after a truncated entry").isEqualTo(fresh);
        assertThat(Files.size(entry)).as("the truncated entry was rebuilt").isGreaterThan(good.length / 3);
    }

    @Test
    void changedTableRecompilesAndAnotherKeysEntryIsNeverTrusted() throws Exception {
        Path cache = tmp.resolve("cache");
        ProtocolCopy copy = ProtocolCopy.of("sivelestat-evt", tmp, "edited-evt");
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("Subjects.csv"), "SubjectId,Age,WeightKg,ConsentAt,OnsetAt,RandomizedAt\n"
                + "S-1,60,70,2026-03-01T07:00,2026-03-01T02:00,2026-03-01T08:00\n");
        Files.writeString(data.resolve("Assessments.csv"), "SubjectId,Visit,Test,PerformedAt,Value\n"
                + "S-1,H48,NIHSS,2026-03-03T21:00,7\n"); // 61 h after randomization
        ProtocolLoader loader = new ProtocolLoader(Path.of("rules"), cache);
        assertThat(judge(loader.loadVersions(copy.dir), data)).as("61 h is outside 48 h +12 h")
                .anyMatch(d -> d.contains("SCH-H48-NIHSS"));
        Path before = entries(cache).get(0);

        copy.set("schedule.drl.xlsx", "Schedule", "G11", 14.0); // H48 Plus: 12 -> 14 h
        assertThat(judge(loader.loadVersions(copy.dir), data)).as("the edited table is compiled, not the cached one")
                .noneMatch(d -> d.contains("SCH-H48-NIHSS"));
        List<Path> both = entries(cache);
        assertThat(both).as("the edited table has its own entry").hasSize(2);
        Path after = both.stream().filter(p -> !p.equals(before)).findFirst().orElseThrow();

        // A stale entry under the edited table's key (the old rule base) is refused: its header names another key.
        Files.copy(before, after, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(judge(loader.loadVersions(copy.dir), data)).as("the old rule base is not trusted under the new key")
                .noneMatch(d -> d.contains("SCH-H48-NIHSS"));
        assertThat(Files.readAllBytes(after)).isNotEqualTo(Files.readAllBytes(before));
    }
}

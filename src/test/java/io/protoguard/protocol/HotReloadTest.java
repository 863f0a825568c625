package io.protoguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An author copies a protocol under a new id, widens a window in Excel (here: with POI), and the next
 * check judges by the new table with no rebuild; an edit that breaks the table keeps the last good one.
 */
class HotReloadTest {
    @TempDir
    Path tmp;

    private Path data() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(d.resolve("Subjects.csv"), "SubjectId,Age,WeightKg,ConsentAt,OnsetAt,RandomizedAt\n"
                + "S-1,60,70,2026-03-01T07:00,2026-03-01T02:00,2026-03-01T08:00\n");
        Files.writeString(d.resolve("Assessments.csv"), "SubjectId,Visit,Test,PerformedAt,Value\n"
                + "S-1,H48,NIHSS,2026-03-03T21:00,7\n"); // 61 h after randomization
        return d;
    }

    private boolean lateH48(ProtocolVersions p, Path data) {
        CheckResult r = new Evaluator(p).check(new WorkbookReader(p.codeBook(), ZoneOffset.UTC).read(data),
                LocalDate.of(2026, 3, 4), ZoneOffset.UTC);
        return r.deviations().stream().map(Deviation::ruleId).anyMatch("SCH-H48-NIHSS"::equals);
    }

    @Test
    void editedWindowCountsOnTheNextUseAndABrokenEditKeepsTheLastGoodVersion() throws Exception {
        Path tables = Files.createDirectories(tmp.resolve("decision-tables"));
        ProtocolCopy copy = ProtocolCopy.of("sivelestat-evt", tables, "my-evt");
        ProtocolCache cache = new ProtocolCache(tables, Path.of("rules"));
        Path data = data();

        ProtocolVersions first = cache.get("my-evt");
        assertThat(lateH48(first, data)).as("61 h is outside 48 h ±12 h").isTrue();
        assertThat(cache.get("my-evt")).as("unchanged tables are not recompiled").isSameAs(first);

        copy.set("schedule.drl.xlsx", "Schedule", "G11", 14.0); // H48 Plus: 12 -> 14 h
        ProtocolVersions widened = cache.get("my-evt");
        assertThat(widened).isNotSameAs(first);
        assertThat(lateH48(widened, data)).as("61 h is inside 48 h -12/+14 h").isFalse();

        copy.set("schedule.drl.xlsx", "Schedule", "G11", "fourteen");
        ProtocolVersions afterBrokenEdit = cache.get("my-evt");
        assertThat(afterBrokenEdit).as("the last good version stays in use").isSameAs(widened);
        assertThat(cache.pendingFailure("my-evt")).extracting(ProtocolProblem::describe)
                .anyMatch(l -> l.startsWith("schedule.drl.xlsx, Schedule!G11: Plus \"fourteen\" is not a number"));

        copy.set("schedule.drl.xlsx", "Schedule", "G11", 12.0);
        assertThat(lateH48(cache.get("my-evt"), data)).as("the repaired table is used again").isTrue();
        assertThat(cache.pendingFailure("my-evt")).isEmpty();
        assertThat(cache.ids()).containsExactly("my-evt");
    }

    @Test
    void brokenProtocolWithNoGoodVersionFailsLoudly() throws Exception {
        Path tables = Files.createDirectories(tmp.resolve("decision-tables"));
        ProtocolCopy.of("sivelestat-evt", tables, "bad-evt").set("schedule.drl.xlsx", "Schedule", "D12", "WEEK");
        ProtocolCache cache = new ProtocolCache(tables, Path.of("rules"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.get("bad-evt"))
                .isInstanceOf(ProtocolLoadException.class).hasMessageContaining("Schedule!D12");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.get("../etc"))
                .isInstanceOf(ProtocolLoadException.class).hasMessageContaining("is not a protocol id");
    }
}

package io.protoguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same run twice: starting a complete as-of date again changes nothing at all; an explicit --rerun on unchanged
 * data is a new run in which every deviation is OPEN and none is NEW, REOPENED or RESOLVED.
 */
class NightlyRunTwiceTest {
    @TempDir
    Path dir;

    @Test
    void aCompleteRunIsNotRepeatedAndARerunOnUnchangedDataChangesNoState() throws Exception {
        NightlyFixture f = new NightlyFixture(dir, "twice");
        f.study("siv", "sivelestat-evt", "day-windows");
        f.studiesFile("studies:\n  - {id: SIV, protocol: sivelestat-evt, data: siv}\n");
        NightlyFixture.Run first = f.nightly("--as-of", "2026-07-01", "--studies", dir.resolve("studies.yml").toString());
        assertThat(first.exit()).as(first.err()).isZero();
        Map<String, List<String>> before = NightlyRestartTest.snapshot(f);

        NightlyFixture.Run again = f.nightly("--as-of", "2026-07-01");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains("already complete");
        assertThat(NightlyRestartTest.snapshot(f)).isEqualTo(before);

        NightlyFixture.Run rerun = f.nightly("--as-of", "2026-07-01", "--rerun");
        assertThat(rerun.exit()).as(rerun.err()).isZero();
        List<Map<String, Object>> states = f.query(jdbc -> jdbc.sql("""
                SELECT n.id, o.state, COUNT(*) AS n FROM deviation_observation o JOIN nightly_run n ON n.id = o.nightly_run_id
                GROUP BY n.id, o.state ORDER BY n.id, o.state""").query().listOfRows());
        assertThat(states).hasSize(2);
        assertThat(states.get(0)).containsEntry("STATE", "NEW");
        assertThat(states.get(1)).containsEntry("STATE", "OPEN").containsEntry("N", states.get(0).get("N"));
        List<String> open1 = f.query(jdbc -> jdbc.sql("SELECT fingerprint FROM deviation_observation WHERE nightly_run_id = 1 ORDER BY 1").query(String.class).list());
        List<String> open2 = f.query(jdbc -> jdbc.sql("SELECT fingerprint FROM deviation_observation WHERE nightly_run_id = 2 ORDER BY 1").query(String.class).list());
        assertThat(open2).isEqualTo(open1);
    }
}

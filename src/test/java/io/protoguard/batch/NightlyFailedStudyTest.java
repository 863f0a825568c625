package io.protoguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two studies with broken ones beside them: the good one is checked and stored, each broken one is FAILED with its
 * reason on standard error, exit 3; once fixed, starting the same as-of again checks only the studies that failed.
 */
class NightlyFailedStudyTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenStudyFailsAloneAndTheRestartRetriesOnlyIt() throws Exception {
        NightlyFixture f = new NightlyFixture(dir, "failed");
        f.study("good", "sivelestat-evt", "dosing");
        f.studiesFile("""
                studies:
                  - {id: GOOD, protocol: sivelestat-evt, data: good}
                  - {id: NO-DATA, protocol: msc-septic-shock, data: not-there-yet}
                  - {id: NO-PROTOCOL, protocol: no-such-protocol, data: good}
                """);
        NightlyFixture.Run first = f.nightly("--as-of", "2026-07-01", "--studies", dir.resolve("studies.yml").toString());
        assertThat(first.exit()).as(first.err()).isEqualTo(3);
        assertThat(first.err()).contains("study NO-DATA FAILED: data " + dir.resolve("not-there-yet") + " cannot be read")
                .contains("study NO-PROTOCOL FAILED: protocol no-such-protocol cannot be loaded");
        assertThat(first.out()).containsPattern("GOOD +CHECKED");
        int goodDeviations = count(f, "SELECT COUNT(*) FROM deviation_observation WHERE study_id = 'GOOD'");
        assertThat(goodDeviations).isPositive();
        assertThat(count(f, "SELECT COUNT(*) FROM deviation_observation WHERE study_id <> 'GOOD'")).isZero();
        assertThat(Files.exists(f.reportDir().resolve("2026-07-01").resolve("GOOD.xlsx"))).isTrue();

        // The operator fixes the data and takes the study without a protocol out of the run.
        f.study("not-there-yet", "msc-septic-shock", "visit-windows");
        f.studiesFile("""
                studies:
                  - {id: NO-PROTOCOL, protocol: no-such-protocol, data: good, active: false}
                """);
        NightlyFixture.Run restart = f.nightly("--as-of", "2026-07-01", "--studies", dir.resolve("studies.yml").toString());
        assertThat(restart.exit()).as(restart.err()).isZero();
        assertThat(restart.err()).contains("study NO-DATA checked").doesNotContain("study GOOD checked");
        assertThat(count(f, "SELECT COUNT(*) FROM study_run WHERE study_id = 'GOOD'")).isEqualTo(1);
        assertThat(count(f, "SELECT COUNT(*) FROM study_run WHERE study_id = 'NO-DATA'")).isEqualTo(2); // FAILED, then CHECKED
        assertThat(count(f, "SELECT COUNT(*) FROM nightly_run")).isEqualTo(1);
        assertThat(count(f, "SELECT COUNT(*) FROM deviation_observation WHERE study_id = 'GOOD'")).isEqualTo(goodDeviations);
        assertThat(Files.exists(f.reportDir().resolve("2026-07-01").resolve("NO-DATA.xlsx"))).isTrue();
    }

    static int count(NightlyFixture f, String sql) {
        return f.query(jdbc -> jdbc.sql(sql).query(Integer.class).single());
    }
}

package io.protoguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly run takes a folder of SDTM domains as a study's data (issue 11). */
class NightlySdtmStudyTest {
    @TempDir
    Path dir;

    @Test
    void anSdtmFolderIsCheckedLikeAWorkbook() throws Exception {
        NightlyFixture f = new NightlyFixture(dir, "sdtm");
        f.study("pilot", "cdiscpilot01", "missed-and-participation"); // dm.csv, ds.csv, sv.csv, ex.csv
        f.studiesFile("studies:\n  - {id: PILOT, protocol: cdiscpilot01, data: pilot}\n");
        NightlyFixture.Run run = f.nightly("--as-of", "2015-01-01", "--studies", dir.resolve("studies.yml").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> rules = f.query(jdbc -> jdbc.sql("SELECT rule_id FROM deviation_observation ORDER BY 1")
                .query(String.class).list());
        // the scenario's expected.csv: 18 missed visits (13 of ONLY-BASELINE, 5 others)
        assertThat(rules).hasSize(18).contains("VIS-WEEK-8", "VIS-WEEK-2").allMatch(r -> r.startsWith("VIS-"));
    }
}

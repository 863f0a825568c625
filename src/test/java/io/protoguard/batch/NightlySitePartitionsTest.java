package io.protoguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site partitions on one machine: a study registered with sites is checked as one partition per site plus one for
 * subjects of no listed site, and its lifecycle is judged once, after all of them. Over two nights (the second with a
 * deviation gone and one added) the database must hold exactly what the same study checked whole holds.
 */
class NightlySitePartitionsTest {
    @TempDir
    Path dir;

    @Test
    void aStudySplitBySiteEqualsTheStudyCheckedWhole() throws Exception {
        NightlyFixture bySite = new NightlyFixture(dir, "bysite"), whole = new NightlyFixture(dir, "whole");
        Path data = bySite.study("s1", "sivelestat-evt", "day-windows");
        spreadOverSites(data.resolve("Subjects.csv"), "01", "02", "");
        Path sitesYml = Files.writeString(dir.resolve("sites.yml"), "studies:\n  - {id: S1, protocol: sivelestat-evt, sites: ['01', '02'], data: s1}\n");
        Path wholeYml = Files.writeString(dir.resolve("whole.yml"), "studies:\n  - {id: S1, protocol: sivelestat-evt, data: s1}\n");
        assertThat(bySite.nightly("--as-of", "2026-07-01", "--studies", sitesYml.toString()).exit()).isZero();
        assertThat(whole.nightly("--as-of", "2026-07-01", "--studies", wholeYml.toString()).exit()).isZero();
        List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("Assessments.csv")));
        lines.remove(1);
        Files.write(data.resolve("Assessments.csv"), lines);
        NightlyFixture.Run second = bySite.nightly("--as-of", "2026-07-02");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).containsOnlyOnce("study S1 checked");
        assertThat(whole.nightly("--as-of", "2026-07-02").exit()).isZero();

        List<String> staged = bySite.query(j -> j.sql("SELECT partition_key FROM partition_result ORDER BY nightly_run_id, partition_key")
                .query(String.class).list());
        assertThat(staged).containsExactly("site-01", "site-02", "unlisted", "site-01", "site-02", "unlisted");
        Map<String, List<String>> expected = NightlyRestartTest.snapshot(whole), actual = NightlyRestartTest.snapshot(bySite);
        assertThat(actual.get("observations")).hasSizeGreaterThan(10).doesNotHaveDuplicates();
        assertThat(actual.get("studyRuns")).hasSize(2);
        assertThat(actual).isEqualTo(expected);
    }

    /** Rewrites the Site column (the second) so the subjects go round-robin to {@code sites}. */
    static void spreadOverSites(Path subjectsCsv, String... sites) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(subjectsCsv));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            cells[1] = sites[i % sites.length];
            lines.set(i, String.join(",", cells));
        }
        Files.write(subjectsCsv, lines);
    }
}

package io.protoguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.storage.DeviationReviews;
import io.protoguard.storage.Review;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nightly runs over edited data: a fixed deviation is RESOLVED, a new one is NEW, the fixed one coming back is
 * REOPENED, the others stay OPEN; a monitor's review is kept by the later runs; an earlier run's states read back unchanged.
 */
class NightlyLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void threeRunsOverEditedData() throws Exception {
        NightlyFixture f = new NightlyFixture(dir, "lifecycle");
        f.study("siv", "sivelestat-evt", "eligibility-and-consent");
        f.study("msc", "msc-septic-shock", "visit-windows");
        f.studiesFile("""
                studies:
                  - {id: SIV, protocol: sivelestat-evt, sites: ["01"], data: siv, timeZone: Europe/Berlin}
                  - {id: MSC, protocol: msc-septic-shock, data: msc}
                """);

        NightlyFixture.Run first = f.nightly("--as-of", "2026-07-01", "--studies", dir.resolve("studies.yml").toString());
        assertThat(first.exit()).as(first.err()).isZero();
        Map<String, String> run1 = states(f, "SIV", "2026-07-01");
        assertThat(run1).isNotEmpty().allSatisfy((fp, state) -> assertThat(state).isEqualTo("NEW"));
        String lvo = fingerprint(f, "SIV", "LVO-N", "ELIG-LVO");
        String kept = run1.keySet().stream().filter(fp -> !fp.equals(lvo)).findFirst().orElseThrow();

        // A monitor reviews one deviation; the LVO criterion of LVO-N is corrected; ELIG-reference's consent moves after randomization.
        f.query(jdbc -> new DeviationReviews(jdbc).add(kept, Review.ACKNOWLEDGED, null, "site retrained", "monica"));
        f.edit("siv", "Criteria.csv", "LVO-N,LVO,N", "LVO-N,LVO,Y");
        f.edit("siv", "Subjects.csv", "ELIG-reference,01,,M,65,70,2026-03-02T09:30", "ELIG-reference,01,,M,65,70,2026-03-02T11:00");
        NightlyFixture.Run second = f.nightly("--as-of", "2026-07-02");
        assertThat(second.exit()).as(second.err()).isZero();
        Map<String, String> run2 = states(f, "SIV", "2026-07-02");
        String consent = fingerprint(f, "SIV", "ELIG-reference", null);
        assertThat(run2).containsEntry(lvo, "RESOLVED").containsEntry(consent, "NEW").containsEntry(kept, "OPEN");
        assertThat(run2.values()).filteredOn("NEW"::equals).hasSize(1);
        assertThat(run2.values()).filteredOn("RESOLVED"::equals).hasSize(1);
        assertThat(run2.values()).filteredOn("OPEN"::equals).hasSize(run1.size() - 1);
        assertThat(second.out()).contains("SIV", "1 NEW", "1 RESOLVED");

        f.edit("siv", "Criteria.csv", "LVO-N,LVO,Y", "LVO-N,LVO,N");
        NightlyFixture.Run third = f.nightly("--as-of", "2026-07-03");
        assertThat(third.exit()).as(third.err()).isZero();
        Map<String, String> run3 = states(f, "SIV", "2026-07-03");
        assertThat(run3).containsEntry(lvo, "REOPENED").containsEntry(consent, "OPEN").containsEntry(kept, "OPEN");
        assertThat(run3.values()).filteredOn(s -> !s.equals("OPEN")).containsExactly("REOPENED");

        // The study whose data never changed: everything OPEN after the first run.
        assertThat(states(f, "MSC", "2026-07-03").values()).isNotEmpty().allMatch("OPEN"::equals);
        // History is never rewritten: the first run reads back as it was written.
        assertThat(states(f, "SIV", "2026-07-01")).isEqualTo(run1);
        // The review applies in every later run, and is in the later reports.
        Map<String, Review> reviews = f.query(jdbc -> new DeviationReviews(jdbc).inForce("SIV", OffsetDateTime.now().plusMinutes(1)));
        assertThat(reviews.get(kept).status()).isEqualTo(Review.ACKNOWLEDGED);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f.reportDir().resolve("2026-07-02").resolve("SIV.xlsx")))) {
            var changes = wb.getSheet(NightlyReport.CHANGES);
            assertThat(changes.getLastRowNum()).isEqualTo(2); // header + NEW + RESOLVED
            List<String> changeStates = List.of(changes.getRow(1).getCell(0).getStringCellValue(), changes.getRow(2).getCell(0).getStringCellValue());
            assertThat(changeStates).containsExactlyInAnyOrder("NEW", "RESOLVED");
            var deviations = wb.getSheet(NightlyReport.DEVIATIONS);
            assertThat(deviations.getLastRowNum()).isEqualTo(run2.size() - 1); // present ones only: not the RESOLVED
            boolean reviewed = false;
            for (int r = 1; r <= deviations.getLastRowNum(); r++) {
                if (deviations.getRow(r).getCell(19).getStringCellValue().equals(kept)) {
                    reviewed = deviations.getRow(r).getCell(1).getStringCellValue().equals("ACKNOWLEDGED");
                }
            }
            assertThat(reviewed).as("the review of " + kept + " is in the second run's report").isTrue();
        }
    }

    /** Fingerprint to state for the study's check in the scheduled run of that as-of date. */
    static Map<String, String> states(NightlyFixture f, String study, String asOf) {
        return f.query(jdbc -> {
            Map<String, String> states = new java.util.TreeMap<>();
            jdbc.sql("""
                    SELECT o.fingerprint, o.state FROM deviation_observation o JOIN nightly_run n ON n.id = o.nightly_run_id
                    WHERE o.study_id = ? AND n.as_of = ? AND n.run_key = 'scheduled'""").params(study, java.time.LocalDate.parse(asOf))
                    .query(rs -> {
                        states.put(rs.getString(1).trim(), rs.getString(2));
                    });
            return states;
        });
    }

    static String fingerprint(NightlyFixture f, String study, String subject, String rule) {
        return f.query(jdbc -> jdbc.sql("SELECT fingerprint FROM deviation_identity WHERE study_id = ? AND subject_id = ? AND (? IS NULL OR rule_id = ?)")
                .params(study, subject, rule, rule).query(String.class).single().trim());
    }
}

package io.protoguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.generate.SiteRates;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's "done when": a generated study of 2,000 subjects with SITE-03 planted at twice every deviation rate
 * ({@code generate --site-rate SITE-03=2}) is checked by the nightly run, which stores its KRIs: SITE-03 red on the
 * important-deviation KRI, no other site red on any KRI, and the report's "KRI signals" sheet names it as a NEW
 * signal with a funnel plot PNG per KRI. (That a red site is new only once: RiskSignalsTest.)
 */
class NightlyKriTest {
    @TempDir
    Path dir;

    @Test
    void aPlantedSiteIsANewRedSignalOnce() throws Exception {
        NightlyFixture f = new NightlyFixture(dir, "kri");
        new DataGenerator(2000, 7, DeviationRates.parse("all=0.025"), SiteRates.parse("SITE-03=2"), false).write(dir.resolve("planted"));
        f.studiesFile("studies:\n  - {id: PLANTED, protocol: sivelestat-evt, data: planted}\n");
        NightlyFixture.Run run = f.nightly("--as-of", "2026-08-01", "--studies", dir.resolve("studies.yml").toString());
        assertThat(run.exit()).as(run.err()).isZero();

        List<Map<String, Object>> red = f.query(jdbc -> jdbc.sql("SELECT kri_id, site FROM kri_result WHERE flag = 'RED' ORDER BY 1, 2")
                .query().listOfRows());
        assertThat(red).extracting(r -> r.get("SITE")).containsOnly("SITE-03");
        assertThat(red).extracting(r -> r.get("KRI_ID")).contains("KRI-IMP");
        long rows = f.query(jdbc -> jdbc.sql("SELECT COUNT(*) FROM kri_result WHERE kri_id = 'KRI-IMP'").query(Long.class).single());
        assertThat(rows).isEqualTo(20);

        Path report = f.reportDir().resolve("2026-08-01").resolve("PLANTED.xlsx");
        try (InputStream in = Files.newInputStream(report); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet kri = wb.getSheet("KRI signals");
            assertThat(kri).isNotNull();
            assertThat(text(kri, 0)).contains("new signal");
            assertThat(List.of(text(kri, 1), text(kri, 2), text(kri, 3), text(kri, 4), text(kri, 5)))
                    .anySatisfy(t -> assertThat(t).startsWith("KRI-IMP").contains("SITE-03"));
            assertThat(wb.getAllPictures()).hasSize(5).allSatisfy(p -> assertThat(p.suggestFileExtension()).isEqualTo("png"));
        }

    }

    private static String text(Sheet s, int row) {
        Row r = s.getRow(row);
        if (r == null) return "";
        DataFormatter f = new DataFormatter();
        StringBuilder b = new StringBuilder();
        for (var c : r) b.append(f.formatCellValue(c)).append(' ');
        return b.toString().trim();
    }
}

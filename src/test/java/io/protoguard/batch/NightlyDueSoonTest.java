package io.protoguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.worklist.DueSoonSheet;
import io.protoguard.worklist.StudyWorklist;
import io.protoguard.worklist.WorklistItem;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 part 2's nightly section: a nightly run as of a date in the middle of enrolment writes the sheet "Due in
 * the next 7 days" with exactly the worklist of the study as of that date (the list WorklistTest checks against plain
 * date arithmetic), in the same order, every row open or opening within 7 days, and names its size in the Summary.
 */
class NightlyDueSoonTest {
    @TempDir
    Path dir;

    @Test
    void theNightlyReportListsWhatIsDueInTheNextSevenDays() throws Exception {
        NightlyFixture f = new NightlyFixture(dir, "due");
        new DataGenerator(300, 5, DeviationRates.parse("missed-d90=1"), false).write(dir.resolve("due-study"));
        f.studiesFile("studies:\n  - {id: DUE, protocol: sivelestat-evt, data: due-study}\n");
        LocalDate asOf = LocalDate.of(2025, 9, 1);
        NightlyFixture.Run run = f.nightly("--as-of", asOf.toString(), "--studies", dir.resolve("studies.yml").toString());
        assertThat(run.exit()).as(run.err()).isZero();

        ProtocolVersions protocol = ProtocolVersions.of(new ProtocolLoader(Path.of("rules")).load(Path.of("decision-tables", "sivelestat-evt")));
        List<WorklistItem> expected = StudyWorklist.of(protocol, dir.resolve("due-study"), ZoneOffset.UTC, asOf, 7, null);
        assertThat(expected).hasSizeGreaterThan(5);

        Path report = f.reportDir().resolve(asOf.toString()).resolve("DUE.xlsx");
        try (InputStream in = Files.newInputStream(report); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet due = wb.getSheet(DueSoonSheet.NAME);
            assertThat(due).isNotNull();
            assertThat(cell(due, 0, 0)).startsWith(expected.size() + " window(s) open on 2025-09-01");
            List<String> rows = new ArrayList<>();
            for (int r = 3; r <= due.getLastRowNum(); r++) {
                Row row = due.getRow(r);
                LocalDate last = row.getCell(0).getLocalDateTimeCellValue().toLocalDate();
                assertThat(row.getCell(7).getNumericCellValue()).isBetween(0.0, 7.0);
                assertThat(last).isAfterOrEqualTo(asOf);
                rows.add(last + " " + cell(due, r, 2) + " " + cell(due, r, 4) + " " + cell(due, r, 5));
            }
            assertThat(rows).isEqualTo(expected.stream().map(i -> i.lastDay() + " " + i.subjectId() + " " + i.visit() + " " + i.test()).toList());
            Sheet summary = wb.getSheet(NightlyReport.SUMMARY);
            boolean named = false;
            for (Row r : summary) named |= cell(summary, r.getRowNum(), 0).equals(DueSoonSheet.NAME)
                    && cell(summary, r.getRowNum(), 1).startsWith(expected.size() + " window(s)");
            assertThat(named).as("the Summary names the section and its size").isTrue();
        }
    }

    private static String cell(Sheet s, int row, int col) {
        Row r = s.getRow(row);
        return r == null || r.getCell(col) == null ? "" : new DataFormatter().formatCellValue(r.getCell(col));
    }
}

package io.protoguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import io.protoguard.report.CsvReportTest;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code protoguard check --protocol cdiscpilot01 --as-of 2015-01-01 <pilot SDTM folder>} in every report format. */
class SdtmCheckCommandTest {
    private static final Path PILOT = pilot();

    @TempDir
    Path tmp;

    private static Path pilot() {
        for (String p : new String[] {"../shared/real-data/cdiscpilot01-sdtm", "/work/shared/real-data/cdiscpilot01-sdtm"}) {
            if (Files.isDirectory(Path.of(p))) return Path.of(p);
        }
        throw new IllegalStateException("the CDISC pilot data is not at ../shared/real-data");
    }

    @Test
    void thePilotInEveryFormat() throws Exception {
        CliRun json = CliRun.of("check", "--protocol", "cdiscpilot01", "--as-of", "2015-01-01", "--format", "json", PILOT.toString());
        assertThat(json.exit()).as(json.err()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("protocol").get("id").asText()).isEqualTo("cdiscpilot01");
        assertThat(root.get("subjects").asInt()).isEqualTo(254);
        assertThat(root.get("inputErrors")).isEmpty();
        int deviations = root.get("deviations").size();
        assertThat(deviations).isGreaterThan(500);
        JsonNode window = null;
        for (JsonNode d : root.get("deviations")) if (d.get("category").asText().equals("VISIT_WINDOW")) { window = d; break; }
        assertThat(window.get("source").get("file").asText()).isEqualTo("sv.xpt");
        assertThat(window.get("source").get("domain").asText()).isEqualTo("SV");
        assertThat(window.get("source").get("row").asInt()).isPositive();
        assertThat(window.get("citation").asText()).startsWith("TV VISITNUM=");

        CliRun text = CliRun.of("check", "--protocol", "cdiscpilot01", "--as-of", "2015-01-01", PILOT.toString());
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("01-701-1015").contains("WEEK 16").contains("sv.xpt SV record");

        Path csv = tmp.resolve("pilot.csv"), xlsx = tmp.resolve("pilot.xlsx");
        assertThat(CliRun.of("check", "--protocol", "cdiscpilot01", "--as-of", "2015-01-01", "--format", "csv", "--out", csv.toString(),
                PILOT.toString()).exit()).isEqualTo(1);
        List<List<String>> rows = CsvReportTest.parse(Files.readString(csv, StandardCharsets.UTF_8).substring(1));
        assertThat(rows).hasSize(deviations + 1);
        // SPEC 8: the source is {file, sheet, domain, row, seq}; CSV carries domain and --SEQ as its last two columns
        assertThat(rows.get(0).subList(15, 17)).containsExactly("SourceDomain", "SourceSeq");
        List<String> fromJson = new ArrayList<>(), fromCsv = new ArrayList<>();
        for (JsonNode d : root.get("deviations")) fromJson.add(sourceKey(d.get("source")));
        for (List<String> row : rows.subList(1, rows.size())) {
            fromCsv.add(row.get(10).isEmpty() ? "-" : row.get(10) + "|" + row.get(15) + "|" + row.get(12) + "|" + row.get(16));
        }
        Collections.sort(fromJson);
        Collections.sort(fromCsv);
        assertThat(fromCsv).isEqualTo(fromJson);
        // the pilot's findings come from SV and DM, neither of which has a --SEQ variable (an EX finding with its
        // EXSEQ is pinned by io.protoguard.sdtm.SdtmReportSourceTest)
        assertThat(fromCsv).anyMatch(k -> k.startsWith("sv.xpt|SV|")).anyMatch(k -> k.startsWith("dm.xpt|DM|"))
                .allMatch(k -> k.endsWith("|"));
        assertThat(CliRun.of("check", "--protocol", "cdiscpilot01", "--as-of", "2015-01-01", "--format", "xlsx", "--out", xlsx.toString(),
                PILOT.toString()).exit()).isEqualTo(1);
        try (var wb = WorkbookFactory.create(xlsx.toFile())) {
            var sheet = wb.getSheet("Deviations");
            assertThat(sheet.getLastRowNum()).isEqualTo(deviations);
            assertThat(sheet.getRow(0).getCell(15).getStringCellValue()).isEqualTo("SourceDomain");
            assertThat(sheet.getRow(0).getCell(16).getStringCellValue()).isEqualTo("SourceSeq");
            List<String> fromXlsx = new ArrayList<>();
            for (int i = 1; i <= deviations; i++) {
                var r = sheet.getRow(i);
                if (r.getCell(10) == null) { fromXlsx.add("-"); continue; }
                var seq = r.getCell(16);
                fromXlsx.add(r.getCell(10).getStringCellValue() + "|" + r.getCell(15).getStringCellValue() + "|"
                        + (long) r.getCell(12).getNumericCellValue() + "|" + (seq == null ? "" : Long.toString((long) seq.getNumericCellValue())));
            }
            Collections.sort(fromXlsx);
            assertThat(fromXlsx).isEqualTo(fromJson);
        }
    }

    /** file|domain|row|seq of a JSON source, "-" when there is none. */
    private static String sourceKey(JsonNode s) {
        if (s == null || s.isNull()) return "-";
        return s.get("file").asText() + "|" + (s.has("domain") ? s.get("domain").asText() : "") + "|" + s.get("row").asInt() + "|"
                + (s.has("seq") ? s.get("seq").asLong() : "");
    }

    @Test
    void aTruncatedXptIsAnInputErrorNamingFileAndRecordNeverAStackTrace() throws Exception {
        Path study = Files.createDirectories(tmp.resolve("study"));
        for (String f : new String[] {"dm.xpt", "ds.xpt", "ex.xpt"}) Files.copy(PILOT.resolve(f), study.resolve(f));
        byte[] sv = Files.readAllBytes(PILOT.resolve("sv.xpt"));
        Files.write(study.resolve("sv.xpt"), Arrays.copyOf(sv, 50_000 + 33));
        CliRun run = CliRun.of("check", "--protocol", "cdiscpilot01", "--as-of", "2015-01-01", "--format", "json", study.toString());
        assertThat(run.exit()).isEqualTo(2);
        JsonNode errors = new ObjectMapper().readTree(run.out()).get("inputErrors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("file").asText()).isEqualTo("sv.xpt");
        assertThat(errors.get(0).get("row").asInt()).isPositive();
        assertThat(errors.get(0).get("message").asText()).startsWith("is truncated: record " + errors.get(0).get("row").asInt() + " of SV");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}

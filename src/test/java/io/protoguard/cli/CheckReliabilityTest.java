package io.protoguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 through the command line: bad cells, missing sheets, --out targets and JSON on every exit 2. */
class CheckReliabilityTest {
    static final Path EXAMPLE = Path.of("examples/sivelestat-evt-site-XW01.xlsx");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    interface Edit {
        void apply(XSSFWorkbook wb);
    }

    private Path example(String name, Edit edit) throws Exception {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(EXAMPLE)) {
            wb = new XSSFWorkbook(in);
        }
        edit.apply(wb);
        Path p = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            wb.write(out);
        }
        wb.close();
        return p;
    }

    private static void setSubjectCell(XSSFWorkbook wb, String subjectId, String column, String value) {
        Sheet s = wb.getSheet("Subjects");
        int col = -1;
        for (var c : s.getRow(0)) if (c.getStringCellValue().trim().equalsIgnoreCase(column)) col = c.getColumnIndex();
        for (Row r : s) {
            if (r.getRowNum() > 0 && r.getCell(0) != null && subjectId.equals(r.getCell(0).toString())) {
                r.createCell(col).setCellValue(value);
                return;
            }
        }
        throw new IllegalArgumentException(subjectId);
    }

    private static JsonNode json(CliRun run) throws Exception {
        return JSON.readTree(run.out());
    }

    private static List<JsonNode> of(JsonNode array, String field, String value) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(n -> {
            if (value.equals(n.path(field).asText())) out.add(n);
        });
        return out;
    }

    @Test
    void aBadOptionalCellIsOneInputErrorAndTheSubjectKeepsItsDeviations() throws Exception {
        JsonNode before = json(CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-08-01", "--format", "json",
                EXAMPLE.toString()));
        int xw18 = of(before.path("deviations"), "subjectId", "XW-018").size();
        assertThat(xw18).isEqualTo(4);

        for (String bad : List.of("X", "TRUE", "#N/A", "72,5")) {
            Path book = example("bad.xlsx", wb -> setSubjectCell(wb, "XW-018", bad.equals("X") ? "Sex" : "WeightKg", bad));
            CliRun run = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-08-01", "--format", "json", book.toString());
            JsonNode r = json(run);

            assertThat(run.exit()).as(bad).isEqualTo(2);
            assertThat(r.path("inputErrors")).as(bad).hasSize(1);
            assertThat(r.path("subjects").asInt()).isEqualTo(before.path("subjects").asInt());
            List<JsonNode> devs = of(r.path("deviations"), "subjectId", "XW-018");
            List<JsonNode> notJudged = of(r.path("outcomes"), "subjectId", "XW-018").stream()
                    .filter(o -> o.path("name").asText().startsWith("Not judged")).toList();
            assertThat(notJudged).as(bad).singleElement().satisfies(o -> assertThat(o.path("basis").asText())
                    .contains("\"" + bad + "\" at Subjects!").contains("could not be read"));
            if (bad.equals("X")) {
                assertThat(devs).hasSize(xw18);
            } else {
                // The dose-rate rule needs the weight: its findings are not judged, the others stand.
                String rateRule = "DOSE-RATE";
                assertThat(notJudged.get(0).path("value").asText()).isEqualTo(rateRule);
                assertThat(devs).hasSize(xw18 - (int) of(before.path("deviations"), "ruleId", rateRule).stream()
                        .filter(d -> d.path("subjectId").asText().equals("XW-018")).count());
            }
        }
    }

    @Test
    void aMissingSheetIsAWarningInEveryFormatNamingTheRulesNotApplied() throws Exception {
        Path book = example("no-events.xlsx", wb -> wb.removeSheetAt(wb.getSheetIndex("Events")));
        String warning = "no Events sheet: the rules DQ-EVENT-AFTER-DEATH, DQ-SAE-AFTER-DETECTION, SICH-ITEM-RISE, SICH-NIHSS-RISE, SICH-SAE-24H, SICH-SITE-CLASS were not applied";

        CliRun text = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-08-01", book.toString());
        CliRun json = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-08-01", "--format", "json", book.toString());
        CliRun csv = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-08-01", "--format", "csv", book.toString());
        Path xlsx = tmp.resolve("report.xlsx");
        CliRun toXlsx = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-08-01", "--format", "xlsx",
                "--out", xlsx.toString(), book.toString());

        assertThat(text.out()).contains(warning);
        assertThat(json(json).path("warnings").toString()).contains(warning);
        assertThat(csv.err()).contains(warning);
        assertThat(toXlsx.exit()).isEqualTo(1);
        try (XSSFWorkbook report = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            StringBuilder all = new StringBuilder();
            report.getSheet("Warnings").forEach(r -> r.forEach(c -> all.append(c.toString()).append('|')));
            assertThat(all.toString()).contains(warning);
        }
    }

    @Test
    void outIsWrittenOnlyToARegularFileOrANewPath() throws Exception {
        Path fifo = tmp.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path folder = Files.createDirectories(tmp.resolve("folder"));

        for (Path target : List.of(Path.of("/dev/full"), Path.of("/dev/null"), folder, fifo)) {
            CliRun run = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-08-01", "--format", "csv",
                    "--out", target.toString(), EXAMPLE.toString());
            assertThat(run.exit()).as(target.toString()).isEqualTo(2);
            assertThat(run.err()).as(target.toString()).contains("--out " + target + ": ").doesNotContain("report written");
            assertThat(Files.isRegularFile(target)).as(target.toString()).isFalse();
        }
        CliRun missing = CliRun.of("check", "--protocol", "sivelestat-evt", "--format", "csv", "--out",
                tmp.resolve("nope/report.csv").toString(), EXAMPLE.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("the folder " + tmp.resolve("nope") + " does not exist");
    }

    @Test
    void formatJsonPrintsOneJsonObjectOnEveryExitTwo() throws Exception {
        List<String[]> failing = List.of(
                new String[]{"check", "--protocol", "no-such-protocol", "--format", "json", EXAMPLE.toString()},
                new String[]{"check", "--protocol", "sivelestat-evt", "--format", "json", "--as-of", "someday", EXAMPLE.toString()},
                new String[]{"check", "--protocol", "sivelestat-evt", "--format", "json"},
                new String[]{"check", "--format=json", "--protocol", "sivelestat-evt", "--bogus", EXAMPLE.toString()},
                new String[]{"check", "--protocol", "sivelestat-evt", "--format", "json", "--encoding", "klingon", EXAMPLE.toString()},
                new String[]{"check", "--protocol", "sivelestat-evt", "--format", "json", tmp.resolve("absent.xlsx").toString()});
        for (String[] args : failing) {
            CliRun run = CliRun.of(args);
            String what = String.join(" ", args);
            assertThat(run.exit()).as(what).isEqualTo(2);
            JsonNode r = json(run);
            assertThat(r.isObject()).as(what).isTrue();
            assertThat(r.path("inputErrors").size()).as(what).isPositive();
            assertThat(r.path("deviations").isArray()).as(what).isTrue();
            assertThat(run.out() + run.err()).as(what).doesNotContainPattern("Exception|\\bat [a-z]+\\.");
        }
        JsonNode unknown = json(CliRun.of(failing.get(0)));
        assertThat(unknown.path("protocol").isNull()).isTrue();
        assertThat(unknown.path("inputErrors").toString()).contains("no-such-protocol");
    }

    @Test
    void aDamagedWorkbookIsExplainedInWordsWithoutAStackTrace() throws Exception {
        byte[] good = Files.readAllBytes(EXAMPLE);
        Path cut = tmp.resolve("cut.xlsx");
        Files.write(cut, java.util.Arrays.copyOf(good, good.length / 2));

        CliRun run = CliRun.of("check", "--protocol", "sivelestat-evt", "--format", "json", cut.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(json(run).path("inputErrors").get(0).path("message").asText())
                .startsWith("the file is damaged or truncated (not a complete .xlsx)");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");

        // A corrupt docProps/core.xml printed a SAXParseException stack trace: POI's own log lines are off, and
        // the metadata part is not needed to read the data.
        var entries = io.protoguard.fuzz.Mutations.unzip(good);
        entries.put("docProps/core.xml", "<cp:coreProperties><oops".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path core = tmp.resolve("core.xlsx");
        Files.write(core, io.protoguard.fuzz.Mutations.zip(entries));
        CliRun coreRun = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-08-01", "--format", "json", core.toString());
        assertThat(coreRun.exit()).isIn(1, 2);
        assertThat(coreRun.err()).doesNotContain("SAXParseException").doesNotContain("\tat ");
        for (JsonNode e : json(coreRun).path("inputErrors")) {
            assertThat(e.path("message").asText()).startsWith("the file is damaged or truncated (not a complete .xlsx)");
        }
    }
}

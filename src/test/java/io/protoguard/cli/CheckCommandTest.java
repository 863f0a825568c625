package io.protoguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract of {@code protoguard check} (SPEC section 7): exit codes, JSON on stdout, whole output files. */
class CheckCommandTest {
    private static final String SUBJECTS = "SubjectId,Sex,Age,WeightKg,ConsentAt,OnsetAt,RandomizedAt\n";
    private static final String CLEAN_SUBJECT = "S-01,M,60,70,2026-03-01T07:00,2026-03-01T02:00,2026-03-01T08:00\n";
    private static final String CLEAN_ROWS_CRITERIA = "SubjectId,Criterion,Value\nS-01,LVO,Y\nS-01,EVT,Y\n";
    private static final String CLEAN_ASSESSMENTS = """
            SubjectId,Visit,Test,PerformedAt,Value
            S-01,BASELINE,NIHSS,2026-03-01T07:30,12
            S-01,IMG48,IMAGING,2026-03-02T08:00,NONE
            S-01,H48,NIHSS,2026-03-03T08:00,7
            S-01,D7,NIHSS,2026-03-08T09:00,5
            S-01,D90,MRS,2026-05-30,1
            S-01,D90,EQ5D5L,2026-05-30,7
            S-01,D90,BARTHEL,2026-05-30,95
            """;
    private static final String CLEAN_DOSES = "SubjectId,Treatment,StartAt,EndAt,Dose,Unit\nS-01,SIVELESTAT,2026-03-01T09:00,2026-03-06T09:00,1680,mg\n";

    @TempDir
    Path tmp;

    private Path folder(String subjects, String assessments) throws Exception {
        Path d = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(d.resolve("Subjects.csv"), SUBJECTS + subjects);
        Files.writeString(d.resolve("Criteria.csv"), CLEAN_ROWS_CRITERIA);
        Files.writeString(d.resolve("Assessments.csv"), assessments);
        Files.writeString(d.resolve("Doses.csv"), CLEAN_DOSES);
        return d;
    }

    @Test
    void cleanSubjectExitsZeroAndJsonIsTheOnlyOutput() throws Exception {
        CliRun run = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-07-01", "--format", "json",
                folder(CLEAN_SUBJECT, CLEAN_ASSESSMENTS).toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("protocol").get("id").asText()).isEqualTo("sivelestat-evt");
        assertThat(json.get("asOf").asText()).isEqualTo("2026-07-01");
        assertThat(json.get("subjects").asInt()).isEqualTo(1);
        assertThat(json.get("deviations")).isEmpty();
        assertThat(json.get("inputErrors")).isEmpty();
    }

    @Test
    void deviationsExitOneWithEveryFieldOfSection6() throws Exception {
        String late = CLEAN_ASSESSMENTS.replace("S-01,H48,NIHSS,2026-03-03T08:00,7", "S-01,H48,NIHSS,2026-03-03T20:01,7");
        CliRun run = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-07-01", "--format", "json",
                folder(CLEAN_SUBJECT, late).toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode d = new ObjectMapper().readTree(run.out()).get("deviations").get(0);
        assertThat(d.get("subjectId").asText()).isEqualTo("S-01");
        assertThat(d.get("category").asText()).isEqualTo("VISIT_WINDOW");
        assertThat(d.get("severity").asText()).isEqualTo("IMPORTANT");
        assertThat(d.get("ruleId").asText()).isEqualTo("SCH-H48-NIHSS");
        assertThat(d.get("visit").asText()).isEqualTo("H48");
        assertThat(d.get("occurredOn").asText()).isEqualTo("2026-03-03");
        assertThat(d.get("expected").asText()).contains("36 to 60 h");
        assertThat(d.get("actual").asText()).contains("60:01 h");
        assertThat(d.get("citation").asText()).contains("48 hours (±12 hours)");
        assertThat(d.get("source").get("sheet").asText()).isEqualTo("Assessments");
        assertThat(d.get("source").get("row").asInt()).isEqualTo(4);
    }

    @Test
    void inputErrorsExitTwoAndReadableRowsAreStillChecked() throws Exception {
        String broken = CLEAN_SUBJECT + "S-02,M,sixty,70,2026-03-01T07:00,2026-03-01T02:00,2026-13-01T08:00\n";
        String late = CLEAN_ASSESSMENTS.replace("S-01,H48,NIHSS,2026-03-03T08:00,7", "S-01,H48,NIHSS,2026-03-03T20:01,7");
        CliRun run = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-07-01", "--format", "json",
                folder(broken, late).toString());
        assertThat(run.exit()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("inputErrors")).hasSizeGreaterThanOrEqualTo(2);
        JsonNode first = json.get("inputErrors").get(0);
        assertThat(first.get("sheet").asText()).isEqualTo("Subjects");
        assertThat(first.get("row").asInt()).isEqualTo(3);
        assertThat(json.get("deviations").toString()).contains("SCH-H48-NIHSS");
        assertThat(run.out().trim()).startsWith("{").endsWith("}");
    }

    @Test
    void outputFileIsWrittenWholeAndReportsTheSameDeviations() throws Exception {
        Path out = tmp.resolve("report.csv");
        String late = CLEAN_ASSESSMENTS.replace("S-01,H48,NIHSS,2026-03-03T08:00,7", "S-01,H48,NIHSS,2026-03-03T20:01,7");
        CliRun run = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-07-01", "--format", "csv",
                "--out", out.toString(), folder(CLEAN_SUBJECT, late).toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(out)).contains("SCH-H48-NIHSS");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "report.csv");
        }
    }

    @Test
    void badOptionValuesAreExplainedInWords() throws Exception {
        String data = folder(CLEAN_SUBJECT, CLEAN_ASSESSMENTS).toString();
        CliRun date = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-13-01", data);
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err()).contains("\"2026-13-01\" is not a date (expected YYYY-MM-DD").doesNotContain("Exception");
        CliRun zone = CliRun.of("check", "--protocol", "sivelestat-evt", "--time-zone", "Mars/Base", data);
        assertThat(zone.exit()).isEqualTo(2);
        assertThat(zone.err()).contains("\"Mars/Base\" is not a time zone").doesNotContain("Exception");
        assertThat(date.out()).isEmpty();
    }

    @Test
    void unknownProtocolExitsTwoWithAMessageAndNoStackTrace() throws Exception {
        CliRun run = CliRun.of("check", "--protocol", "no-such-protocol", folder(CLEAN_SUBJECT, CLEAN_ASSESSMENTS).toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no-such-protocol").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void pendingWindowsAreNotMissedBeforeTheyClose() throws Exception {
        String early = CLEAN_ASSESSMENTS.lines().filter(l -> !l.contains("D90")).reduce("", (a, b) -> a + b + "\n");
        CliRun pending = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-06-06", "--format", "json",
                folder(CLEAN_SUBJECT, early).toString());
        assertThat(pending.exit()).as(pending.out()).isZero();
        CliRun closed = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-06-07", "--format", "json",
                tmp.resolve("data").toString());
        assertThat(closed.exit()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(closed.out()).get("deviations").findValuesAsText("category"))
                .containsOnly("MISSED_ASSESSMENT").hasSize(3);
    }
}

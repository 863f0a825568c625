package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protoguard.cli.Main;
import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.pdlog.PdLogRow;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13's PD log through the API and the page: a generated study checked by two nightly runs has one log row per
 * deviation identity, numbered in order of first identification (numbers kept by the second run), with the date each
 * was identified; CSV and XLSX hold exactly the filtered rows; an edit of the site columns is a new audited row (the
 * older one stays); a site coordinator sees and edits only their site (403 otherwise); bad edits are refused, field named.
 */
class PdLogApiTest extends WebServiceTestBase {
    static final String STUDY = "PDLOG-S", SITE_MONITOR = "sita", SITE_PASSWORD = "site-monitor-pass-1";
    static final LocalDate FIRST = LocalDate.of(2026, 8, 10), SECOND = LocalDate.of(2026, 9, 10);
    final ObjectMapper json = new ObjectMapper();

    @Autowired
    StudyRegistry studies;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLogHasOneRowPerIdentityAndItsSiteColumnsAreAudited() throws Exception {
        Path data = Files.createTempDirectory("protoguard-pdlog-").resolve("study");
        new DataGenerator(100, 13, DeviationRates.parse("all=0.04"), false).write(data);
        List<String> sites = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("SITE-%02d", i)).toList();
        studies.save(new Study(STUDY, "sivelestat-evt", sites, data.toString(), "UTC", true, OffsetDateTime.now(), ADMIN));
        try {
            nightly(FIRST);
            rows(get("/api/studies/" + STUDY + "/pd-log", ADMIN, ADMIN_PASSWORD));
            // the same 100 subjects (the generator is deterministic per subject) and 100 more: new identities tonight
            new DataGenerator(200, 13, DeviationRates.parse("all=0.04"), false).write(data);
            nightly(SECOND);
        } finally {
            studies.save(new Study(STUDY, "sivelestat-evt", sites, data.toString(), "UTC", false, OffsetDateTime.now(), ADMIN));
        }
        // numbers survive the second run: every row of the first log keeps its number and identity
        List<JsonNode> log = rows(get("/api/studies/" + STUDY + "/pd-log", ADMIN, ADMIN_PASSWORD));
        oneRowPerIdentity(log);
        exportsHoldTheFilteredRows(log);
        editsAreNewAuditedRows(log);
        aSiteMonitorSeesOnlyTheirSite(log);
        badEditsAreRefusedNamingTheField(log);
        thePageShowsTheLogAndTakesAnEdit(log);
    }

    private void thePageShowsTheLogAndTakesAnEdit(List<JsonNode> log) throws Exception {
        Session admin = new Session();
        assertThat(admin.signIn(ADMIN, ADMIN_PASSWORD)).doesNotContain("error");
        assertThat(admin.get("/studies/" + STUDY).body()).contains("id=\"pdlog-link\"");
        String page = admin.get("/studies/" + STUDY + "/pd-log").body();
        assertThat(page.split("class=\"pdlog-row\"", -1)).hasSize(log.size() + 1);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token in the edit forms").isTrue();
        String fp = log.get(2).get("fingerprint").asText();
        HttpResponse<String> saved = admin.post("/studies/" + STUDY + "/pd-log/" + fp, "reportedToIrb=Y&reportedOn=2026-09-01&correctiveAction="
                + "Source+data+corrected&site=&_csrf=" + token.group(1));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location")).get().asString().contains("/studies/" + STUDY + "/pd-log#pd-" + fp.substring(0, 12));
        assertThat(admin.get("/studies/" + STUDY + "/pd-log").body()).contains("PD log entry saved").contains("Source data corrected")
                .contains("Y, 2026-09-01");
        admin.post("/studies/" + STUDY + "/pd-log/" + fp, "reportedToIrb=Y&_csrf=" + token.group(1));
        assertThat(admin.get("/studies/" + STUDY + "/pd-log").body()).contains("reportedOn is required");
        HttpResponse<String> csv = admin.get("/studies/" + STUDY + "/pd-log/export?format=csv&site=" + log.get(2).get("site").asText());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(log.get(2).get("number").asText() + ",").contains("Source data corrected");
    }

    private List<JsonNode> firstLog;

    private void nightly(LocalDate asOf) throws Exception {
        Main.run("nightly", "--as-of", asOf.toString(), "--spring.datasource.url=jdbc:h2:mem:protoguard-web-test;DB_CLOSE_DELAY=-1",
                "--protoguard.data-dir=" + DATA_DIR, "--protoguard.nightly.report-dir=" + DATA_DIR.resolve("pdlog-reports"));
        // other tests' studies may fail tonight (their folders are gone); this one must be checked
        long checked = jdbc.sql("SELECT COUNT(*) FROM study_run s JOIN nightly_run n ON n.id = s.nightly_run_id "
                + "WHERE s.study_id = ? AND s.status = 'CHECKED' AND n.as_of = ?").params(STUDY, asOf).query(Long.class).single();
        assertThat(checked).as("study checked as of " + asOf).isEqualTo(1);
    }

    private List<JsonNode> rows(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        List<JsonNode> rows = new ArrayList<>();
        body.get("rows").forEach(rows::add);
        assertThat(body.get("count").asInt()).isEqualTo(rows.size());
        if (firstLog == null) firstLog = rows;
        return rows;
    }

    private void oneRowPerIdentity(List<JsonNode> log) {
        Map<String, LocalDate> identified = new HashMap<>();
        jdbc.sql("SELECT i.fingerprint, n.as_of FROM deviation_identity i JOIN nightly_run n ON n.id = i.first_nightly_run_id WHERE i.study_id = ?")
                .param(STUDY).query(rs -> {
                    identified.put(rs.getString(1).trim(), rs.getObject(2, LocalDate.class));
                });
        assertThat(identified).hasSizeGreaterThan(20);
        assertThat(log).hasSize(identified.size());
        assertThat(log.stream().map(r -> r.get("fingerprint").asText()).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(identified.keySet());
        for (int i = 0; i < log.size(); i++) {
            JsonNode r = log.get(i);
            assertThat(r.get("number").asText()).isEqualTo(String.format("PD-%04d", i + 1));
            assertThat(LocalDate.parse(r.get("identifiedOn").asText())).isEqualTo(identified.get(r.get("fingerprint").asText()));
            assertThat(r.get("subjectId").asText()).isNotBlank();
            assertThat(r.get("site").asText()).matches("SITE-\\d\\d");
            assertThat(r.get("category").asText()).isNotBlank();
            assertThat(r.get("description").asText()).isNotBlank();
            assertThat(r.get("status").asText()).isIn("OPEN", "RESOLVED");
            assertThat(r.get("important").isBoolean()).isTrue();
        }
        // first identified in the first run, then the second's; the first log's numbers are kept
        assertThat(log.stream().map(r -> r.get("identifiedOn").asText()).distinct().toList()).containsExactly(FIRST.toString(), SECOND.toString());
        for (JsonNode r : firstLog) {
            JsonNode now = log.get(Integer.parseInt(r.get("number").asText().substring(3)) - 1);
            assertThat(now.get("fingerprint").asText()).isEqualTo(r.get("fingerprint").asText());
        }
        assertThat(log).anySatisfy(r -> assertThat(r.get("important").asBoolean()).isTrue());
    }

    private void exportsHoldTheFilteredRows(List<JsonNode> log) throws Exception {
        // a period covering the middle half of the dates, and the site of a row inside it
        List<LocalDate> dates = log.stream().filter(r -> r.hasNonNull("occurredOn")).map(r -> LocalDate.parse(r.get("occurredOn").asText())).sorted().toList();
        LocalDate from = dates.get(dates.size() / 4), to = dates.get(dates.size() * 3 / 4);
        String site = log.stream().filter(r -> r.hasNonNull("occurredOn") && LocalDate.parse(r.get("occurredOn").asText()).equals(from))
                .findFirst().orElseThrow().get("site").asText();
        List<String> expected = log.stream().filter(r -> r.hasNonNull("occurredOn") && site.equals(r.get("site").asText())
                && !LocalDate.parse(r.get("occurredOn").asText()).isBefore(from) && !LocalDate.parse(r.get("occurredOn").asText()).isAfter(to))
                .map(r -> r.get("number").asText()).toList();
        assertThat(expected).isNotEmpty().hasSizeLessThan(log.size());
        String query = "/api/studies/" + STUDY + "/pd-log?from=" + from + "&to=" + to + "&site=" + site;
        assertThat(rows(get(query, ADMIN, ADMIN_PASSWORD)).stream().map(r -> r.get("number").asText()).toList()).isEqualTo(expected);

        HttpResponse<byte[]> csv = getBytes(query + "&format=csv", ADMIN, ADMIN_PASSWORD);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().contains("pd-log-PDLOG-S-" + site);
        List<String> lines = List.of(new String(csv.body(), StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(String.join(",", PdLogRow.COLUMNS));
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList()).isEqualTo(expected);

        HttpResponse<byte[]> xlsx = getBytes(query + "&format=xlsx", ADMIN, ADMIN_PASSWORD);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet s = wb.getSheet("PD log");
            DataFormatter f = new DataFormatter();
            assertThat(IntStream.range(0, PdLogRow.COLUMNS.size()).mapToObj(c -> f.formatCellValue(s.getRow(0).getCell(c))).toList())
                    .isEqualTo(PdLogRow.COLUMNS);
            assertThat(IntStream.rangeClosed(1, s.getLastRowNum()).mapToObj(i -> f.formatCellValue(s.getRow(i).getCell(0))).toList()).isEqualTo(expected);
            assertThat(s.getRow(1).getCell(3).getLocalDateTimeCellValue().toLocalDate()).isBetween(from, to); // a real date cell
        }
        assertThat(get("/api/studies/" + STUDY + "/pd-log?format=pdf", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(400);
        assertThat(get("/api/studies/" + STUDY + "/pd-log?from=2026-09-01&to=2026-08-01", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(400);
    }

    private void editsAreNewAuditedRows(List<JsonNode> log) throws Exception {
        String fp = log.get(0).get("fingerprint").asText(), number = log.get(0).get("number").asText();
        HttpResponse<String> one = put(fp, ADMIN, ADMIN_PASSWORD,
                "{\"reportedToIrb\":\"Y\",\"reportedOn\":\"2026-08-20\",\"correctiveAction\":\"=Retrained the site\",\"preventiveAction\":\"Checklist\"}");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        HttpResponse<String> two = put(fp, ADMIN, ADMIN_PASSWORD, "{\"reportedToIrb\":\"N\",\"correctiveAction\":\"Retrained twice\"}");
        assertThat(two.statusCode()).as(two.body()).isEqualTo(200);

        JsonNode row = rows(get("/api/studies/" + STUDY + "/pd-log", ADMIN, ADMIN_PASSWORD)).get(0);
        assertThat(row.get("reportedToIrb").asBoolean()).isFalse();
        assertThat(row.get("correctiveAction").asText()).isEqualTo("Retrained twice");
        assertThat(row.get("preventiveAction").isNull()).isTrue();
        assertThat(row.get("enteredBy").asText()).isEqualTo(ADMIN);
        List<Map<String, Object>> history = jdbc.sql("SELECT reported_to_irb, reported_on, corrective_action FROM pd_log_entry WHERE fingerprint = ? ORDER BY id")
                .param(fp).query().listOfRows();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("REPORTED_TO_IRB")).isEqualTo("Y");
        assertThat(history.get(0).get("CORRECTIVE_ACTION")).isEqualTo("=Retrained the site");
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'PD_LOG_EDITED' AND actor = ? ORDER BY id").param(ADMIN)
                .query(String.class).list()).filteredOn(d -> d.contains(number) && d.contains(STUDY)).hasSize(2)
                .anySatisfy(d -> assertThat(d).contains("Y on 2026-08-20"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE pd_log_entry SET corrective_action = 'x' WHERE fingerprint = ?").param(fp).update())
                .as("the edit history cannot be rewritten").isNotNull();

        // the CSV guards the formula-looking text of the older edit; the XLSX keeps text as written (SPEC section 8)
        put(fp, ADMIN, ADMIN_PASSWORD, "{\"reportedToIrb\":\"N\",\"correctiveAction\":\"=Retrained the site\"}");
        String csv = new String(getBytes("/api/studies/" + STUDY + "/pd-log?format=csv", ADMIN, ADMIN_PASSWORD).body(), StandardCharsets.UTF_8);
        assertThat(csv).contains(",'=Retrained the site,");
    }

    private void aSiteMonitorSeesOnlyTheirSite(List<JsonNode> log) throws Exception {
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/users"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + SITE_MONITOR
                        + "\",\"password\":\"" + SITE_PASSWORD + "\",\"role\":\"MONITOR\",\"sites\":[\"SITE-02\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        List<JsonNode> mine = rows(get("/api/studies/" + STUDY + "/pd-log", SITE_MONITOR, SITE_PASSWORD));
        assertThat(mine).isNotEmpty().allSatisfy(r -> assertThat(r.get("site").asText()).isEqualTo("SITE-02"));
        assertThat(mine).hasSize((int) log.stream().filter(r -> r.get("site").asText().equals("SITE-02")).count());

        HttpResponse<String> other = get("/api/studies/" + STUDY + "/pd-log?site=SITE-01", SITE_MONITOR, SITE_PASSWORD);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
        assertThat(other.body()).contains("SITE-01");
        String theirs = log.stream().filter(r -> r.get("site").asText().equals("SITE-01")).findFirst().orElseThrow().get("fingerprint").asText();
        assertThat(put(theirs, SITE_MONITOR, SITE_PASSWORD, "{\"reportedToIrb\":\"N\"}").statusCode()).isEqualTo(403);
        assertThat(put(mine.get(0).get("fingerprint").asText(), SITE_MONITOR, SITE_PASSWORD, "{\"reportedToIrb\":\"N\",\"preventiveAction\":\"Reminder\"}")
                .statusCode()).isEqualTo(200);
        assertThat(get("/api/studies/" + STUDY + "/pd-log", MONITOR, MONITOR_PASSWORD).statusCode()).as("none of the study's sites").isEqualTo(404);
    }

    private void badEditsAreRefusedNamingTheField(List<JsonNode> log) throws Exception {
        String fp = log.get(1).get("fingerprint").asText();
        long before = jdbc.sql("SELECT COUNT(*) FROM pd_log_entry").query(Long.class).single();
        refused(fp, "{\"reportedToIrb\":\"Y\"}", "reportedOn", "required");
        refused(fp, "{\"reportedToIrb\":\"Y\",\"reportedOn\":\"2999-01-01\"}", "reportedOn", "future");
        refused(fp, "{\"reportedToIrb\":\"Y\",\"reportedOn\":\"last week\"}", "reportedOn", "not a date");
        refused(fp, "{\"reportedToIrb\":\"maybe\"}", "reportedToIrb", "Y or N");
        refused(fp, "{\"reportedToIrb\":\"N\",\"correctiveAction\":\"" + "x".repeat(2001) + "\"}", "correctiveAction", "2000");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_log_entry").query(Long.class).single()).as("nothing stored").isEqualTo(before);
        assertThat(put("0".repeat(64), ADMIN, ADMIN_PASSWORD, "{\"reportedToIrb\":\"N\"}").statusCode()).isEqualTo(404);
        assertThat(put(fp, ADMIN, ADMIN_PASSWORD, "not json").statusCode()).isEqualTo(400);
    }

    private void refused(String fp, String body, String field, String words) throws Exception {
        HttpResponse<String> r = put(fp, ADMIN, ADMIN_PASSWORD, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).contains(field).contains(words);
    }

    private HttpResponse<String> put(String fingerprint, String user, String password, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/studies/" + STUDY + "/pd-log/" + fingerprint)))
                .header("Authorization", basic(user, password)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

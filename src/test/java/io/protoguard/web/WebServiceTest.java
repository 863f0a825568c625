package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protoguard.storage.AuditLog;
import io.protoguard.storage.RunQueries;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The service end to end over HTTP: uploads good and bad, reports, storage that never changes, and the security points. */
class WebServiceTest extends WebServiceTestBase {
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    RunQueries runs;
    @Autowired
    AuditLog audit;

    private JsonNode uploadOk(String fileName, byte[] content) throws Exception {
        HttpResponse<String> r = upload(MONITOR, MONITOR_PASSWORD, "sivelestat-evt", fileName, content);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).get().asString().startsWith("/api/runs/");
        return json.readTree(r.body());
    }

    @Test
    void workbookUploadGivesARunWithTheLateH48AndReportsInEachFormat() throws Exception {
        JsonNode run = uploadOk("site01.xlsx", ExampleWorkbooks.siteWorkbook());
        long id = run.get("id").asLong();
        assertThat(run.get("inputErrors").asInt()).isZero();
        assertThat(run.get("fileKind").asText()).isEqualTo("XLSX");
        assertThat(run.get("deviationsByCategory").get("VISIT_WINDOW").asInt()).isEqualTo(1);

        JsonNode report = json.readTree(get("/api/runs/" + id + "/report?format=json", MONITOR, MONITOR_PASSWORD).body());
        JsonNode late = Stream.of(json.treeToValue(report.get("deviations"), JsonNode[].class))
                .filter(d -> d.get("ruleId").asText().equals("SCH-H48-NIHSS")).findFirst().orElseThrow();
        assertThat(late.get("subjectId").asText()).isEqualTo("S-01");
        assertThat(late.get("source").get("file").asText()).isEqualTo("site01.xlsx"); // the user's name, not the scratch name

        HttpResponse<byte[]> xlsx = getBytes("/api/runs/" + id + "/report?format=xlsx", MONITOR, MONITOR_PASSWORD);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).get().asString().contains("protoguard-run-" + id);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheet("Deviations")).isNotNull();
        }
        String csv = get("/api/runs/" + id + "/report?format=csv", MONITOR, MONITOR_PASSWORD).body();
        assertThat(csv).contains("SCH-H48-NIHSS");

        JsonNode list = json.readTree(get("/api/runs", MONITOR, MONITOR_PASSWORD).body());
        assertThat(list.findValuesAsText("fileName")).contains("site01.xlsx");
        assertThat(audit.latest(50)).anyMatch(e -> e.action().equals(AuditLog.UPLOAD) && e.actor().equals(MONITOR))
                .anyMatch(e -> e.action().equals(AuditLog.DOWNLOAD) && e.detail().contains("run " + id + " report xlsx"));
    }

    @Test
    void csvZipIsReadAndHostileEntryNamesNeverBecomePaths() throws Exception {
        JsonNode run = uploadOk("../../../etc/passwd.zip", ExampleWorkbooks.csvZip());
        assertThat(run.get("fileKind").asText()).isEqualTo("CSV_ZIP");
        assertThat(run.get("fileName").asText()).isEqualTo("passwd.zip");
        assertThat(run.get("inputErrors").asInt()).isZero();
        assertThat(run.get("deviationsByCategory").get("VISIT_WINDOW").asInt()).isEqualTo(1);
        try (Stream<Path> files = Files.list(DATA_DIR.resolve("uploads"))) {
            // only originals named by sha256 remain (scratch folders are removed after each check)
            assertThat(files.map(p -> p.getFileName().toString()).toList()).allMatch(n -> n.matches("[0-9a-f]{64}"));
        }
        assertThat(Files.exists(DATA_DIR.resolve("Doses.csv"))).isFalse();
    }

    @Test
    void aSecondRunDoesNotAlterTheFirst() throws Exception {
        long first = uploadOk("first.xlsx", ExampleWorkbooks.siteWorkbook()).get("id").asLong();
        var deviationsBefore = runs.deviations(first);
        var runBefore = runs.run(first).orElseThrow();
        var otherData = ExampleWorkbooks.workbook(ExampleWorkbooks.SUBJECTS, ExampleWorkbooks.CRITERIA,
                List.of(ExampleWorkbooks.ASSESSMENTS.get(0))); // no assessments and no doses at all: many more deviations
        long second = uploadOk("first.xlsx", otherData).get("id").asLong();
        assertThat(second).isGreaterThan(first);
        assertThat(runs.deviations(second)).hasSizeGreaterThan(deviationsBefore.size());
        assertThat(runs.deviations(first)).isEqualTo(deviationsBefore);
        assertThat(runs.run(first).orElseThrow()).isEqualTo(runBefore);
    }

    @Test
    void unreadableUploadsAre422InWordsAndTheServiceKeepsServing() throws Exception {
        // issue 10: a file that cannot be read at all is refused (422), not stored as a run of errors
        assertUnreadable("notes.txt", "just some text".getBytes(StandardCharsets.UTF_8), "neither an .xlsx workbook nor a .zip of CSV files");
        assertUnreadable("hello.xlsx", "hello".getBytes(StandardCharsets.UTF_8), "neither an .xlsx workbook");
        assertUnreadable("broken.xlsx", java.util.Arrays.copyOf(ExampleWorkbooks.siteWorkbook(), 300), "damaged or truncated");
        assertUnreadable("xxe.xlsx", ExampleWorkbooks.withDoctype(), "document type declaration (<!DOCTYPE)");
        HttpResponse<String> empty = upload(MONITOR, MONITOR_PASSWORD, "sivelestat-evt", "empty.xlsx", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        HttpResponse<String> unknown = upload(MONITOR, MONITOR_PASSWORD, "no-such-protocol", "a.xlsx", ExampleWorkbooks.siteWorkbook());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("detail").asText()).contains("no-such-protocol");
        assertThat(get("/api/protocols", MONITOR, MONITOR_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void zipBombsAreRefusedWithAMessage() throws Exception {
        byte[] bomb = ExampleWorkbooks.xlsxZipBomb();
        assertThat(bomb.length).isLessThan(1024 * 1024); // it passes the upload limit; only inflating it is dangerous
        assertUnreadable("bomb.xlsx", bomb, "is a zip bomb");
        assertUnreadable("bomb.zip", ExampleWorkbooks.csvZipBomb(8), "expands to more than 5 MB");
        assertThat(get("/api/protocols", MONITOR, MONITOR_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void oversizedUploadIsRefusedAsProblemAndThePageSaysWhy() throws Exception {
        byte[] big = new byte[1536 * 1024];
        HttpResponse<String> r = upload(MONITOR, MONITOR_PASSWORD, "sivelestat-evt", "big.xlsx", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(json.readTree(r.body()).get("detail").asText()).contains("upload limit of 1MB");
        assertThat(get("/api/runs", MONITOR, MONITOR_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void formulaCellsAreNeutralisedInCsvAndKeptAsPlainTextInXlsx() throws Exception {
        long id = uploadOk("formulas.xlsx", ExampleWorkbooks.withFormulas()).get("id").asLong();
        String csv = get("/api/runs/" + id + "/report?format=csv", MONITOR, MONITOR_PASSWORD).body();
        assertThat(csv).contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK(").doesNotContain("\n=HYPERLINK(");
        byte[] xlsx = getBytes("/api/runs/" + id + "/report?format=xlsx", MONITOR, MONITOR_PASSWORD).body();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            boolean sawSubject = false;
            for (var sheet : wb) {
                for (var row : sheet) {
                    for (Cell c : row) {
                        assertThat(c.getCellType()).as("cell %s of %s", c.getAddress(), sheet.getSheetName()).isNotEqualTo(CellType.FORMULA);
                        if (c.getCellType() == CellType.STRING && c.getStringCellValue().contains("HYPERLINK")) {
                            assertThat(c.getStringCellValue()).as("XLSX text as written (SPEC 8)").startsWith("=");
                            sawSubject = true;
                        }
                    }
                }
            }
            assertThat(sawSubject).isTrue();
        }
    }

    @Test
    void wrongPasswordIsRefusedAsProblemAndAudited() throws Exception {
        HttpResponse<String> r = get("/api/runs", MONITOR, "not-the-password");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(r.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
        assertThat(audit.latest(20)).anyMatch(e -> e.action().equals(AuditLog.SIGN_IN_FAILED) && e.actor().equals(MONITOR));
    }

    @Test
    void rolesNest() throws Exception {
        HttpResponse<String> monitor = get("/api/admin/users", MONITOR, MONITOR_PASSWORD);
        assertThat(monitor.statusCode()).isEqualTo(403);
        assertThat(monitor.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(get("/api/admin/users", AUTHOR, AUTHOR_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(get("/api/admin/users", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(get("/api/runs", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200); // ADMIN includes MONITOR
        assertThat(get("/api/admin/audit", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        var replaceTable = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/protocols/sivelestat-evt/tables/schedule.drl.xlsx")))
                .header("Authorization", basic(MONITOR, MONITOR_PASSWORD)).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        assertThat(http.send(replaceTable, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403); // AUTHOR only
    }

    @Test
    void openApiDescribesTheApiToSignedInUsersOnly() throws Exception {
        HttpResponse<String> anonymous = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/v3/api-docs"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/swagger-ui.html"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
        JsonNode docs = json.readTree(get("/v3/api-docs", MONITOR, MONITOR_PASSWORD).body());
        assertThat(docs.get("paths").has("/api/runs")).isTrue();
        assertThat(docs.get("paths").has("/api/runs/{id}/report")).isTrue();
        assertThat(docs.get("paths").has("/api/protocols")).isTrue();
        assertThat(docs.get("components").get("securitySchemes").has("basic")).isTrue();
    }

    @Test
    void templateIsAHeaderOnlyWorkbookOfEverySheet() throws Exception {
        HttpResponse<byte[]> r = getBytes("/api/protocols/sivelestat-evt/template", MONITOR, MONITOR_PASSWORD);
        assertThat(r.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            assertThat(wb.getSheet("Subjects").getRow(0).getCell(0).getStringCellValue()).isEqualTo("SubjectId");
            assertThat(wb.getSheet("Assessments")).isNotNull();
            assertThat(wb.getSheet("Events")).isNotNull();
        }
    }

    /** 422 problem+json with the reason in words, no library text, nothing stored, and the attempt in the audit log. */
    private void assertUnreadable(String name, byte[] content, String reason) throws Exception {
        int runsBefore = runs.latest(1000).size();
        HttpResponse<String> r = upload(MONITOR, MONITOR_PASSWORD, "sivelestat-evt", name, content);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        String detail = json.readTree(r.body()).get("detail").asText();
        assertThat(detail).contains(reason).contains("nothing was stored")
                .doesNotContain("Exception").doesNotContain("Zip bomb detected").doesNotContain("http://apache.org");
        assertThat(runs.latest(1000)).hasSize(runsBefore);
        assertThat(audit.latest(20)).anyMatch(e -> e.action().equals(AuditLog.UPLOAD_REFUSED) && e.detail().contains(name)
                && e.detail().contains(reason));
    }

    @Test
    void aRunRecordsTheProtocolHashTheProtocolsPageAndApiShow() throws Exception {
        JsonNode run = uploadOk("same-hash.xlsx", ExampleWorkbooks.siteWorkbook());
        String recorded = run.get("protocolHash").asText();
        JsonNode listed = null;
        for (JsonNode p : json.readTree(get("/api/protocols", MONITOR, MONITOR_PASSWORD).body())) {
            if (p.get("id").asText().equals("sivelestat-evt")) listed = p;
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("contentHash").asText()).isEqualTo(recorded);
        Session page = new Session();
        page.signIn(MONITOR, MONITOR_PASSWORD);
        assertThat(page.get("/protocols").body()).contains(recorded.substring(0, 12));
    }
}

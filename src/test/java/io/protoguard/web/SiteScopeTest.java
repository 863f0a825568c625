package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protoguard.storage.AuditLog;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two monitors of different sites (an ADMIN assigns them through the API): each sees, downloads and uploads only the
 * data of their own site, in the API and in the pages; an ADMIN sees everything.
 */
class SiteScopeTest extends WebServiceTestBase {
    static final String PASSWORD = "site-monitor-password";
    final ObjectMapper json = new ObjectMapper();
    @Autowired
    AuditLog audit;
    @Autowired
    StudyRegistry studies;

    HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    List<Long> runIds(String user) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (JsonNode r : json.readTree(get("/api/runs", user, PASSWORD.equals(user) ? PASSWORD : PASSWORD).body())) ids.add(r.get("id").asLong());
        return ids;
    }

    @Test
    void monitorsOfDifferentSitesSeeOnlyTheirOwn() throws Exception {
        assertThat(admin("POST", "/api/admin/users", "{\"username\":\"west\",\"password\":\"" + PASSWORD + "\",\"role\":\"MONITOR\",\"sites\":[\"XW01\"]}")
                .statusCode()).isEqualTo(201);
        assertThat(admin("POST", "/api/admin/users", "{\"username\":\"east\",\"password\":\"" + PASSWORD + "\",\"role\":\"MONITOR\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> assigned = admin("PUT", "/api/admin/users/east/sites", "{\"sites\":[\"XE02\"]}");
        assertThat(json.readTree(assigned.body()).get("sites").get(0).asText()).isEqualTo("XE02");

        HttpResponse<String> westUpload = upload("west", PASSWORD, "sivelestat-evt", "west.xlsx", ExampleWorkbooks.withSites("XW01"));
        assertThat(westUpload.statusCode()).as(westUpload.body()).isEqualTo(201);
        long westRun = json.readTree(westUpload.body()).get("id").asLong();
        HttpResponse<String> eastUpload = upload("east", PASSWORD, "sivelestat-evt", "east.xlsx", ExampleWorkbooks.withSites("XE02"));
        assertThat(eastUpload.statusCode()).as(eastUpload.body()).isEqualTo(201);
        long eastRun = json.readTree(eastUpload.body()).get("id").asLong();

        // API: lists, the run, its report
        assertThat(runIds("west")).contains(westRun).doesNotContain(eastRun);
        assertThat(runIds("east")).contains(eastRun).doesNotContain(westRun);
        assertThat(get("/api/runs/" + eastRun, "west", PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get("/api/runs/" + eastRun + "/report?format=csv", "west", PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get("/api/runs/" + westRun + "/report?format=csv", "west", PASSWORD).statusCode()).isEqualTo(200);
        List<Long> all = new ArrayList<>();
        for (JsonNode r : json.readTree(get("/api/runs", ADMIN, ADMIN_PASSWORD).body())) all.add(r.get("id").asLong());
        assertThat(all).contains(westRun, eastRun);

        // an upload holding another site's subjects: 403 naming the site, nothing stored, audited
        HttpResponse<String> foreign = upload("west", PASSWORD, "sivelestat-evt", "mixed.xlsx", ExampleWorkbooks.withSites("XW01", "XE02"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(json.readTree(foreign.body()).get("detail").asText()).contains("XE02").doesNotContain("XW01");
        assertThat(audit.latest(10)).anyMatch(e -> e.action().equals(AuditLog.UPLOAD_REFUSED) && e.actor().equals("west")
                && e.detail().contains("XE02"));
        // an ADMIN's mixed upload is visible to neither monitor (each sees only runs wholly of their sites)
        HttpResponse<String> adminUpload = upload(ADMIN, ADMIN_PASSWORD, "sivelestat-evt", "mixed.xlsx", ExampleWorkbooks.withSites("XW01", "XE02"));
        assertThat(adminUpload.statusCode()).as(adminUpload.body()).isEqualTo(201);
        long mixed = json.readTree(adminUpload.body()).get("id").asLong();
        assertThat(runIds("west")).doesNotContain(mixed);

        // pages: the result page, the history, the download
        Session west = new Session();
        assertThat(west.signIn("west", PASSWORD)).doesNotContain("error");
        assertThat(west.get("/runs/" + eastRun).statusCode()).isEqualTo(404);
        assertThat(west.get("/runs/" + eastRun + "/report.xlsx").statusCode()).isEqualTo(404);
        assertThat(west.get("/runs/" + westRun).statusCode()).isEqualTo(200);
        String history = west.get("/history").body();
        assertThat(history).contains("/runs/" + westRun + "\"").doesNotContain("/runs/" + eastRun + "\"");

        // nightly studies and their reviews
        studies.save(new Study("EAST-STUDY", "sivelestat-evt", List.of("XE02"), "/nowhere", "UTC", true, null, ADMIN));
        assertThat(west.get("/studies").body()).doesNotContain("EAST-STUDY");
        assertThat(west.get("/studies/EAST-STUDY").statusCode()).isEqualTo(404);
        HttpResponse<String> review = west.post("/studies/EAST-STUDY/reviews", "fingerprint=" + "a".repeat(64)
                + "&status=ACKNOWLEDGED&_csrf=" + csrfOf(west.get("/studies").body()));
        assertThat(review.statusCode()).isEqualTo(404);
        Session east = new Session();
        east.signIn("east", PASSWORD);
        assertThat(east.get("/studies").body()).contains("EAST-STUDY");
        assertThat(east.get("/studies/EAST-STUDY").statusCode()).isEqualTo(200);
    }

    static String csrfOf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}

package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every API error is problem+json with a detail in words, also those raised before any controller runs. */
class ApiErrorsTest extends WebServiceTestBase {
    final ObjectMapper json = new ObjectMapper();

    JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).doesNotContain("Exception").doesNotContain("org.springframework");
        return p;
    }

    @Test
    void unknownPathIs404ProblemJson() throws Exception {
        JsonNode p = problem(get("/api/no-such-thing", MONITOR, MONITOR_PASSWORD), 404);
        assertThat(p.get("detail").asText()).contains("nothing at /api/no-such-thing");
    }

    @Test
    void wrongMethodIs405ProblemJsonNamingTheAllowedOnes() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/protocols")))
                .header("Authorization", basic(MONITOR, MONITOR_PASSWORD)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(problem(r, 405).get("detail").asText()).contains("DELETE is not allowed").contains("GET");
    }

    @Test
    void wrongContentTypeIs415ProblemJson() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/runs")))
                .header("Authorization", basic(MONITOR, MONITOR_PASSWORD)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(problem(r, 415).get("detail").asText()).contains("text/plain").contains("multipart/form-data");
    }

    @Test
    void anEncodedSlashIs400ProblemJson() throws Exception {
        // HttpClient would normalise the path, so the request is written by hand
        try (Socket s = new Socket("localhost", port)) {
            s.getOutputStream().write(("GET /api/runs/1%2F2 HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + basic(MONITOR, MONITOR_PASSWORD) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(response).contains("encoded slash").doesNotContain("Exception");
        }
    }

    @Test
    void aBadAsOfSaysWhichFormatIsExpected() throws Exception {
        String boundary = "----pgAsOf";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"protocol\"\r\n\r\nsivelestat-evt\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"asOf\"\r\n\r\n01.07.2026\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nx\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/runs")))
                .header("Authorization", basic(MONITOR, MONITOR_PASSWORD)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(problem(r, 400).get("detail").asText()).contains("\"asOf\"").contains("01.07.2026").contains("YYYY-MM-DD");
    }

    @Test
    void aPageErrorIsStillAPage() throws Exception {
        Session browser = new Session();
        browser.signIn(MONITOR, MONITOR_PASSWORD);
        HttpResponse<String> r = browser.get("/no-such-page");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<html").contains("nothing at this address");
    }
}

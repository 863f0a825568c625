package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pages over real HTTP with a session: CSRF on forms, the size limit seen from a browser, the history page. */
class PageFlowTest extends WebServiceTestBase {
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private String csrfFrom(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private String page(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void signIn() throws Exception {
        String token = csrfFrom(page("/login"));
        String form = "username=" + MONITOR + "&password=" + URLEncoder.encode(MONITOR_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token;
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).get().asString().doesNotContain("error");
    }

    private HttpResponse<String> postUpload(String query, byte[] content) throws Exception {
        String boundary = "----pg" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"protocol\"\r\n\r\nsivelestat-evt\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"site.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(URI.create(url("/runs" + query)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void uploadFormWithoutCsrfTokenIsForbiddenAndWithItWorks() throws Exception {
        signIn();
        assertThat(postUpload("", ExampleWorkbooks.siteWorkbook()).statusCode()).isEqualTo(403);
        String token = csrfFrom(page("/"));
        HttpResponse<String> ok = postUpload("?_csrf=" + token, ExampleWorkbooks.siteWorkbook());
        assertThat(ok.statusCode()).isEqualTo(302);
        String result = page(ok.headers().firstValue("Location").orElseThrow().replace(url(""), ""));
        assertThat(result).contains("SCH-H48-NIHSS").doesNotContain("<svg"); // timelines are fetched per subject
        java.util.regex.Matcher src = java.util.regex.Pattern.compile("data-src=\"([^\"]+\\.svg)\"").matcher(result);
        assertThat(src.find()).isTrue();
        assertThat(page(src.group(1))).startsWith("<svg").contains("class=\"timeline\"");
        assertThat(page("/history")).contains("site.xlsx");
    }

    @Test
    void oversizedUploadReturnsToTheUploadPageWithTheReason() throws Exception {
        signIn();
        String token = csrfFrom(page("/"));
        HttpResponse<String> r = postUpload("?_csrf=" + token, new byte[1536 * 1024]);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).get().asString().endsWith("/?tooLarge");
        assertThat(page("/?tooLarge")).contains("larger than the upload limit of 1MB");
    }
}

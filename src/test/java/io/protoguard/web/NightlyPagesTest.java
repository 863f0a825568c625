package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.cli.Main;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run seen from the pages: an ADMIN registers a study, the nightly run (in this JVM, on the service's
 * database) checks it, the history lists the run with its counts, the study page shows each deviation's state, and a
 * monitor's review is saved (a "not a deviation" without a reason is refused); a monitor cannot edit studies.
 */
class NightlyPagesTest extends WebServiceTestBase {
    @TempDir
    Path dir;

    final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        String page(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        Browser signIn(String user, String password) throws Exception {
            HttpResponse<String> r = post("/login", "username=" + user + "&password=" + enc(password) + "&_csrf=" + csrf(page("/login")));
            assertThat(r.headers().firstValue("Location")).get().asString().doesNotContain("error");
            return this;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    @Test
    void registerRunReadAndReview() throws Exception {
        Path data = Files.createDirectories(dir.resolve("web-study"));
        try (Stream<Path> csv = Files.list(Path.of("test-scenarios/sivelestat-evt/eligibility-and-consent"))) {
            for (Path p : csv.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().startsWith("expected")).toList()) {
                Files.copy(p, data.resolve(p.getFileName()));
            }
        }
        Browser admin = new Browser().signIn(ADMIN, ADMIN_PASSWORD);
        String token = csrf(admin.page("/studies"));
        HttpResponse<String> added = admin.post("/admin/studies", "id=WEB-S&protocol=sivelestat-evt&sites=01&timeZone=UTC&active=true&data="
                + enc(data.toString()) + "&_csrf=" + token);
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(admin.page("/studies")).contains("WEB-S").contains(data.toString());
        Browser monitor = new Browser().signIn(MONITOR, MONITOR_PASSWORD);
        assertThat(monitor.post("/admin/studies", "id=X&protocol=sivelestat-evt&data=x&_csrf=" + csrf(monitor.page("/studies"))).statusCode())
                .isEqualTo(403);

        int exit = Main.run("nightly", "--as-of", "2026-07-01", "--spring.datasource.url=jdbc:h2:mem:protoguard-web-test;DB_CLOSE_DELAY=-1",
                "--protoguard.data-dir=" + dir, "--protoguard.nightly.report-dir=" + dir.resolve("reports"));
        assertThat(exit).isZero();

        String history = monitor.page("/history");
        assertThat(history).contains("id=\"nightly-runs\"").contains("2026-07-01");
        String study = monitor.page("/studies/WEB-S");
        assertThat(study).contains("state-NEW").contains("ELIG-LVO").contains("review-form");
        Matcher fp = Pattern.compile("name=\"fingerprint\" value=\"([0-9a-f]{64})\"").matcher(study);
        assertThat(fp.find()).isTrue();
        HttpResponse<String> refused = monitor.post("/studies/WEB-S/reviews", "fingerprint=" + fp.group(1) + "&status=NOT_A_DEVIATION&_csrf=" + csrf(study));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(monitor.page("/studies/WEB-S")).contains("needs a reason");
        monitor.post("/studies/WEB-S/reviews", "fingerprint=" + fp.group(1) + "&status=ACKNOWLEDGED&comment=" + enc("site retrained") + "&_csrf=" + csrf(study));
        assertThat(monitor.page("/studies/WEB-S")).contains("ACKNOWLEDGED").contains("site retrained");
        Matcher runLink = Pattern.compile("href=\"/nightly/(\\d+)\"").matcher(history);
        assertThat(runLink.find()).isTrue();
        assertThat(monitor.page("/nightly/" + runLink.group(1))).contains("WEB-S").contains("CHECKED");
        assertThat(admin.page("/admin/audit")).contains("STUDY_CHANGED").contains("DEVIATION_REVIEWED");
    }
}

package io.protoguard.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one full application context the end-to-end tests share (Spring caches it, so the protocol is compiled
 * once): a real server on a random port, an in-memory H2 database, a fresh data folder, three users from
 * configuration, and small upload limits so the limit tests stay fast.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:protoguard-web-test;DB_CLOSE_DELAY=-1",
        "protoguard.upload.max-size=1MB",
        "protoguard.upload.max-expanded-bytes=5242880",
        "protoguard.security.sign-in.address-failures=50"}) // every test signs in from 127.0.0.1: SignInThrottleTest covers addresses
abstract class WebServiceTestBase {
    static final String MONITOR = "monica", MONITOR_PASSWORD = "monitor-password-1";
    static final String AUTHOR = "arthur", AUTHOR_PASSWORD = "author-password-12";
    static final String ADMIN = "ada", ADMIN_PASSWORD = "admin-password-123";
    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("protoguard-web-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4); // cheap hashes: tests sign in many times
        r.add("protoguard.data-dir", DATA_DIR::toString);
        r.add("protoguard.security.users." + MONITOR + ".password", () -> "{bcrypt}" + bcrypt.encode(MONITOR_PASSWORD));
        r.add("protoguard.security.users." + MONITOR + ".roles", () -> "MONITOR");
        r.add("protoguard.security.users." + MONITOR + ".sites", () -> "01,XW01");
        r.add("protoguard.security.users." + AUTHOR + ".password", () -> "{bcrypt}" + bcrypt.encode(AUTHOR_PASSWORD));
        r.add("protoguard.security.users." + AUTHOR + ".roles", () -> "AUTHOR");
        r.add("protoguard.security.users." + AUTHOR + ".sites", () -> "XW01");
        r.add("protoguard.security.users." + ADMIN + ".password", () -> "{bcrypt}" + bcrypt.encode(ADMIN_PASSWORD));
        r.add("protoguard.security.users." + ADMIN + ".roles", () -> "ADMIN");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user, password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String user, String password) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user, password)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A browser: a cookie jar, form posts, and sign-in through the form with its CSRF token. */
    final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf() throws IOException, InterruptedException {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
            if (!m.find()) throw new AssertionError("no CSRF token on the sign-in page");
            return m.group(1);
        }

        /** Returns where the sign-in form sends the browser ("/" when it worked). */
        String signIn(String user, String password) throws IOException, InterruptedException {
            HttpResponse<String> r = post("/login", "username=" + user + "&password="
                    + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf());
            return r.headers().firstValue("Location").orElse("");
        }
    }

    /** POST /api/runs as a multipart form, written by hand so the test controls the file name and bytes exactly. */
    HttpResponse<String> upload(String user, String password, String protocol, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----pg" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"protocol\"\r\n\r\n" + protocol + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"asOf\"\r\n\r\n2026-07-01\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        body.write(head.getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/runs")))
                        .header("Authorization", basic(user, password))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

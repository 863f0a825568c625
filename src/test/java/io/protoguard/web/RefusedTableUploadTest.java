package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protoguard.protocol.Payloads;
import io.protoguard.protocol.ProtocolCopy;
import io.protoguard.storage.AuditLog;
import java.io.ByteArrayOutputStream;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 10's attack through the service: an AUTHOR uploads a table carrying code. It is answered 422
 * problem+json naming file, sheet and cell; the table on disk is unchanged, the attempt is audited, and the
 * code never runs. The service works on a copy of the protocols (a temporary home), never the tracked tree.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:protoguard-refused-table;DB_CLOSE_DELAY=-1")
class RefusedTableUploadTest {
    static final Path HOME, SENTINEL;

    static {
        try {
            HOME = Files.createTempDirectory("protoguard-refused-table-");
            SENTINEL = HOME.resolve("pwned.txt");
            Path rules = Files.createDirectories(HOME.resolve("rules"));
            try (Stream<Path> s = Files.list(Path.of("rules"))) {
                for (Path p : s.toList()) Files.copy(p, rules.resolve(p.getFileName()));
            }
            ProtocolCopy.of("sivelestat-evt", Files.createDirectories(HOME.resolve("decision-tables")), "sivelestat-evt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("protoguard.home", HOME::toString);
        r.add("protoguard.data-dir", () -> HOME.resolve("data").toString());
        r.add("protoguard.security.users.arthur.password", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode("author-password-12"));
        r.add("protoguard.security.users.arthur.roles", () -> "AUTHOR");
    }

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;

    private HttpResponse<String> replace(String table, byte[] content) throws Exception {
        String boundary = "----pg" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + table + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/protocols/sivelestat-evt/tables/" + table))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("arthur:author-password-12".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The shipped table with a payload planted, as the bytes an author would upload. */
    private static byte[] planted(String file, Planter planter) throws Exception {
        Path scratch = Files.createTempDirectory(HOME, "scratch-");
        return Files.readAllBytes(planter.plant(ProtocolCopy.of("sivelestat-evt", scratch, "x")).dir.resolve(file));
    }

    interface Planter {
        ProtocolCopy plant(ProtocolCopy c) throws Exception;
    }

    private void refused(String table, byte[] content, String cell) throws Exception {
        Path onDisk = HOME.resolve("decision-tables/sivelestat-evt").resolve(table);
        byte[] before = Files.readAllBytes(onDisk);
        HttpResponse<String> r = replace(table, content);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(r.body());
        assertThat(problem.get("problems").toString()).contains(cell).doesNotContain("Exception");
        assertThat(Files.readAllBytes(onDisk)).as("the table on disk is unchanged").isEqualTo(before);
        assertThat(Files.exists(SENTINEL)).as("the planted code never runs").isFalse();
        assertThat(audit.latest(5)).anyMatch(e -> e.action().equals(AuditLog.PROTOCOL_BROKEN) && e.detail().contains(cell));
    }

    @Test
    void eachPlantedPayloadIsRefusedWithItsCellAndNeverRuns() throws Exception {
        refused("data-quality.drl.xlsx", planted("data-quality.drl.xlsx", c -> Payloads.inDateOrderTemplate(c, SENTINEL)),
                "data-quality.drl.xlsx, DateOrder!A8");
        refused("schedule.drl.xlsx", planted("schedule.drl.xlsx", c -> Payloads.inScheduleTemplate(c, SENTINEL)),
                "schedule.drl.xlsx, Schedule!B8");
        refused("schedule.drl.xlsx", planted("schedule.drl.xlsx", c -> Payloads.functionsInHeader(c, SENTINEL)),
                "schedule.drl.xlsx, Schedule!A4");
        refused("schedule.drl.xlsx", planted("schedule.drl.xlsx", c -> Payloads.evalInCondition(c, SENTINEL)),
                "schedule.drl.xlsx, Schedule!M8"); // the column after CitationSource and Citation
        refused("schedule.drl.xlsx", planted("schedule.drl.xlsx", c -> c.set("schedule.drl.xlsx", "Schedule", "E12",
                "7); " + Payloads.code(SENTINEL) + " r.target(7")), "schedule.drl.xlsx, Schedule!E12");
    }
}

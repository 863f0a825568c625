package io.protoguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.protoguard.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The nightly run on PostgreSQL split as docs/security.md says: Flyway migrates as the owner (spring.flyway.user) and
 * the run connects as an application role with only the grants of afterMigrate.sql. The grants must cover everything
 * the run writes: Spring Batch's tables and sequences, the lease heartbeat, the nightly history; a rerun updates the
 * job repository and the lease again.
 */
class AppRoleNightlyPostgresTest {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path dir;
    String schema, appRole;

    @AfterEach
    void drop() throws SQLException {
        if (schema == null) return;
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("DROP OWNED BY " + appRole);
            s.execute("DROP ROLE IF EXISTS " + appRole);
        }
    }

    @Test
    void theNightlyRunWorksAsTheApplicationRole() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        schema = "protoguard_approle_" + suffix;
        appRole = "protoguard_app_" + suffix;
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE ROLE " + appRole + " LOGIN");
        } catch (SQLException e) {
            fail("PostgreSQL cannot be reached at " + URL + " (" + e.getMessage() + "); start it or run .ci/run", e);
        }
        Path study = Files.createDirectories(dir.resolve("study"));
        try (Stream<Path> files = Files.list(Path.of("test-scenarios/msc-septic-shock/missed-and-unscheduled"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().startsWith("expected")).toList()) {
                Files.copy(f, study.resolve(f.getFileName()));
            }
        }
        Files.writeString(dir.resolve("studies.yml"), "studies:\n  - {id: M1, protocol: msc-septic-shock, sites: [\"01\"], data: study}\n");

        Result first = nightly("--as-of", "2026-07-01", "--studies", dir.resolve("studies.yml").toString());
        assertThat(first.exit()).as(first.err()).isZero();
        Result rerun = nightly("--as-of", "2026-07-01", "--rerun");
        assertThat(rerun.exit()).as(rerun.err()).isZero();

        JdbcClient asApp = JdbcClient.create(new DriverManagerDataSource(URL + "?currentSchema=" + schema, appRole, ""));
        assertThat(asApp.sql("SELECT COUNT(*) FROM study_run WHERE status = 'CHECKED'").query(Integer.class).single()).isEqualTo(2);
        assertThat(asApp.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'").query(Integer.class).single()).isEqualTo(2);
        String owner = asApp.sql("SELECT tableowner FROM pg_tables WHERE schemaname = ? AND tablename = 'audit_event'")
                .param(schema).query(String.class).single();
        assertThat(owner).as("the schema belongs to the migration user, not the app role").isEqualTo("postgres");
    }

    record Result(int exit, String err) {}

    Result nightly(String... args) {
        List<String> all = new ArrayList<>(List.of("nightly"));
        all.addAll(List.of(args));
        all.addAll(List.of("--spring.datasource.url=" + URL + "?currentSchema=" + schema, "--spring.datasource.username=" + appRole,
                "--spring.datasource.password=", "--spring.flyway.user=postgres", "--spring.flyway.password=",
                "--protoguard.data-dir=" + dir, "--protoguard.nightly.report-dir=" + dir.resolve("reports")));
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Result(Main.run(all.toArray(String[]::new)), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}

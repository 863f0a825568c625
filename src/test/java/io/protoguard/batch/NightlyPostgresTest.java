package io.protoguard.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run on PostgreSQL (127.0.0.1:5432, database test, user postgres) in a fresh schema: Flyway creates the
 * job repository and the nightly tables there, a broken study fails alone (exit 3), a restart after the fix checks it,
 * and the database refuses to rewrite history. Fails, never skips, when PostgreSQL cannot be reached.
 */
class NightlyPostgresTest {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path dir;
    String schema;

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema == null) return;
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void brokenStudyThenRestartOnPostgres() throws Exception {
        schema = "protoguard_nightly_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            fail("PostgreSQL cannot be reached at " + URL + " (" + e.getMessage() + "); start it or run .ci/run", e);
        }
        NightlyFixture f = new NightlyFixture(dir, "pg", URL + "?currentSchema=" + schema, "postgres");
        f.study("good", "msc-septic-shock", "missed-and-unscheduled");
        f.studiesFile("""
                studies:
                  - {id: GOOD, protocol: msc-septic-shock, data: good}
                  - {id: LATE, protocol: sivelestat-evt, data: late}
                """);
        NightlyFixture.Run first = f.nightly("--as-of", "2026-07-01", "--studies", dir.resolve("studies.yml").toString());
        assertThat(first.exit()).as(first.err()).isEqualTo(3);
        assertThat(first.err()).contains("study LATE FAILED");
        f.study("late", "sivelestat-evt", "hour-windows");
        NightlyFixture.Run restart = f.nightly("--as-of", "2026-07-01");
        assertThat(restart.exit()).as(restart.err()).isZero();
        assertThat(restart.err()).contains("study LATE checked").doesNotContain("study GOOD checked");
        int observations = f.query(j -> j.sql("SELECT COUNT(*) FROM deviation_observation").query(Integer.class).single());
        int distinct = f.query(j -> j.sql("SELECT COUNT(DISTINCT fingerprint) FROM deviation_observation").query(Integer.class).single());
        assertThat(observations).isPositive().isEqualTo(distinct);
        String refused = f.query(j -> {
            try {
                j.sql("UPDATE deviation_observation SET state = 'RESOLVED'").update();
                return "updated";
            } catch (RuntimeException e) {
                return e.getMessage();
            }
        });
        assertThat(refused).contains("refused");
    }
}

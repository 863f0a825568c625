package io.protoguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The storage tests on PostgreSQL (127.0.0.1:5432, database test, user postgres) as the service runs there: Flyway
 * migrates a fresh schema as the owner (postgres), and every contract test then works as a fresh application role
 * that has only the grants of afterMigrate.sql. Schema and role are dropped afterwards, so runs never collide. An
 * unreachable server FAILS the tests with the reason; it never skips them.
 */
class RunStoragePostgresTest extends RunStorageContract {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test", USER = "postgres";
    static String schema, appRole;
    static DriverManagerDataSource dataSource, owner;

    @BeforeAll
    static void migrateFreshSchema() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        schema = "protoguard_test_" + suffix;
        appRole = "protoguard_app_" + suffix;
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE ROLE " + appRole + " LOGIN");
        } catch (SQLException e) {
            fail("PostgreSQL cannot be reached at " + URL + " as user " + USER + " (" + e.getMessage() + "). Start it with "
                    + "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` or run .ci/run; "
                    + "these tests do not skip.", e);
        }
        owner = new DriverManagerDataSource(URL + "?currentSchema=" + schema, USER, "");
        migrate(owner, schema, appRole);
        dataSource = new DriverManagerDataSource(URL + "?currentSchema=" + schema, appRole, "");
    }

    /** Flyway as the owner, with the application role the grants go to (the service's spring.flyway.placeholders.appRole). */
    static void migrate(javax.sql.DataSource owner, String schema, String appRole) {
        Flyway.configure().dataSource(owner).schemas(schema).defaultSchema(schema)
                .placeholders(java.util.Map.of("appRole", appRole))
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema == null) return;
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("DROP OWNED BY " + appRole);
            s.execute("DROP ROLE IF EXISTS " + appRole);
        }
    }

    @Test
    void theApplicationRoleCannotTruncateUpdateDeleteOrDropTriggers() {
        long id = archive().store(run("monica", java.util.List.of(LATE)));
        audit().record("monica", AuditLog.UPLOAD, "something", null);
        for (String table : java.util.List.of("audit_event", "deviation", "check_run", "upload", "deviation_review",
                "deviation_observation", "run_site", "pd_log_entry")) {
            assertThatThrownBy(() -> jdbc().sql("TRUNCATE TABLE " + table + " CASCADE").update()).as(table)
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc().sql("DELETE FROM " + table).update()).as(table)
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        }
        assertThatThrownBy(() -> jdbc().sql("UPDATE audit_event SET detail = 'nothing'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc().sql("DROP TRIGGER audit_event_unchangeable ON audit_event").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc().sql("ALTER TABLE audit_event DISABLE TRIGGER ALL").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("must be owner");
        assertThat(queries().deviations(id)).containsExactly(LATE);
    }

    @Test
    void evenTheOwnerCannotTruncateAppendOnlyTables() {
        audit().record("monica", AuditLog.UPLOAD, "kept", null);
        JdbcClient asOwner = JdbcClient.create(owner);
        for (String table : java.util.List.of("audit_event", "deviation", "input_error", "run_report", "subject_timeline",
                "run_site", "deviation_review", "deviation_observation", "pd_log_entry")) {
            assertThatThrownBy(() -> asOwner.sql("TRUNCATE TABLE " + table).update()).as(table)
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("TRUNCATE on " + table + " refused");
        }
        assertThat(audit().latest(5)).anyMatch(e -> e.detail().equals("kept"));
    }

    @Test
    void theApplicationRoleMayUpdateOnlyWhereStateChanges() {
        AppUserTable users = new AppUserTable(jdbc());
        users.add(new AppUser("ursula", "{bcrypt}x", java.util.List.of("MONITOR"), null, "test"));
        assertThat(users.setPasswordHash("ursula", "{bcrypt}y")).isTrue();
        jdbc().sql("UPDATE nightly_lease SET beat_at = beat_at").update();
        jdbc().sql("UPDATE study SET active = FALSE WHERE id = 'none'").update();
        jdbc().sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'FAILED' WHERE JOB_EXECUTION_ID = -1").update();
        assertThatThrownBy(() -> jdbc().sql("DELETE FROM app_user").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    @Override
    RunArchive archive() {
        return new RunArchive(jdbc(), new JdbcTemplate(dataSource));
    }

    @Override
    RunQueries queries() {
        return new RunQueries(jdbc());
    }

    @Override
    AuditLog audit() {
        return new AuditLog(jdbc());
    }

    @Override
    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}

package io.protoguard.storage;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The storage tests on PostgreSQL (127.0.0.1:5432, database test, user postgres): the migrations run in a
 * fresh schema that is dropped afterwards, so runs never collide. An unreachable server FAILS the tests
 * with the reason; it never skips them.
 */
class RunStoragePostgresTest extends RunStorageContract {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test", USER = "postgres";
    static String schema;
    static DriverManagerDataSource dataSource;

    @BeforeAll
    static void migrateFreshSchema() {
        schema = "protoguard_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            fail("PostgreSQL cannot be reached at " + URL + " as user " + USER + " (" + e.getMessage() + "). Start it with "
                    + "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` or run .ci/run; "
                    + "these tests do not skip.", e);
        }
        dataSource = new DriverManagerDataSource(URL + "?currentSchema=" + schema, USER, "");
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema == null) return;
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
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

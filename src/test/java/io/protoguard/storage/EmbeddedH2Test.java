package io.protoguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded database's password and file modes, prepared before anything connects (no server needed). */
class EmbeddedH2Test {
    @TempDir
    Path dir;

    StandardEnvironment env(String url, Map<String, Object> more) {
        StandardEnvironment env = new StandardEnvironment();
        java.util.Map<String, Object> props = new java.util.HashMap<>(more);
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", "sa");
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        new EmbeddedH2().postProcessEnvironment(env, null);
        return env;
    }

    @Test
    void aNewDatabaseGetsAGeneratedPasswordInAnOwnerOnlyFile() throws Exception {
        Path data = dir.resolve("data");
        String url = "jdbc:h2:file:" + data + "/protoguard;WRITE_DELAY=0";
        StandardEnvironment env = env(url, Map.of());
        String password = env.getProperty("spring.datasource.password");
        Path file = data.resolve("protoguard.h2-password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(30);
        assertThat(Files.readString(file).strip()).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        try (Connection c = DriverManager.getConnection(url, "sa", password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INT)");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("protoguard.mv.db")))).isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "")).isInstanceOf(SQLException.class);
        // the next start reads the same password
        assertThat(env(url, Map.of()).getProperty("spring.datasource.password")).isEqualTo(password);
        assertThat(System.getProperty("h2.bindAddress")).isEqualTo("127.0.0.1");
    }

    @Test
    void aDatabaseMadeWithoutAPasswordGetsOneOnItsNextStart() throws Exception {
        String url = "jdbc:h2:file:" + dir + "/old;WRITE_DELAY=0";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (x INT)");
        }
        String password = env(url, Map.of()).getProperty("spring.datasource.password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "")).isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(url, "sa", password); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT COUNT(*) FROM kept").next()).isTrue();
        }
    }

    @Test
    void aConfiguredPasswordOrAnotherDatabaseIsLeftAlone() {
        assertThat(env("jdbc:h2:file:" + dir + "/x", Map.of("spring.datasource.password", "given")).getProperty("spring.datasource.password"))
                .isEqualTo("given");
        assertThat(Files.exists(dir.resolve("x.h2-password"))).isFalse();
        assertThat(env("jdbc:postgresql://127.0.0.1/test", Map.of()).getProperty("spring.datasource.password")).isNull();
    }
}

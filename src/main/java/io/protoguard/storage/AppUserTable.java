package io.protoguard.storage;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users added in the application. Passwords arrive here already hashed. */
@Repository
public class AppUserTable {
    private final JdbcClient jdbc;

    public AppUserTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AppUser> find(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?").param(username).query(this::user).optional();
    }

    public List<AppUser> all() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY username").query(this::user).list();
    }

    public void add(AppUser user) {
        jdbc.sql("INSERT INTO app_user (username, password_hash, roles, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(user.username(), user.passwordHash(), String.join(",", user.roles()),
                        user.createdAt() == null ? OffsetDateTime.now(ZoneOffset.UTC) : user.createdAt(), user.createdBy())
                .update();
    }

    public boolean setPasswordHash(String username, String passwordHash) {
        return jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?").params(passwordHash, username).update() == 1;
    }

    private AppUser user(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AppUser(rs.getString("username"), rs.getString("password_hash"),
                Arrays.stream(rs.getString("roles").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }
}

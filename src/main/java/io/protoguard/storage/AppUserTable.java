package io.protoguard.storage;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users added in the application. Passwords arrive here already hashed. A user is never deleted (its name is in the
 * append-only history): removing one sets its status to REMOVED.
 */
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
        jdbc.sql("INSERT INTO app_user (username, password_hash, roles, created_at, created_by, status, sites) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(user.username(), user.passwordHash(), String.join(",", user.roles()),
                        user.createdAt() == null ? OffsetDateTime.now(ZoneOffset.UTC) : user.createdAt(), user.createdBy(),
                        user.status(), String.join(",", user.sites()))
                .update();
    }

    public boolean setPasswordHash(String username, String passwordHash) {
        return set(username, "password_hash", passwordHash, "system");
    }

    public boolean setPasswordHash(String username, String passwordHash, String by) {
        return set(username, "password_hash", passwordHash, by);
    }

    public boolean setRoles(String username, List<String> roles, String by) {
        return set(username, "roles", String.join(",", roles), by);
    }

    public boolean setStatus(String username, String status, String by) {
        return set(username, "status", status, by);
    }

    public boolean setSites(String username, List<String> sites, String by) {
        return set(username, "sites", String.join(",", sites), by);
    }

    private boolean set(String username, String column, String value, String by) {
        // column is one of the constants above, never user input
        return jdbc.sql("UPDATE app_user SET " + column + " = ?, changed_at = ?, changed_by = ? WHERE username = ?")
                .params(value, OffsetDateTime.now(ZoneOffset.UTC), by, username).update() == 1;
    }

    static List<String> split(String commaSeparated) {
        if (commaSeparated == null) return List.of();
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private AppUser user(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AppUser(rs.getString("username"), rs.getString("password_hash"), split(rs.getString("roles")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getString("status"),
                split(rs.getString("sites")));
    }
}

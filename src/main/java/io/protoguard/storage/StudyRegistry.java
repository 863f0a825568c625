package io.protoguard.storage;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The study registry the nightly run works through. Configuration, not evidence: a study is edited in place
 * (who and when are kept on the row, and the web page writes each edit to the audit log).
 */
@Repository
public class StudyRegistry {
    /** Study ids end up in report file names and URLs, so they are kept to a safe alphabet. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final JdbcClient jdbc;

    public StudyRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Study> all() {
        return jdbc.sql("SELECT * FROM study ORDER BY id").query(this::study).list();
    }

    public List<Study> active() {
        return jdbc.sql("SELECT * FROM study WHERE active = TRUE ORDER BY id").query(this::study).list();
    }

    public Optional<Study> find(String id) {
        return jdbc.sql("SELECT * FROM study WHERE id = ?").param(id).query(this::study).optional();
    }

    /** Adds the study or replaces its settings; returns true when it was new. Invalid settings throw IllegalArgumentException. */
    @Transactional
    public boolean save(Study s) {
        validate(s);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String sites = String.join(",", s.sites());
        int changed = jdbc.sql("""
                UPDATE study SET protocol_id = ?, sites = ?, data_path = ?, time_zone = ?, active = ?, changed_at = ?, changed_by = ?
                WHERE id = ?""").params(s.protocolId(), sites, s.dataPath(), s.timeZone(), s.active(), now, s.changedBy(), s.id())
                .update();
        if (changed == 1) return false;
        jdbc.sql("""
                INSERT INTO study (id, protocol_id, sites, data_path, time_zone, active, changed_at, changed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(s.id(), s.protocolId(), sites, s.dataPath(), s.timeZone(), s.active(),
                now, s.changedBy()).update();
        return true;
    }

    public static void validate(Study s) {
        if (s.id() == null || !ID.matcher(s.id()).matches()) {
            throw new IllegalArgumentException("study id \"" + s.id() + "\" must be letters, digits, . _ - (at most 100)");
        }
        if (s.protocolId() == null || !ID.matcher(s.protocolId()).matches()) {
            throw new IllegalArgumentException("study " + s.id() + ": protocol \"" + s.protocolId() + "\" is not a protocol id");
        }
        if (s.dataPath() == null || s.dataPath().isBlank()) {
            throw new IllegalArgumentException("study " + s.id() + ": the data path is missing");
        }
        try {
            ZoneId.of(s.timeZone());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("study " + s.id() + ": \"" + s.timeZone() + "\" is not a time zone (e.g. Europe/Berlin)");
        }
        for (String site : s.sites()) {
            if (site.isBlank() || site.contains(",")) throw new IllegalArgumentException("study " + s.id() + ": bad site \"" + site + "\"");
        }
    }

    private Study study(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        List<String> sites = Arrays.stream(rs.getString("sites").split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        return new Study(rs.getString("id"), rs.getString("protocol_id"), sites, rs.getString("data_path"),
                rs.getString("time_zone"), rs.getBoolean("active"), rs.getObject("changed_at", OffsetDateTime.class),
                rs.getString("changed_by"));
    }
}

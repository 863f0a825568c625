package io.protoguard.storage;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Append-only record of sign-ins (failed ones too), uploads, downloads, protocol changes and user changes. */
@Repository
public class AuditLog {
    public static final String SIGN_IN = "SIGN_IN", SIGN_IN_FAILED = "SIGN_IN_FAILED", UPLOAD = "UPLOAD",
            DOWNLOAD = "DOWNLOAD", PROTOCOL_LOADED = "PROTOCOL_LOADED", PROTOCOL_CHANGED = "PROTOCOL_CHANGED",
            PROTOCOL_BROKEN = "PROTOCOL_BROKEN", USER_ADDED = "USER_ADDED", PASSWORD_SET = "PASSWORD_SET",
            STUDY_CHANGED = "STUDY_CHANGED", DEVIATION_REVIEWED = "DEVIATION_REVIEWED", USER_CHANGED = "USER_CHANGED",
            SIGN_IN_LOCKED = "SIGN_IN_LOCKED", SIGN_IN_UNLOCKED = "SIGN_IN_UNLOCKED", UPLOAD_REFUSED = "UPLOAD_REFUSED";

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String detail, String remoteAddr) {
        jdbc.sql("INSERT INTO audit_event (occurred_at, actor, action, detail, remote_addr) VALUES (?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(ZoneOffset.UTC), limit(actor == null ? "anonymous" : actor, 100), action, detail, limit(remoteAddr, 64))
                .update();
    }

    /** Newest first. */
    public List<AuditEvent> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_event ORDER BY id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("detail"), rs.getString("remote_addr")))
                .list();
    }

    private static String limit(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max);
    }
}

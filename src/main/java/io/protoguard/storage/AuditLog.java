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

    /**
     * One page of the log, newest first, narrowed to an action and to actors whose name contains {@code actor}
     * (blank: everything).
     */
    public Paging.Page<AuditEvent> page(String action, String actor, Paging.Request request) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        if (action != null && !action.isBlank()) {
            where.append(" AND action = :action");
            params.put("action", action.strip());
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" AND UPPER(actor) LIKE :actor ESCAPE '!'");
            params.put("actor", "%" + actor.strip().toUpperCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_event" + where).params(params).query(Long.class).single();
        params.put("limit", request.size());
        params.put("offset", request.offset());
        String dir = "asc".equals(request.dir()) && "id".equals(request.sort()) ? "ASC" : "DESC";
        List<AuditEvent> rows = jdbc.sql("SELECT * FROM audit_event" + where + " ORDER BY id " + dir + " LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("detail"), rs.getString("remote_addr")))
                .list();
        return new Paging.Page<>(rows, request.page(), request.size(), total);
    }

    /** The actions the log holds, for a filter. */
    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_event ORDER BY action").query(String.class).list();
    }

    private static String limit(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max);
    }
}
